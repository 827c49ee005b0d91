// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PauseTimer } from '../../../src/app/scan/pause-timer.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const NEVER_GIVE_UP_MS = 60_000;

describe('pause timer: the check runs only after the key events already waiting', () => {
  it('checks once, no sooner than asked', async () => {
    const timer = new PauseTimer(() => false);
    const started = performance.now();
    let checks = 0;
    const checkedAt = await new Promise<number>((resolve) =>
      timer.arm(20, () => {
        checks++;
        resolve(performance.now());
      }),
    );
    expect(checkedAt - started).toBeGreaterThanOrEqual(19);
    await sleep(30);
    expect(checks).toBe(1);
  });

  it('while the browser reports input pending, waits; a key handled meanwhile re-arms and the stale check never runs', async () => {
    let pending = true;
    let asked = 0;
    const timer = new PauseTimer(() => (asked++, pending), NEVER_GIVE_UP_MS);
    const checks: string[] = [];
    timer.arm(0, () => checks.push('first'));
    while (asked < 3) await sleep(1);
    expect(checks).toEqual([]); // input still waiting: the scan is not ended over it
    const second = new Promise<void>((resolve) => timer.arm(0, () => (checks.push('second'), resolve()))); // the waiting key was handled
    pending = false;
    await second;
    await sleep(10);
    expect(checks).toEqual(['second']);
  });

  it('a check waiting one task for queued keys is dropped when one of them re-arms the timer', async () => {
    const timer = new PauseTimer(() => false);
    const checks: string[] = [];
    timer.arm(0, () => checks.push('stale'));
    // Due together with the pause timer, so it runs after the timer fired but before the check's task.
    const fresh = new Promise<void>((resolve) => setTimeout(() => timer.arm(5, () => (checks.push('fresh'), resolve())), 0));
    await fresh;
    await sleep(10);
    expect(checks).toEqual(['fresh']);
  });

  it('a browser that reports input pending forever does not hold the scan forever', async () => {
    const timer = new PauseTimer(() => true, 20);
    const started = performance.now();
    const checkedAt = await new Promise<number>((resolve) => timer.arm(0, () => resolve(performance.now())));
    expect(checkedAt - started).toBeGreaterThanOrEqual(19);
  });

  it('cancel drops the check', async () => {
    const timer = new PauseTimer(() => false);
    let checked = false;
    timer.arm(5, () => (checked = true));
    timer.cancel();
    await sleep(30);
    expect(checked).toBe(false);
  });
});
