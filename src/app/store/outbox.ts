/** The event outbox as sync uses it: what to push next, what the server answered, and the counts of the status bar. */
import type { EventResult } from '../../shared/protocol/sync.js';
import type { LocalStore } from './local-store.js';
import { OUTBOX_INDEXES, STORES, type OutboxEntry, type OutboxStatus } from './schema.js';

/** Counts shown on the sync status bar. */
export interface OutboxCounts {
  pending: number;
  rejected: number;
  synced: number;
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

/** Records the server's per-event answers: applied/duplicate → synced; rejected → kept with its reason. */
export function applyPushResults(store: LocalStore, results: EventResult[], now: string): Promise<void> {
  return store.tx(
    'readwrite',
    [STORES.outbox],
    async (tx) => {
      const outbox = tx.objectStore(STORES.outbox);
      for (const result of results) {
        const entry = await outbox.get(result.id);
        // deferred: the server will take it later; it stays pending.
        if (!entry || entry.status !== 'pending' || result.status === 'deferred') continue;
        if (result.status === 'rejected') {
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

/** How many events are pending, rejected and synced. */
export function outboxCounts(store: LocalStore): Promise<OutboxCounts> {
  return store.tx('readonly', [STORES.outbox], async (tx) => {
    const index = tx.objectStore(STORES.outbox).index(OUTBOX_INDEXES.byStatus);
    const [pending, rejected, synced] = await Promise.all([index.count(statusRange('pending')), index.count(statusRange('rejected')), index.count(statusRange('synced'))]);
    return { pending, rejected, synced };
  });
}

/** The key range of one status in the by-status index. */
export function statusRange(status: OutboxStatus): IDBKeyRange {
  return IDBKeyRange.bound([status, -Infinity], [status, Infinity]);
}
