/** parcel.packed: the server's half of pack-time verification. */
import { eq } from 'drizzle-orm';
import { expectedUnits } from '../../../shared/domain/parcel-units.js';
import { nextChangeSeq } from '../../db/change-seq.js';
import * as t from '../../db/schema.js';
import { lockParcel, packedByOf } from '../parcel-view.js';
import type { CommandHandler, CommandOutcome } from './types.js';

/** Marks the parcel packed when it exists here, is not held or packed, and the items match its lines exactly. */
export const applyParcelPacked: CommandHandler<'parcel.packed'> = async (tx, event, ctx): Promise<CommandOutcome> => {
  const { shipmentId, items } = event.payload;
  // FOR UPDATE: a second device packing the same parcel waits here, then sees "packed" (first wins).
  const parcel = await lockParcel(tx, ctx.warehouseId, shipmentId);
  // A parcel of another warehouse is reported as unknown: devices must not learn what other sites ship.
  if (!parcel) return { status: 'rejected', code: 'parcel_unknown', message: `Parcel ${shipmentId} is not known in this warehouse.` };
  if (parcel.status === 'held') {
    const reason = parcel.holdReason ?? 'no reason given';
    return { status: 'rejected', code: 'parcel_held', message: `Parcel ${shipmentId} is held (${reason}): do not ship it.`, detail: { holdReason: reason } };
  }
  if (parcel.status === 'packed' || parcel.status === 'shipped') {
    const by = (await packedByOf(tx, shipmentId)) ?? { staffName: '?', deviceName: '?', at: '?' };
    return {
      status: 'rejected',
      code: 'already_packed',
      message: `Parcel ${shipmentId} was already packed by ${by.staffName} on ${by.deviceName} at ${by.at}.`,
      detail: { staffName: by.staffName, deviceName: by.deviceName, at: by.at },
    };
  }
  const mismatch = compareItems(expectedUnits({ ...parcel, packedBy: null }), items);
  if (mismatch) return { status: 'rejected', code: 'items_mismatch', message: `Parcel ${shipmentId}: the packed items do not match the order (${mismatch}).`, detail: { difference: mismatch } };

  await tx
    .update(t.parcels)
    .set({ status: 'packed', packedByStaffId: event.staffId, packedByDeviceId: ctx.deviceId, packedAt: new Date(event.at), seq: await nextChangeSeq(tx) })
    .where(eq(t.parcels.shipmentId, shipmentId));
  return { status: 'applied' };
};

/** Describes how the packed units differ from the expected ones, or null when they are equal. */
export function compareItems(expected: Map<string, number>, items: { productCode: string; qty: number }[]): string | null {
  const packed = new Map<string, number>();
  for (const item of items) packed.set(item.productCode, (packed.get(item.productCode) ?? 0) + item.qty);
  const codes = [...new Set([...expected.keys(), ...packed.keys()])].sort();
  const diffs = codes
    .filter((code) => (expected.get(code) ?? 0) !== (packed.get(code) ?? 0))
    .map((code) => `${code}: expected ${expected.get(code) ?? 0}, packed ${packed.get(code) ?? 0}`);
  return diffs.length ? diffs.join('; ') : null;
}
