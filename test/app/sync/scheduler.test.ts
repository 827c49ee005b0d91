/** When sync runs: backoff with jitter, debounced events, offline, 401, and requests made during a run. */
import { describe, expect, it, vi } from 'vitest';
import { AuthError, RetryableError } from '../../../src/app/sync/api.js';
import { SYNC_RETRY_MAX_MS, SyncScheduler, backoffMs } from '../../../src/app/sync/scheduler.js';

describe('backoffMs', () => {
  it('doubles with jitter and caps at about a minute', () => {
    expect(backoffMs(1, () => 0)).toBe(1000);
    expect(backoffMs(1, () => 1)).toBe(2000);
    expect(backoffMs(3, () => 1)).toBe(8000);
    expect(backoffMs(30, () => 1)).toBe(SYNC_RETRY_MAX_MS);
    expect(backoffMs(30, () => 0)).toBe(SYNC_RETRY_MAX_MS / 2);
  });
});


describe('SyncScheduler', () => {
  function harness(run: (signal: AbortSignal, manual: boolean) => Promise<number | null | void>, online = true) {
    const timers: { fn: () => void; ms: number }[] = [];
    const onAuthLost = vi.fn();
    const scheduler = new SyncScheduler({
      run,
      isOnline: () => online,
      onAuthLost,
      random: () => 1,
      now: () => 0,
      setTimer: (fn, ms) => {
        const t = { fn, ms };
        timers.push(t);
        return t;
      },
      clearTimer: (h) => {
        const i = timers.indexOf(h as (typeof timers)[number]);
        if (i >= 0) timers.splice(i, 1);
      },
    });
    const fire = async () => {
      const t = timers.shift();
      t?.fn();
      await new Promise((r) => setTimeout(r, 0));
      return t?.ms;
    };
    return { scheduler, timers, fire, onAuthLost };
  }

  it('retries failures with growing delays and resets after a success', async () => {
    let fail = 3;
    const run = vi.fn(async () => {
      if (fail-- > 0) throw new RetryableError('down', null);
    });
    const h = harness(run);
    h.scheduler.request('start');
    expect(await h.fire()).toBe(0);
    expect(h.timers[0].ms).toBe(2000);
    await h.fire();
    expect(h.timers[0].ms).toBe(4000);
    await h.fire();
    expect(h.timers[0].ms).toBe(8000);
    await h.fire();
    expect(run).toHaveBeenCalledTimes(4);
    expect(h.timers).toHaveLength(0);
    expect(h.scheduler.snapshot.failures).toBe(0);
  });

  it('debounces events by about a second', async () => {
    const run = vi.fn(async () => undefined);
    const h = harness(run);
    h.scheduler.request('event');
    h.scheduler.request('event');
    expect(h.timers).toHaveLength(1);
    expect(await h.fire()).toBe(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('does not try while offline; the online event asks again', async () => {
    const run = vi.fn(async () => undefined);
    const h = harness(run, false);
    h.scheduler.request('start');
    await h.fire();
    expect(run).not.toHaveBeenCalled();
  });

  it('stops and reports on 401', async () => {
    const run = vi.fn(async () => {
      throw new AuthError('revoked');
    });
    const h = harness(run);
    h.scheduler.request('start');
    await h.fire();
    expect(h.onAuthLost).toHaveBeenCalledTimes(1);
    expect(h.timers).toHaveLength(0);
    h.scheduler.request('event');
    expect(h.timers).toHaveLength(0);
  });

  it('coalesces requests made during a run into one more run', async () => {
    let release!: () => void;
    const run = vi.fn(
      () =>
        new Promise<void>((r) => {
          release = r;
        }),
    );
    const h = harness(run);
    h.scheduler.request('start');
    await h.fire();
    h.scheduler.request('manual');
    h.scheduler.request('event');
    expect(h.timers).toHaveLength(0);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(h.timers).toHaveLength(1);
    await h.fire();
    release();
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('backs off a server answering 5xx as it does a lost network, and says it is failing until a run succeeds', async () => {
    let fail = 2;
    const run = vi.fn(async () => {
      if (fail-- > 0) throw new RetryableError('HTTP 503', 503);
    });
    const h = harness(run);
    h.scheduler.request('start');
    await h.fire();
    expect(h.scheduler.snapshot).toMatchObject({ failures: 1, retryAt: 2000 });
    expect(h.scheduler.snapshot.lastError).toMatchObject({ status: 503 });
    // A recorded event does not cut the backoff short: the failing server is not hammered.
    h.scheduler.request('event');
    expect(h.timers.map((t) => t.ms)).toEqual([2000]);
    await h.fire();
    expect(h.scheduler.snapshot).toMatchObject({ failures: 2, retryAt: 4000 });
    await h.fire();
    expect(h.scheduler.snapshot).toMatchObject({ failures: 0, lastError: null });
  });

  it('runs again when the soonest deferred event may be sent, and tells the run when the worker asked', async () => {
    const run = vi.fn(async (_signal: AbortSignal, manual: boolean) => (manual ? null : 7000));
    const h = harness(run);
    h.scheduler.request('start');
    await h.fire();
    expect(run.mock.calls[0][1]).toBe(false);
    // now() is 0 in this harness: the next run is due at 7000.
    expect(h.timers.map((t) => t.ms)).toEqual([7000]);
    h.scheduler.request('manual');
    await h.fire();
    expect(run.mock.calls[1][1]).toBe(true);
    expect(h.timers).toHaveLength(0);
  });
});
