/** pick.short (欠品): the parcels that lost the shortage are held, so they leave the pack queue. */
import { eq } from 'drizzle-orm';
import { nextChangeSeq } from '../../db/change-seq.js';
import type { Tx } from '../../db/client.js';
import * as t from '../../db/schema.js';
import { lockParcels } from '../../picking/batch-store.js';
import { lockHeldBatch } from './batch-guard.js';
import { afterShortPick } from '../../../shared/picking/pick-transitions.js';
import type { CommandHandler, CommandOutcome } from './types.js';

/** Holds the short parcels (unless already packed or shipped) and records the shortage on the batch. */
export const applyPickShort: CommandHandler<'pick.short'> = async (tx, event, ctx): Promise<CommandOutcome> => {
  const { batchId, productCode, found, shortShipmentIds } = event.payload;
  const held = await lockHeldBatch(tx, ctx, batchId);
  if ('outcome' in held) return held.outcome;
  const members = new Set(held.batch.shipmentIds);
  const stranger = shortShipmentIds.find((id) => !members.has(id));
  if (stranger) return { status: 'rejected', code: 'invalid', message: `Parcel ${stranger} is not in batch ${batchId}.` };
  await holdShortParcels(tx, ctx.warehouseId, shortShipmentIds);
  await tx
    .update(t.pickBatches)
    .set({ picked: { ...held.batch.picked, [productCode]: found }, shortShipmentIds: [...new Set([...held.batch.shortShipmentIds, ...shortShipmentIds])] })
    .where(eq(t.pickBatches.id, batchId));
  return { status: 'applied' };
};

/** Holds parcels for a short pick; lock order: the caller holds the batch row, parcels next, counter last. */
async function holdShortParcels(tx: Tx, warehouseId: string, shipmentIds: readonly string[]): Promise<void> {
  const parcels = await lockParcels(tx, warehouseId, shipmentIds);
  for (const parcel of parcels) {
    // The same rule the device applied to its own copy (shared/picking/pick-transitions.ts).
    const change = afterShortPick(parcel.status);
    if (!change) continue;
    await tx.update(t.parcels).set({ ...change, seq: await nextChangeSeq(tx) }).where(eq(t.parcels.shipmentId, parcel.shipmentId));
  }
}
