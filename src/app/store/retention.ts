/**
 * What leaves the device and when: synced events after a week, packed parcels after the retention
 * window, and everything about customers and this enrolment on a wipe (revocation or a supervisor's tap).
 */
import type { LocalStore } from './local-store.js';
import { statusRange } from './outbox.js';
import { OUTBOX_INDEXES, STORES, type MetaKey } from './schema.js';
import { shipmentOfSubject } from './subject.js';

/** What a wipe removed and what it kept. */
export interface WipeSummary {
  parcels: number;
  /** Unsent (pending) and refused events kept: they belong to the warehouse and hold no customer data. */
  keptEvents: number;
}

/** Every screen's state and every pulled record: they name parcels and customers of the warehouse. */
const WIPED_META: MetaKey[] = ['credential', 'session', 'packState', 'pickState', 'returnState', 'batches', 'pickSettings', 'cursor', 'catalogue', 'lastSyncAt'];

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

/**
 * Wipes everything about customers and this enrolment in one transaction: parcels, catalogue,
 * cursor, flow states, staff session, credential, synced events. Pending and refused events stay
 * (shipment ids and item counts only, no customer data), so work done offline is sent once the
 * device is enrolled again; the device sequence stays too, so the server sees no restart.
 */
export function wipeCustomerData(store: LocalStore): Promise<WipeSummary> {
  return store.tx(
    'readwrite',
    [STORES.meta, STORES.parcels, STORES.outbox],
    async (tx) => {
      const parcels = await tx.objectStore(STORES.parcels).count();
      await tx.objectStore(STORES.parcels).clear();
      const meta = tx.objectStore(STORES.meta);
      for (const key of WIPED_META) await meta.delete(key);
      let keptEvents = 0;
      let cursor = await tx.objectStore(STORES.outbox).openCursor();
      while (cursor) {
        if (cursor.value.status === 'synced') await cursor.delete();
        else keptEvents += 1;
        cursor = await cursor.continue();
      }
      return { parcels, keptEvents };
    },
    { durability: 'strict' },
  );
}
