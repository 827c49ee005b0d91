/** Pull: the catalogue and parcels of the device's warehouse that changed since the device's cursor. */
import type * as z from 'zod/mini';
import { DEFAULT_PICK_SETTINGS, type PickSettings } from '../../shared/picking/pick-settings.js';
import { PUSH_MAX_BYTES, PUSH_MAX_EVENTS, type pullResponseSchema } from '../../shared/protocol/sync.js';
import { currentChangeSeq } from '../db/change-seq.js';
import type { Database } from '../db/client.js';
import { catalogueChangedBetween, loadCatalogue } from './load-catalogue.js';
import { parcelsChangedSince } from './parcel-view.js';
import { batchesChangedBetween } from '../picking/batch-store.js';

/** A pull page as the server sends it (batches always present). */
type PullPage = z.infer<typeof pullResponseSchema>;

/** One page of changes for `warehouseId` after `cursor`, read from one snapshot. */
export async function pullChanges(
  database: Database,
  warehouseId: string,
  cursor: string,
  limit: number,
  pickSettings: PickSettings = DEFAULT_PICK_SETTINGS,
): Promise<PullPage> {
  return database.read(async (tx) => {
    const head = await currentChangeSeq(tx);
    // A cursor beyond the head means the server's data was replaced (restored, re-seeded): start over
    // from 0 rather than wait forever for stamps that will never come.
    const requested = Number(cursor);
    const from = Number.isSafeInteger(requested) && requested <= head ? requested : 0;
    const rows = await parcelsChangedSince(tx, warehouseId, from, head, limit + 1);
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    // While more pages follow, the cursor is the last parcel sent; on the last page it is the head, so
    // changes elsewhere (other warehouses) do not make the device ask again and again.
    const next = more ? page[page.length - 1].seq : head;
    const catalogueChanged = from === 0 || (await catalogueChangedBetween(tx, warehouseId, from, next));
    return {
      cursor: String(next),
      more,
      catalogue: catalogueChanged ? await loadCatalogue(tx, warehouseId) : null,
      parcels: page.map((r) => r.parcel),
      // Batches stamped up to the same cursor, so a batch never arrives before its parcels' page.
      batches: await batchesChangedBetween(tx, warehouseId, from, next),
      pickSettings,
      // What one push may carry, so a device cuts its batches to fit (the push route's body limit is PUSH_MAX_BYTES).
      pushLimits: { maxEvents: PUSH_MAX_EVENTS, maxBytes: PUSH_MAX_BYTES },
    };
  });
}
