/**
 * Total picking: each product of a batch aggregated into one stop, stops in walking-route order, each
 * with its split per parcel (the parcel's slot number on the cart) and the marks that ask for the
 * best-looking stock (top-rank customers, human-touch flags).
 */
import type { HumanTouchFlag } from '../domain/catalogue.js';
import type { CatalogueIndex } from '../domain/catalogue-index.js';
import type { Parcel } from '../domain/parcel.js';
import type { LocationFormat, ParsedLocation } from './location.js';
import { orderByRoute } from './pick-route.js';

/** One parcel's share of a stop. */
export interface StopSplit {
  shipmentId: string;
  /** Slot on the cart: the parcel's place in the batch, from 1. */
  slot: number;
  qty: number;
  orderDate: string;
  rankCode: string;
  /** The rank's sortOrder, null when the rank is unknown. */
  rankOrder: number | null;
  /** Top-rank customer (rank sortOrder at or below the configured one). */
  topRank: boolean;
  flags: HumanTouchFlag[];
  /** Take the best-looking stock for this parcel. */
  marked: boolean;
}

/** One stop of the pick list: one product at one location. */
export interface PickStop {
  productCode: string;
  name: string | null;
  location: string;
  /** Null when the label does not fit the location format: the stop goes last and is flagged. */
  parsedLocation: ParsedLocation | null;
  /** Units of the product across the batch. */
  qty: number;
  split: StopSplit[];
}

/** The parcels of a batch in slot order (missing ones keep their slot empty). */
export interface BatchParcels {
  shipmentIds: readonly string[];
  findParcel(shipmentId: string): Parcel | undefined;
}

/** Builds the pick list of a batch in walking order. */
export function buildPickList(batch: BatchParcels, index: CatalogueIndex, format: LocationFormat, topRankSortOrder: number): PickStop[] {
  const byProduct = new Map<string, StopSplit[]>();
  batch.shipmentIds.forEach((shipmentId, i) => {
    const parcel = batch.findParcel(shipmentId);
    if (!parcel) return;
    const rank = index.rankByCode.get(parcel.rankCode) ?? null;
    const topRank = rank !== null && rank.sortOrder <= topRankSortOrder;
    const qtyOf = new Map<string, number>();
    for (const line of parcel.lines) qtyOf.set(line.productCode, (qtyOf.get(line.productCode) ?? 0) + line.qty);
    for (const [productCode, qty] of qtyOf) {
      const split: StopSplit = {
        shipmentId,
        slot: i + 1,
        qty,
        orderDate: parcel.orderDate,
        rankCode: parcel.rankCode,
        rankOrder: rank?.sortOrder ?? null,
        topRank,
        flags: parcel.flags,
        marked: topRank || parcel.flags.length > 0,
      };
      byProduct.set(productCode, [...(byProduct.get(productCode) ?? []), split]);
    }
  });
  const stops = [...byProduct].map(([productCode, split]): PickStop => {
    const product = index.productByCode.get(productCode);
    return {
      productCode,
      name: product?.name ?? null,
      location: product?.location ?? '',
      parsedLocation: null,
      qty: split.reduce((sum, s) => sum + s.qty, 0),
      split,
    };
  });
  return orderByRoute(stops, (s) => s.location, (s) => s.productCode, format).map((r) => ({ ...r.item, parsedLocation: r.location }));
}
