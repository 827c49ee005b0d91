/** The check every pick event shares: the batch exists here and this device holds it. */
import type { Tx } from '../../db/client.js';
import { holderInWords, lockBatch, type BatchRow } from '../../picking/batch-store.js';
import type { CommandOutcome, PushContext } from './types.js';

/** The locked batch when this device holds it (claimed), else the rejection to record. */
export async function lockHeldBatch(tx: Tx, ctx: PushContext, batchId: string): Promise<{ batch: BatchRow } | { outcome: CommandOutcome }> {
  const batch = await lockBatch(tx, ctx.warehouseId, batchId);
  if (!batch) return { outcome: { status: 'rejected', code: 'batch_unknown', message: `Batch ${batchId} is not known in this warehouse.` } };
  if (batch.status === 'claimed' && batch.claimedByDeviceId === ctx.deviceId) return { batch };
  if (batch.status === 'completed' && batch.claimedByDeviceId === ctx.deviceId) {
    return { outcome: { status: 'rejected', code: 'batch_closed', message: `Batch ${batchId} is already completed.` } };
  }
  const holder = await holderInWords(tx, batch);
  if (!holder) return { outcome: { status: 'rejected', code: 'batch_not_yours', message: `Batch ${batchId} is not claimed by this device (it was released).`, detail: {} } };
  return {
    outcome: {
      status: 'rejected',
      code: 'batch_not_yours',
      message: `Batch ${batchId} is held by ${holder.staffName} on ${holder.deviceName}.`,
      detail: { staffName: holder.staffName, deviceName: holder.deviceName, at: holder.at },
    },
  };
}
