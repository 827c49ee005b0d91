/** Human-touch flags: the three moments that decide whether a customer stays (DOMAIN.md). */
import type { HumanTouchFlag } from './catalogue.js';

/** What the server knows of a customer's history when it computes a parcel's flags. */
export interface CustomerHistory {
  /** Purchases including this order (1 = first purchase). */
  purchaseCount: number;
  /** Returns the customer has made so far. */
  returnCount: number;
  /** Parcels created for this customer after their first return, not counting this one. */
  parcelsSinceFirstReturn: number;
}

/** Flags in display order; a parcel can carry several (a set, never a ranking). */
export const HUMAN_TOUCH_FLAGS: readonly HumanTouchFlag[] = ['FIRST_PURCHASE', 'SECOND_PURCHASE', 'FIRST_RETURN'];

/** Computes the human-touch flags of a parcel from the customer's history. */
export function computeHumanTouchFlags(history: CustomerHistory): HumanTouchFlag[] {
  const flags: HumanTouchFlag[] = [];
  if (history.purchaseCount === 1) flags.push('FIRST_PURCHASE');
  if (history.purchaseCount === 2) flags.push('SECOND_PURCHASE');
  // The make-good moment: exactly one return, and this is the first parcel since it.
  if (history.returnCount === 1 && history.parcelsSinceFirstReturn === 0) flags.push('FIRST_RETURN');
  return flags;
}
