/**
 * The wipe: everything about customers and this enrolment leaves the device at once (a revocation, or
 * a supervisor's tap). In the main bundle, so a wipe never waits for code to load.
 */
import type { LocalStore } from './local-store.js';
import { STORES, type MetaKey } from './schema.js';

/** What a wipe removed and what it kept. */
export interface WipeSummary {
  parcels: number;
  /** Unsent (pending) and refused events kept: they belong to the warehouse and hold no customer data. */
  keptEvents: number;
}

/** Every screen's state and every pulled record: they name parcels and customers of the warehouse. */
const WIPED_META: MetaKey[] = ['credential', 'session', 'packState', 'pickState', 'returnState', 'loadState', 'batches', 'pickSettings', 'cursor', 'catalogue', 'lastSyncAt'];

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
