/**
 * What each floor event does to a parcel, written once for both sides: the device applies it to its
 * own copy in the same transaction as the scan that recorded the event, and the server applies it when
 * the event is pushed. So what "packed" or "short" means cannot differ between the two.
 */
import type { PackedBy, Parcel, ParcelStatus } from './parcel.js';
import { expectedUnits } from './parcel-units.js';

/** The hold reason of a parcel that lost a short pick (shown at the pack station and on the console). */
export const SHORT_PICK_HOLD_REASON = '欠品';

/** Why a parcel cannot be packed whatever is scanned: it is held, or it was packed already. */
export type PackStatusBlock = { reason: 'held'; holdReason: string | null } | { reason: 'packed' };

/** The status that stops a parcel from being packed, or null when its status allows packing. */
export function packStatusBlock(parcel: Pick<Parcel, 'status' | 'holdReason'>): PackStatusBlock | null {
  if (parcel.status === 'held') return { reason: 'held', holdReason: parcel.holdReason };
  if (parcel.status === 'packed' || parcel.status === 'shipped') return { reason: 'packed' };
  return null;
}

/**
 * How the packed units differ from the parcel's lines ("SKU-1: expected 2, packed 1; …"), or null when
 * every product's units match exactly: a parcel is packed only with exactly what was ordered.
 */
export function packedItemsDifference(parcel: Pick<Parcel, 'lines'>, items: readonly { productCode: string; qty: number }[]): string | null {
  const expected = expectedUnits(parcel);
  const packed = new Map<string, number>();
  for (const item of items) packed.set(item.productCode, (packed.get(item.productCode) ?? 0) + item.qty);
  const codes = [...new Set([...expected.keys(), ...packed.keys()])].sort();
  const diffs = codes
    .filter((code) => (expected.get(code) ?? 0) !== (packed.get(code) ?? 0))
    .map((code) => `${code}: expected ${expected.get(code) ?? 0}, packed ${packed.get(code) ?? 0}`);
  return diffs.length ? diffs.join('; ') : null;
}

/** The parcel once packed, with who packed it where and when (the device's copy names people, not ids). */
export function packedParcel(parcel: Parcel, by: PackedBy): Parcel {
  return { ...parcel, status: 'packed', packedBy: by };
}

/** A status change a pick event makes, or null when the parcel keeps the status it has. */
export type PickStatusChange = { status: 'held'; holdReason: string } | { status: 'picked' } | null;

/** pick.short: a parcel that lost the shortage is held, unless it is packed, shipped or held already. */
export function afterShortPick(status: ParcelStatus): PickStatusChange {
  return status === 'packed' || status === 'shipped' || status === 'held' ? null : { status: 'held', holdReason: SHORT_PICK_HOLD_REASON };
}

/** batch.completed: a parcel still in picking is held when short, else picked; any other keeps its status. */
export function afterBatchCompleted(status: ParcelStatus, short: boolean): PickStatusChange {
  if (status !== 'picking' && status !== 'released') return null;
  return short ? { status: 'held', holdReason: SHORT_PICK_HOLD_REASON } : { status: 'picked' };
}
