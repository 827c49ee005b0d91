/** A supervisor releases a claimed batch: it is open again, its parcels released, the batches rebuilt. */
import { eq } from 'drizzle-orm';
import { nextChangeSeq } from '../db/change-seq.js';
import type { Database } from '../db/client.js';
import * as t from '../db/schema.js';
import { lockBatch, lockParcels } from './batch-store.js';
import { lockOpenBatches, lockWarehouseForRebuild, rebuildBatchesInTx } from './rebuild-batches.js';

/** Why a release was refused. */
export class ReleaseError extends Error {
  constructor(
    readonly code: 'batch_unknown' | 'batch_not_claimed',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Releases `batchId` in one transaction. The device that held it is told on its next sync (its pick
 * events are refused with batch_not_yours and the pull shows the batch open or rebuilt).
 */
export async function releaseBatch(database: Database, batchId: string, batchSize: number, now: Date): Promise<void> {
  await database.write(async (tx) => {
    const [found] = await tx.select({ warehouseId: t.pickBatches.warehouseId }).from(t.pickBatches).where(eq(t.pickBatches.id, batchId));
    if (!found) throw new ReleaseError('batch_unknown', `Batch ${batchId} does not exist.`);
    // Lock order: warehouse row (the rebuild below takes it first), batch row, parcel rows, counter.
    await lockWarehouseForRebuild(tx, found.warehouseId);
    await lockOpenBatches(tx, found.warehouseId);
    const batch = await lockBatch(tx, found.warehouseId, batchId);
    if (!batch || batch.status !== 'claimed') throw new ReleaseError('batch_not_claimed', `Batch ${batchId} is not claimed (it is ${batch?.status ?? 'gone'}).`);
    const parcels = await lockParcels(tx, found.warehouseId, batch.shipmentIds);
    for (const parcel of parcels) {
      if (parcel.status !== 'picking') continue;
      await tx.update(t.parcels).set({ status: 'released', seq: await nextChangeSeq(tx) }).where(eq(t.parcels.shipmentId, parcel.shipmentId));
    }
    await tx
      .update(t.pickBatches)
      .set({ status: 'open', claimedByStaffId: null, claimedByDeviceId: null, claimedAt: null, seq: await nextChangeSeq(tx) })
      .where(eq(t.pickBatches.id, batchId));
    await rebuildBatchesInTx(tx, found.warehouseId, batchSize, now);
  });
}
