/**
 * What "packed" means, written once for both sides: the device checks it before it records a pack and
 * marks its own copy packed in the same transaction; the server checks it again when the event arrives.
 */
import type { PackedBy, Parcel } from './parcel.js';
import { expectedUnits } from './parcel-units.js';

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
