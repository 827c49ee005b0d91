/**
 * Shortage allocation (欠品): which parcels of a batch go without when fewer units are found than needed.
 *
 * The rule, in order:
 * 1. Parcels already short in this batch (they will be held anyway) lose first, so one missing
 *    product never costs a second parcel.
 * 2. Then, by the configured rule:
 *    - newestOrderFirst (default): the newest order loses first (order date descending); the
 *      oldest orders keep their promise date.
 *    - lowestRankFirst: the least valuable rank (highest sortOrder) loses first, then the newest order.
 * 3. Ties are broken by shipment id: the higher id loses first (deterministic on every device).
 * Units are then given out in the opposite order (most protected first), each parcel whole: a parcel
 * that cannot be filled whole from what is left is short and gets nothing, and the next one is tried
 * (so a big parcel that cannot be filled does not make a small one short too). Units found but not
 * given to any parcel are `leftover`: the picker hands them to the supervisor with the short parcels.
 */
import type { ShortageRule } from './pick-settings.js';

/** One parcel's need of the short product. */
export interface ShortageClaim {
  shipmentId: string;
  qty: number;
  orderDate: string;
  /** The rank's sortOrder (lower is more valuable); null when the rank is unknown (treated as least valuable). */
  rankOrder: number | null;
}

/** Who gets what of the found units. */
export interface ShortageAllocation {
  /** Units per parcel, in the input order; 0 for a short parcel. */
  allocations: { shipmentId: string; qty: number }[];
  /** Parcels that cannot be filled, in the order they lost. */
  shortShipmentIds: string[];
  leftover: number;
}

/** Allocates `found` units among the claims by the documented rule. */
export function allocateShortage(
  claims: readonly ShortageClaim[],
  found: number,
  rule: ShortageRule,
  alreadyShort: ReadonlySet<string> = new Set(),
): ShortageAllocation {
  // Most protected first: the reverse of the order in which parcels lose.
  const protectedFirst = [...claims].sort((a, b) => loseOrder(b, a, rule, alreadyShort));
  const given = new Map<string, number>();
  const short: string[] = [];
  let left = Math.max(0, found);
  for (const claim of protectedFirst) {
    if (!alreadyShort.has(claim.shipmentId) && claim.qty <= left) {
      given.set(claim.shipmentId, claim.qty);
      left -= claim.qty;
    } else {
      given.set(claim.shipmentId, 0);
      if (claim.qty > 0) short.push(claim.shipmentId);
    }
  }
  return {
    allocations: claims.map((c) => ({ shipmentId: c.shipmentId, qty: given.get(c.shipmentId) ?? 0 })),
    shortShipmentIds: short.reverse(),
    leftover: left,
  };
}

/** Negative when `a` loses before `b`. */
function loseOrder(a: ShortageClaim, b: ShortageClaim, rule: ShortageRule, alreadyShort: ReadonlySet<string>): number {
  const aShort = alreadyShort.has(a.shipmentId);
  if (aShort !== alreadyShort.has(b.shipmentId)) return aShort ? -1 : 1;
  if (rule === 'lowestRankFirst') {
    const ar = a.rankOrder ?? Number.MAX_SAFE_INTEGER;
    const br = b.rankOrder ?? Number.MAX_SAFE_INTEGER;
    if (ar !== br) return br - ar;
  }
  if (a.orderDate !== b.orderDate) return a.orderDate > b.orderDate ? -1 : 1;
  return a.shipmentId > b.shipmentId ? -1 : a.shipmentId < b.shipmentId ? 1 : 0;
}
