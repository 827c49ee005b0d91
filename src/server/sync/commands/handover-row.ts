/** The handover a loading event belongs to, locked for the rest of the push's transaction. */
import { eq } from 'drizzle-orm';
import type { CarrierId } from '../../../shared/domain/carrier.js';
import type { Tx } from '../../db/client.js';
import * as t from '../../db/schema.js';
import type { CommandOutcome, PushContext } from './types.js';

/** A handover row. */
export type HandoverRow = typeof t.handovers.$inferSelect;

/**
 * Locks the handover `id` (created open when this is its first event), or answers why the event cannot
 * belong to it: another warehouse's, another carrier's, or already closed (when `open` is required).
 */
export async function lockHandover(
  tx: Tx,
  ctx: PushContext,
  id: string,
  carrierId: CarrierId,
  startedAt: Date,
): Promise<{ handover: HandoverRow } | { outcome: CommandOutcome }> {
  // Lock order: handover, then parcels, then the change counter (the close takes them in the same order).
  await tx.insert(t.handovers).values({ id, warehouseId: ctx.warehouseId, carrierId, status: 'open', startedAt }).onConflictDoNothing();
  const [handover] = await tx.select().from(t.handovers).where(eq(t.handovers.id, id)).for('update');
  if (handover.warehouseId !== ctx.warehouseId) {
    return { outcome: { status: 'rejected', code: 'forbidden', message: `Handover ${id} belongs to another warehouse.` } };
  }
  if (handover.carrierId !== carrierId) {
    return { outcome: { status: 'rejected', code: 'invalid', message: `Handover ${id} is for ${handover.carrierId}, not ${carrierId}.` } };
  }
  if (handover.status === 'closed') {
    return { outcome: { status: 'rejected', code: 'handover_closed', message: `Handover ${id} was closed at ${handover.closedAt?.toISOString() ?? '?'}: start a new loading.` } };
  }
  return { handover };
}
