import { describe, expect, it } from 'vitest';
import { backoffDelayMs, nextAfterFailure } from '../../../src/shared/notify/backoff.js';

const policy = { baseMs: 1000, maxMs: 60_000 };

describe('notification backoff', () => {
  it.each([
    { failed: 1, low: 500, high: 999 },
    { failed: 2, low: 1000, high: 1999 },
    { failed: 3, low: 2000, high: 3999 },
    { failed: 7, low: 30_000, high: 59_999 },
    { failed: 50, low: 30_000, high: 59_999 },
  ])('after $failed failures waits between $low and $high ms', ({ failed, low, high }) => {
    expect(backoffDelayMs(failed, 0, policy)).toBe(low);
    expect(backoffDelayMs(failed, 0.999999999, policy)).toBe(high);
    const mid = backoffDelayMs(failed, 0.5, policy);
    expect(mid).toBeGreaterThan(low);
    expect(mid).toBeLessThan(high);
  });

  it('spreads rows that failed together (jitter) and never shrinks as failures grow', () => {
    expect(new Set([0.1, 0.4, 0.7].map((r) => backoffDelayMs(4, r, policy))).size).toBe(3);
    for (let n = 1; n < 20; n++) expect(backoffDelayMs(n + 1, 0, policy)).toBeGreaterThanOrEqual(backoffDelayMs(n, 0, policy));
  });

  it('gives up after the configured number of attempts', () => {
    expect(nextAfterFailure(4, 5, 0, policy)).toEqual({ status: 'retry', delayMs: 4000 });
    expect(nextAfterFailure(5, 5, 0, policy)).toEqual({ status: 'dead' });
  });
});
