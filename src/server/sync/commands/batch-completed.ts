/** batch.completed: the batch is picked; its parcels that are not short become picked. */
import { eq } from 'drizzle-orm';
import { nextChangeSeq } from '../../db/change-seq.js';
import * as t from '../../db/schema.js';
import { lockParcels } from '../../picking/batch-store.js';
import { lockHeldBatch } from './batch-guard.js';
import { afterBatchCompleted } from '../../../shared/picking/pick-transitions.js';
import type { CommandHandler, CommandOutcome } from './types.js';

/** Closes a batch this device holds: short parcels held, the others picked. */
export const applyBatchCompleted: CommandHandler<'batch.completed'> = async (tx, event, ctx): Promise<CommandOutcome> => {
  const { batchId, shortShipmentIds } = event.payload;
  const held = await lockHeldBatch(tx, ctx, batchId);
  if ('outcome' in held) return held.outcome;
  const short = new Set([...held.batch.shortShipmentIds, ...shortShipmentIds]);
  const stranger = [...short].find((id) => !held.batch.shipmentIds.includes(id));
  if (stranger) return { status: 'rejected', code: 'invalid', message: `Parcel ${stranger} is not in batch ${batchId}.` };
  // Every member locked before the first stamp (lock order: batch, parcels, counter).
  const parcels = await lockParcels(tx, ctx.warehouseId, held.batch.shipmentIds);
  for (const parcel of parcels) {
    // Short parcels are normally held already by pick.short; holding here keeps this event self-contained.
    // The same rule the device applied to its own copy (shared/picking/pick-transitions.ts).
    const change = afterBatchCompleted(parcel.status, short.has(parcel.shipmentId));
    if (!change) continue;
    await tx.update(t.parcels).set({ ...change, seq: await nextChangeSeq(tx) }).where(eq(t.parcels.shipmentId, parcel.shipmentId));
  }
  await tx
    .update(t.pickBatches)
    .set({ status: 'completed', completedAt: new Date(event.at), shortShipmentIds: [...short], seq: await nextChangeSeq(tx) })
    .where(eq(t.pickBatches.id, batchId));
  return { status: 'applied' };
};
