/** batch.claimed: the first device to sync its claim holds the batch; later claims are told who holds it. */
import { eq } from 'drizzle-orm';
import { nextChangeSeq } from '../../db/change-seq.js';
import * as t from '../../db/schema.js';
import { holderInWords, lockBatch, lockParcels } from '../../picking/batch-store.js';
import type { CommandHandler, CommandOutcome } from './types.js';

/** Claims an open batch for this device and marks its parcels picking. */
export const applyBatchClaimed: CommandHandler<'batch.claimed'> = async (tx, event, ctx): Promise<CommandOutcome> => {
  const { batchId, shipmentIds } = event.payload;
  // FOR UPDATE: two devices claiming the same batch queue here; the second sees it claimed.
  const batch = await lockBatch(tx, ctx.warehouseId, batchId);
  if (!batch) return { status: 'rejected', code: 'batch_unknown', message: `Batch ${batchId} is not known in this warehouse.` };
  if (batch.status === 'dissolved') {
    return { status: 'rejected', code: 'batch_changed', message: `Batch ${batchId} was rebuilt before this claim arrived: pick another batch.` };
  }
  if (batch.status !== 'open') {
    // The same device claiming again (e.g. after a reinstall) already holds it.
    if (batch.claimedByDeviceId === ctx.deviceId) return batch.status === 'claimed' ? { status: 'applied' } : { status: 'rejected', code: 'batch_closed', message: `Batch ${batchId} is already completed.` };
    const holder = await holderInWords(tx, batch);
    return {
      status: 'rejected',
      code: 'batch_taken',
      message: `Batch ${batchId} is already being picked by ${holder?.staffName ?? '?'} on ${holder?.deviceName ?? '?'}.`,
      detail: { staffName: holder?.staffName ?? '', deviceName: holder?.deviceName ?? '', at: holder?.at ?? '' },
    };
  }
  if (batch.shipmentIds.join(',') !== shipmentIds.join(',')) {
    return { status: 'rejected', code: 'batch_changed', message: `Batch ${batchId} changed since the device saw it: pick it again after a sync.` };
  }
  // Lock order: batch, then parcels, then the change counter.
  const parcels = await lockParcels(tx, ctx.warehouseId, batch.shipmentIds);
  const toPick = parcels.filter((p) => p.status === 'released').map((p) => p.shipmentId);
  for (const shipmentId of toPick) {
    await tx.update(t.parcels).set({ status: 'picking', seq: await nextChangeSeq(tx) }).where(eq(t.parcels.shipmentId, shipmentId));
  }
  await tx
    .update(t.pickBatches)
    .set({ status: 'claimed', claimedByStaffId: event.staffId, claimedByDeviceId: ctx.deviceId, claimedAt: new Date(event.at), seq: await nextChangeSeq(tx) })
    .where(eq(t.pickBatches.id, batchId));
  return { status: 'applied' };
};
