/**
 * When to sync: on start, when the network comes back, ~1 s after each recorded event, on demand,
 * and after a failure on a timer with exponential backoff and jitter (capped): a network failure, a
 * 5xx, a 408/429 or an unreadable reply alike. One run at a time; requests during a run coalesce into
 * one more run. A 401 stops everything and reports it. After a run that left events deferred by the
 * server, the next run comes when the soonest of them may be sent again.
 */
import { AuthError } from './api.js';

/** Debounce after a recorded event, so a burst of completes goes in one push. */
export const SYNC_DEBOUNCE_MS = 1000;
/** First retry delay after a failure. */
export const SYNC_RETRY_BASE_MS = 2000;
/** Longest retry delay. */
export const SYNC_RETRY_MAX_MS = 60_000;

/** The delay before retry number `failures` (1-based): doubling, capped, with "equal jitter". */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(SYNC_RETRY_MAX_MS, SYNC_RETRY_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Why a sync was asked for. */
export type SyncReason = 'start' | 'online' | 'event' | 'manual' | 'wake' | 'retry';

/** What the status bar shows about syncing. */
export interface SchedulerState {
  running: boolean;
  failures: number;
  /** Epoch ms of the next automatic retry, when failing. */
  retryAt: number | null;
  lastError: unknown;
}

/** What the scheduler needs; timers and randomness come in so tests can drive them. */
export interface SchedulerDeps {
  /**
   * One full sync (push then pull); throws on failure. `manual`: the worker asked (deferred events go
   * now). Resolves to when deferred events may be sent again (epoch ms), or null.
   */
  run: (signal: AbortSignal, manual: boolean) => Promise<number | null | void>;
  isOnline: () => boolean;
  onAuthLost: (error: AuthError) => void;
  onState?: (state: SchedulerState) => void;
  random?: () => number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** Runs syncs at the right moments. */
export class SyncScheduler {
  private state: SchedulerState = { running: false, failures: 0, retryAt: null, lastError: null };
  private timer: unknown = null;
  private again = false;
  private manual = false;
  private stopped = false;
  private abort: AbortController | null = null;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly deps: SchedulerDeps) {
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** The current state (for the status bar). */
  get snapshot(): SchedulerState {
    return this.state;
  }

  /** Asks for a sync: now, or debounced after a recorded event. */
  request(reason: SyncReason): void {
    if (this.stopped) return;
    if (reason === 'event') {
      // Debounce, but never postpone a retry that is already due sooner.
      this.schedule(SYNC_DEBOUNCE_MS, true);
      return;
    }
    if (reason === 'manual') this.manual = true;
    if (reason === 'online' || reason === 'manual') this.state = { ...this.state, failures: 0 };
    this.schedule(0, false);
  }

  /** Stops all timers and the run in flight (on revocation, or in tests). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    this.abort?.abort();
  }

  /** Allows requests again after stop() (after a new enrolment). */
  resume(): void {
    this.stopped = false;
    this.state = { running: false, failures: 0, retryAt: null, lastError: null };
  }

  private schedule(ms: number, onlyIfSooner: boolean): void {
    if (this.state.running) {
      this.again = true;
      return;
    }
    const now = this.deps.now?.() ?? Date.now();
    if (this.timer !== null) {
      // A backoff retry is not cut short by new events, and a due debounce is never postponed.
      if (onlyIfSooner && (this.state.failures > 0 || (this.state.retryAt !== null && this.state.retryAt <= now + ms))) return;
      this.clearTimer(this.timer);
    }
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.runOnce();
    }, ms);
    if (ms > 0) this.set({ retryAt: now + ms });
  }

  private async runOnce(): Promise<void> {
    if (this.stopped) return;
    if (!this.deps.isOnline()) {
      // The `online` event will ask again; nothing to try before it.
      this.set({ retryAt: null });
      return;
    }
    this.again = false;
    const manual = this.manual;
    this.manual = false;
    this.abort = new AbortController();
    this.set({ running: true, retryAt: null });
    try {
      const deferredUntil = await this.deps.run(this.abort.signal, manual);
      this.set({ running: false, failures: 0, lastError: null });
      if (this.again) this.schedule(0, false);
      else if (typeof deferredUntil === 'number') this.schedule(Math.max(0, deferredUntil - (this.deps.now?.() ?? Date.now())), false);
    } catch (error) {
      if (error instanceof AuthError) {
        this.set({ running: false, lastError: error });
        this.stop();
        this.deps.onAuthLost(error);
        return;
      }
      if (this.stopped) {
        this.set({ running: false });
        return;
      }
      const failures = this.state.failures + 1;
      this.set({ running: false, failures, lastError: error });
      this.schedule(backoffMs(failures, this.deps.random), false);
    } finally {
      this.abort = null;
    }
  }

  private set(patch: Partial<SchedulerState>): void {
    this.state = { ...this.state, ...patch };
    this.deps.onState?.(this.state);
  }
}
