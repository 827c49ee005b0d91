/** Applying one pull page: catalogue, parcels, pick batches, settings and the cursor in one transaction. */
import { unwrap } from 'idb';
import type { Parcel } from '../../shared/domain/parcel.js';
import type { PickBatch } from '../../shared/protocol/pick.js';
import type { PullResponse } from '../../shared/protocol/sync.js';
import type { LocalStore } from './local-store.js';
import { statusRange } from './outbox.js';
import { OUTBOX_INDEXES, STORES } from './schema.js';
import { shipmentOfSubject } from '../../shared/protocol/event-subject.js';

/** User Timing measure of issuing one pull page's puts (the records are cloned then): the benchmark's split. */
export const PULL_PUT_MEASURE = 'floorpack:pull-put';

/**
 * Applies one pull page atomically: catalogue (when sent), parcels and the cursor. A parcel this
 * device packed whose event is still pending keeps its local "packed" status (and the labels it
 * bound) until the server has it, so a pull racing a push never reopens a packed parcel. Returns the parcels as stored.
 */
export function applyPullPage(store: LocalStore, page: PullResponse): Promise<Parcel[]> {
  return store.tx(
    'readwrite',
    [STORES.meta, STORES.parcels, STORES.outbox],
    async (tx) => {
      const meta = tx.objectStore(STORES.meta);
      const parcels = tx.objectStore(STORES.parcels);
      // The reads first, together (one round trip to the IndexedDB backend); every write after them
      // is issued without waiting for the one before: the transaction commits all of them or none.
      const hasBatches = page.batches !== undefined && page.batches.length > 0;
      const [pending, knownBatches] = await Promise.all([
        tx.objectStore(STORES.outbox).index(OUTBOX_INDEXES.byStatus).getAll(statusRange('pending')),
        hasBatches ? meta.get('batches') : undefined,
      ]);
      const pendingShipments = new Set<string>();
      for (const entry of pending) {
        const shipmentId = shipmentOfSubject(entry.subject);
        if (shipmentId !== null) pendingShipments.add(shipmentId);
      }
      const kept = page.parcels.filter((p) => pendingShipments.has(p.shipmentId) && p.status !== 'packed' && p.status !== 'shipped');
      const locals = new Map((await Promise.all(kept.map((p) => parcels.get(p.shipmentId)))).map((local, i) => [kept[i].shipmentId, local]));
      const stored = page.parcels.map((incoming) => {
        const local = locals.get(incoming.shipmentId);
        if (local?.status !== 'packed') return incoming;
        // The labels scanned at packing stay too: a loading scan on this device matches them before the server has them.
        const bound = local.shipping?.boundTrackingNumbers ?? [];
        const shipping = incoming.shipping && bound.length > 0 ? { ...incoming.shipping, boundTrackingNumbers: bound } : incoming.shipping;
        return { ...incoming, status: 'packed' as const, packedBy: local.packedBy, shipping };
      });
      // Issued on the raw stores, as a plain bulk put is: no promise and listeners per request
      // (idb's wrapper cost a fifth of the puts' time). A put that fails aborts the transaction, so
      // tx.done (awaited by tx()) rejects and nothing lands; a record that cannot be cloned throws
      // here and tx() aborts.
      const rawMeta = unwrap(meta);
      if (page.catalogue) rawMeta.put({ key: 'catalogue', value: page.catalogue });
      const putStart = performance.now();
      const rawParcels = unwrap(parcels);
      for (const parcel of stored) rawParcels.put(parcel);
      performance.measure(PULL_PUT_MEASURE, { start: putStart });
      if (hasBatches) {
        const known = (knownBatches?.value as Record<string, PickBatch> | undefined) ?? {};
        // Only batches a picker can still act on are kept; completed and dissolved ones are dropped.
        for (const batch of page.batches!) {
          if (batch.status === 'open' || batch.status === 'claimed') known[batch.batchId] = batch;
          else delete known[batch.batchId];
        }
        rawMeta.put({ key: 'batches', value: known });
      }
      if (page.pickSettings) rawMeta.put({ key: 'pickSettings', value: page.pickSettings });
      rawMeta.put({ key: 'cursor', value: page.cursor });
      return stored;
    },
    { durability: 'strict' },
  );
}
