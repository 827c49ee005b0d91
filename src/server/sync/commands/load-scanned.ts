/**
 * load.scanned: one box's label scanned onto a truck (積込検品). The server re-checks what the device
 * checked offline: the label is a parcel's here, the parcel is packed, not held or stopped, and goes
 * with the handover's carrier. A box loaded twice (a repeat scan, or a second device) stays loaded once.
 */
import { and, eq } from 'drizzle-orm';
import { isValidTrackingNumber } from '../../../shared/domain/tracking-number.js';
import { nextChangeSeq } from '../../db/change-seq.js';
import * as t from '../../db/schema.js';
import { boxWithNumber } from '../../shipping/parcel-boxes.js';
import { raiseSupervisorFlag } from '../../supervision/supervisor-flags.js';
import { lockHandover } from './handover-row.js';
import type { CommandHandler, CommandOutcome } from './types.js';

/** Marks the box loaded in the handover when every check passes; answers with the contract's codes otherwise. */
export const applyLoadScanned: CommandHandler<'load.scanned'> = async (tx, event, ctx): Promise<CommandOutcome> => {
  const { handoverId, carrierId, trackingNumber } = event.payload;
  const locked = await lockHandover(tx, ctx, handoverId, carrierId, new Date(event.at));
  if ('outcome' in locked) return locked.outcome;

  const unknown: CommandOutcome = { status: 'rejected', code: 'label_unknown', message: `No parcel here has tracking number ${trackingNumber}.`, detail: { trackingNumber } };
  if (!isValidTrackingNumber(carrierId, trackingNumber)) return unknown;
  const found = await boxWithNumber(tx, trackingNumber);
  if (!found) return unknown;
  const [parcel] = await tx.select().from(t.parcels).where(eq(t.parcels.shipmentId, found.shipmentId)).for('update');
  if (!parcel || parcel.warehouseId !== ctx.warehouseId) return unknown;
  // Read again under the parcel's lock: a second device loading the same box waited here and now sees it loaded.
  const [box] = await tx.select().from(t.parcelBoxes).where(and(eq(t.parcelBoxes.shipmentId, found.shipmentId), eq(t.parcelBoxes.box, found.box)));
  const id = parcel.shipmentId;

  if (parcel.status === 'held') {
    const reason = parcel.holdReason ?? 'no reason given';
    // The device let it on the truck (offline, before the hold reached it): someone must take it off.
    await raiseSupervisorFlag(tx, {
      warehouseId: ctx.warehouseId,
      kind: 'loaded_while_held',
      deviceId: ctx.deviceId,
      staffId: event.staffId,
      shipmentId: id,
      eventId: event.id,
      message: `Parcel ${id} (label ${trackingNumber}) was loaded on ${ctx.deviceName} but is held (${reason}): take it off the truck before it leaves.`,
      detail: { holdReason: reason, trackingNumber, handoverId, loadedAt: event.at },
      at: ctx.now,
    });
    return { status: 'rejected', code: 'parcel_held', message: `Parcel ${id} is held (${reason}): do not load it.`, detail: { holdReason: reason, shipmentId: id } };
  }
  if (parcel.loadingBlock && parcel.status !== 'shipped') {
    return { status: 'rejected', code: 'parcel_held', message: `Parcel ${id} is stopped: ${parcel.loadingBlock}.`, detail: { holdReason: parcel.loadingBlock, shipmentId: id } };
  }
  if (parcel.status !== 'packed' && parcel.status !== 'shipped') {
    return { status: 'rejected', code: 'not_packed', message: `Parcel ${id} is ${parcel.status}, not packed: do not load it.`, detail: { status: parcel.status, shipmentId: id } };
  }
  if (parcel.carrierId !== carrierId) {
    return {
      status: 'rejected',
      code: 'wrong_carrier',
      message: `Parcel ${id} goes with ${parcel.carrierId ?? 'no carrier'}, not ${carrierId}.`,
      detail: { carrierId: parcel.carrierId ?? '', shipmentId: id },
    };
  }
  // Already on a truck (this handover or another device's): the first scan keeps it, nothing changes.
  if (box.loadedAt) return { status: 'applied' };
  await tx
    .update(t.parcelBoxes)
    .set({ loadedAt: new Date(event.at), loadedHandoverId: handoverId, loadedByDeviceId: ctx.deviceId, loadedByStaffId: event.staffId })
    .where(and(eq(t.parcelBoxes.shipmentId, id), eq(t.parcelBoxes.box, box.box)));
  // Stamped so every loading device's cut-off count sees the box loaded.
  await tx.update(t.parcels).set({ seq: await nextChangeSeq(tx) }).where(eq(t.parcels.shipmentId, id));
  return { status: 'applied' };
};
