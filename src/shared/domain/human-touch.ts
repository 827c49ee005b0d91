/** Human-touch flags: the three moments that decide whether a customer stays (first purchase, second purchase, first parcel after a first return). */
import type { HumanTouchFlag } from './catalogue.js';
import type { FlagBasis } from './parcel.js';

/** What the server knows of a customer's history when it computes a parcel's flags. */
export interface CustomerHistory {
  /** Purchases including this order (1 = first purchase). */
  purchaseCount: number;
  /** Returns the customer has made so far. */
  returnCount: number;
  /** Parcels created for this customer after their first return, not counting this one. */
  parcelsSinceFirstReturn: number;
}

/** Computes the human-touch flags of a parcel from the customer's history. */
export function computeHumanTouchFlags(history: CustomerHistory): HumanTouchFlag[] {
  const flags: HumanTouchFlag[] = [];
  if (history.purchaseCount === 1) flags.push('FIRST_PURCHASE');
  if (history.purchaseCount === 2) flags.push('SECOND_PURCHASE');
  // The make-good moment: exactly one return, and this is the first parcel since it.
  if (history.returnCount === 1 && history.parcelsSinceFirstReturn === 0) flags.push('FIRST_RETURN');
  return flags;
}

/** The wire "why" of a parcel's flags, or undefined when it has none (so flagless parcels stay unchanged). */
export function flagBasisOf(flags: readonly HumanTouchFlag[], history: CustomerHistory, ruleVersion: number | null): FlagBasis | undefined {
  if (flags.length === 0) return undefined;
  return {
    purchaseCount: history.purchaseCount,
    returnCount: history.returnCount,
    parcelsSinceFirstReturn: history.parcelsSinceFirstReturn,
    ruleVersion,
  };
}

/** A customer's earlier parcel, as far as FIRST_RETURN cares. */
export interface EarlierParcel {
  shipmentId: string;
  orderDate: string;
  orderNumber: string;
  returnCount: number;
}

/**
 * Parcels the customer received after their first return, before this one: the ones that already
 * carried returnCount >= 1 and sort earlier (order date, order number, shipment id). Deterministic, so
 * importing the same file twice computes the same flags.
 */
export function countParcelsSinceFirstReturn(self: EarlierParcel, others: readonly EarlierParcel[]): number {
  const key = (p: EarlierParcel) => [p.orderDate, p.orderNumber, p.shipmentId] as const;
  const before = (a: EarlierParcel, b: EarlierParcel) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i];
    return false;
  };
  return others.filter((o) => o.shipmentId !== self.shipmentId && o.returnCount >= 1 && before(o, self)).length;
}
