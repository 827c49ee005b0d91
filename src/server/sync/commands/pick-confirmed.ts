/** pick.confirmed: a stop picked in full by the device that holds the batch. */
import { eq } from 'drizzle-orm';
import * as t from '../../db/schema.js';
import { lockHeldBatch } from './batch-guard.js';
import type { CommandHandler, CommandOutcome } from './types.js';

/** Records the units picked for one product of a batch this device holds. */
export const applyPickConfirmed: CommandHandler<'pick.confirmed'> = async (tx, event, ctx): Promise<CommandOutcome> => {
  const { batchId, productCode, qty, allocations } = event.payload;
  const held = await lockHeldBatch(tx, ctx, batchId);
  if ('outcome' in held) return held.outcome;
  const members = new Set(held.batch.shipmentIds);
  const stranger = allocations.find((a) => !members.has(a.shipmentId));
  if (stranger) return { status: 'rejected', code: 'invalid', message: `Parcel ${stranger.shipmentId} is not in batch ${batchId}.` };
  // Audit only: devices do not pull it, so no change stamp.
  await tx.update(t.pickBatches).set({ picked: { ...held.batch.picked, [productCode]: qty } }).where(eq(t.pickBatches.id, batchId));
  return { status: 'applied' };
};
