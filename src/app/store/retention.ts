/**
 * What leaves the device with time: synced events after a week, packed parcels after the retention
 * window. Loaded after a sync, and only when something could go (sync/sync-service.ts).
 */
import type { LocalStore } from './local-store.js';
import { statusRange } from './outbox.js';
import { OUTBOX_INDEXES, STORES } from './schema.js';
import { shipmentOfSubject } from '../../shared/protocol/event-subject.js';

/** Deletes synced entries recorded before `before` (ISO); pending and rejected ones are never purged. Returns how many. */
export function purgeSynced(store: LocalStore, before: string): Promise<number> {
  return store.tx('readwrite', [STORES.outbox], async (tx) => {
    let removed = 0;
    let cursor = await tx.objectStore(STORES.outbox).index(OUTBOX_INDEXES.byStatus).openCursor(statusRange('synced'));
    while (cursor) {
      if (cursor.value.syncedAt !== null && cursor.value.syncedAt < before) {
        await cursor.delete();
        removed += 1;
      }
      cursor = await cursor.continue();
    }
    return removed;
  });
}

/** Deletes parcels packed or shipped before `before` (ISO) that no unsent or refused event names; returns their ids. */
export function purgePackedParcels(store: LocalStore, before: string): Promise<string[]> {
  return store.tx('readwrite', [STORES.parcels, STORES.outbox], async (tx) => {
    const stillNeeded = new Set<string>();
    for (const entry of await tx.objectStore(STORES.outbox).getAll()) {
      const shipmentId = entry.status !== 'synced' ? shipmentOfSubject(entry.subject) : null;
      if (shipmentId !== null) stillNeeded.add(shipmentId);
    }
    const removed: string[] = [];
    let cursor = await tx.objectStore(STORES.parcels).openCursor();
    while (cursor) {
      const p = cursor.value;
      const done = p.status === 'packed' || p.status === 'shipped';
      if (done && !stillNeeded.has(p.shipmentId) && p.packedBy !== null && p.packedBy.at < before) {
        await cursor.delete();
        removed.push(p.shipmentId);
      }
      cursor = await cursor.continue();
    }
    return removed;
  });
}
