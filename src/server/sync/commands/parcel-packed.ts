/** parcel.packed: the server's half of pack-time verification. */
import { packedItemsDifference, packStatusBlock } from '../../../shared/domain/pack-rules.js';
import { bindLabels } from '../../shipping/bind-labels.js';
import { raiseSupervisorFlag } from '../../supervision/supervisor-flags.js';
import { parcelExistsElsewhere } from '../parcel-view.js';
import type { CommandHandler, CommandOutcome } from './types.js';

/** Marks the parcel packed when it exists here, is not held or packed, and the items match its lines exactly. */
export const applyParcelPacked: CommandHandler<'parcel.packed'> = async (tx, event, ctx, { parcels }): Promise<CommandOutcome> => {
  const { shipmentId, items } = event.payload;
  // Locked FOR UPDATE (usually with the rest of the push's packs): a second device packing the same
  // parcel waits there, then sees "packed" (first wins).
  const parcel = await parcels.get(shipmentId);
  if (!parcel) {
    // Scoping comes from the credential: a parcel of another warehouse is refused as forbidden and
    // left untouched (the device learns only that the slip is not its warehouse's, nothing about it).
    if (await parcelExistsElsewhere(tx, ctx.warehouseId, shipmentId)) {
      return { status: 'rejected', code: 'forbidden', message: `Parcel ${shipmentId} belongs to another warehouse: this device may not pack it.` };
    }
    return { status: 'rejected', code: 'parcel_unknown', message: `Parcel ${shipmentId} is not known in this warehouse.` };
  }
  // The same rules the device checked before it recorded the pack (shared/domain/pack-rules.ts).
  const block = packStatusBlock(parcel);
  if (block?.reason === 'held') {
    const reason = parcel.holdReason ?? 'no reason given';
    // The device packed it (offline, before the hold reached it): a box that must not ship exists now.
    await raiseSupervisorFlag(tx, {
      warehouseId: ctx.warehouseId,
      kind: 'packed_while_held',
      deviceId: ctx.deviceId,
      staffId: event.staffId,
      shipmentId,
      eventId: event.id,
      message: `Parcel ${shipmentId} was packed on ${ctx.deviceName} but is held (${reason}): take the box off the line before it ships.`,
      detail: { holdReason: reason, packedAt: event.at },
      at: ctx.now,
    });
    return { status: 'rejected', code: 'parcel_held', message: `Parcel ${shipmentId} is held (${reason}): do not ship it.`, detail: { holdReason: reason } };
  }
  if (block?.reason === 'packed') {
    const by = (await parcels.packedBy(shipmentId)) ?? { staffName: '?', deviceName: '?', at: '?' };
    return {
      status: 'rejected',
      code: 'already_packed',
      message: `Parcel ${shipmentId} was already packed by ${by.staffName} on ${by.deviceName} at ${by.at}.`,
      detail: { staffName: by.staffName, deviceName: by.deviceName, at: by.at },
    };
  }
  const mismatch = packedItemsDifference(parcel, items);
  if (mismatch) return { status: 'rejected', code: 'items_mismatch', message: `Parcel ${shipmentId}: the packed items do not match the order (${mismatch}).`, detail: { difference: mismatch } };

  // Written (and stamped) with the push's other packs at the end of its transaction. The schema
  // admits only times PostgreSQL stores (protocol/events.ts, deviceTimeSchema).
  parcels.markPacked(shipmentId, { staffId: event.staffId, deviceId: ctx.deviceId, at: new Date(event.at), boxCount: event.payload.boxCount ?? null });
  // The labels in the same transaction as the pack (the parcel row is locked): both commit or neither.
  await bindLabels(tx, ctx, event);
  return { status: 'applied' };
};

