/**
 * The outbox counts of the status bar. What a push reads and writes (outbox-push.ts) loads with the
 * push, only when there is something to send.
 */
import type { LocalStore } from './local-store.js';
import type { StuckEvent } from './outbox-retry.js';
import { OUTBOX_INDEXES, STORES, type OutboxStatus } from './schema.js';

/** Counts shown on the sync status bar, and the oldest queued event when it will not sync. */
export interface OutboxCounts {
  pending: number;
  rejected: number;
  synced: number;
  stuck?: StuckEvent;
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
