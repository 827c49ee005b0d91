/**
 * The outbox as a push uses it: what to send next, what the server answered, the failed attempts and
 * their backoff, and the oldest event that will not sync. Loaded with the push, only when the outbox
 * holds something to send (outbox.ts keeps the status bar's counts).
 */
import type { EventResult } from '../../shared/protocol/sync.js';
import type { LocalStore } from './local-store.js';
import { statusRange } from './outbox.js';
import { hasFailed, nextEventRetry, stuckEventOf, type StuckEvent } from './outbox-retry.js';
import { OUTBOX_INDEXES, STORES, type OutboxEntry } from './schema.js';

/** One failed attempt to sync an event: why, and whether no push can ever carry it (its size). */
export interface FailedAttempt {
  id: string;
  reason: string;
  tooLarge?: number;
}

/** The next events to push, and how many were kept back because they no longer read as the wire format. */
export interface PushBatch {
  entries: OutboxEntry[];
  keptBack: number;
}

/**
 * The oldest pending events, at most `limit`, in deviceSeq order, each checked against the event
 * schema first (push-checks.ts): one that fails is not sent but kept, marked refused by this device.
 */
export async function pendingForPush(store: LocalStore, limit: number): Promise<PushBatch> {
  let keptBack = 0;
  for (;;) {
    const batch = await store.tx('readonly', [STORES.outbox], (tx) =>
      tx.objectStore(STORES.outbox).index(OUTBOX_INDEXES.byStatus).getAll(statusRange('pending'), limit),
    );
    // An empty outbox (most syncs) needs no checks: their chunk is loaded only for events to send.
    if (batch.length === 0) return { entries: batch, keptBack };
    const entries = await (await import('./checks.js')).keepBackUnreadable(store, batch);
    keptBack += batch.length - entries.length;
    // A batch of nothing but unreadable events is not the end of the queue: read on.
    if (entries.length > 0) return { entries, keptBack };
  }
}

/** Up to `limit` pending entries after sequence number `afterSeq`, oldest first, unchecked (a push reads the queue page by page). */
export function pendingAfter(store: LocalStore, afterSeq: number, limit: number): Promise<OutboxEntry[]> {
  return store.tx('readonly', [STORES.outbox], (tx) =>
    tx.objectStore(STORES.outbox).index(OUTBOX_INDEXES.byStatus).getAll(IDBKeyRange.bound(['pending', afterSeq], ['pending', Infinity], true), limit),
  );
}

/**
 * Records the server's per-event answers: applied/duplicate → synced; rejected → kept with its reason;
 * deferred → still pending, one more failed attempt, not sent again before its backoff.
 */
export function applyPushResults(store: LocalStore, results: EventResult[], now: string, random: () => number = Math.random): Promise<void> {
  return store.tx(
    'readwrite',
    [STORES.outbox],
    async (tx) => {
      const outbox = tx.objectStore(STORES.outbox);
      for (const result of results) {
        const entry = await outbox.get(result.id);
        if (!entry || entry.status !== 'pending') continue;
        if (result.status === 'deferred') {
          await outbox.put(retryLater(withFailure(entry, result.message, now), now, random));
        } else if (result.status === 'rejected') {
          const rejection = { code: result.code, message: result.message, ...(result.detail ? { detail: result.detail } : {}) };
          await outbox.put({ ...entry, status: 'rejected', syncedAt: now, rejection });
        } else {
          await outbox.put({ ...entry, status: 'synced', syncedAt: now });
        }
      }
    },
    { durability: 'strict' },
  );
}

/**
 * Records failed attempts of pending events: a request that failed as a whole (the scheduler backs off
 * the next one; `backoff` false), or an event no push can carry (kept, marked, retried with backoff in
 * case the server's limit grows).
 */
export function recordFailedAttempts(store: LocalStore, failures: FailedAttempt[], now: string, backoff: boolean, random: () => number = Math.random): Promise<void> {
  if (failures.length === 0) return Promise.resolve();
  return store.tx(
    'readwrite',
    [STORES.outbox],
    async (tx) => {
      const outbox = tx.objectStore(STORES.outbox);
      for (const failure of failures) {
        const entry = await outbox.get(failure.id);
        if (!entry || entry.status !== 'pending') continue;
        const failed = withFailure(entry, failure.reason, now);
        if (failure.tooLarge !== undefined) failed.tooLarge = failure.tooLarge;
        await outbox.put(backoff ? retryLater(failed, now, random) : failed);
      }
    },
    { durability: 'strict' },
  );
}

/** The entry, not to be sent again before its backoff after its latest failed attempt. */
function retryLater(failed: OutboxEntry, now: string, random: () => number): OutboxEntry {
  return { ...failed, retryAt: new Date(nextEventRetry(failed.attempts ?? 1, Date.parse(now), random())).toISOString() };
}

/** The entry after one more failed attempt (the retry fields of an older entry may be absent or odd). */
function withFailure(entry: OutboxEntry, reason: string, now: string): OutboxEntry {
  const attempts = Number.isInteger(entry.attempts) && (entry.attempts ?? 0) > 0 ? entry.attempts! + 1 : 1;
  const failingSince = typeof entry.failingSince === 'string' && attempts > 1 ? entry.failingSince : now;
  return { ...entry, attempts, failingSince, lastReason: reason };
}

/**
 * The oldest queued event when it will not sync (failed STUCK_AFTER_ATTEMPTS times, for STUCK_AFTER_MS,
 * or too large to send), else undefined. The thresholds load with the wire schemas, only when the
 * oldest event has failed at all.
 */
export async function stuckEvent(store: LocalStore, nowMs: number): Promise<StuckEvent | undefined> {
  const [oldest] = await pendingAfter(store, -Infinity, 1);
  if (!oldest || !hasFailed(oldest)) return undefined;
  const { STUCK_AFTER_ATTEMPTS, STUCK_AFTER_MS } = await import('../sync/validate.js');
  return stuckEventOf(oldest, nowMs, { attempts: STUCK_AFTER_ATTEMPTS, ms: STUCK_AFTER_MS }) ?? undefined;
}
