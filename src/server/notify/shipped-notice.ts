/** What a parcel.shipped notification says, frozen in its outbox row when the handover ships the parcel. */
import type { CarrierId } from '../../shared/domain/carrier.js';
import { CARRIER_NAMES, trackingUrlOf } from '../../shared/domain/carrier-tracking.js';

/** One tracking number as Shopify's fulfillment tracking info names it. */
export interface TrackingInfo {
  company: string;
  number: string;
  url: string | null;
}

/** The notification payload of one shipped parcel (no customer data: the shop knows its customers). */
export interface ShippedNotice {
  shipmentId: string;
  orderNumber: string;
  carrier: CarrierId;
  service: string | null;
  /** When the handover closed (device clock), ISO 8601. */
  shippedAt: string;
  /** The first box's tracking; `trackings` has every box's. */
  tracking: TrackingInfo | null;
  trackings: TrackingInfo[];
  items: { productCode: string; name: string; qty: number }[];
}

/** The notice of a parcel that left with `carrier` under `numbers` (one per box). */
export function shippedNoticeOf(source: {
  shipmentId: string;
  orderNumber: string;
  carrier: CarrierId;
  service: string | null;
  shippedAt: Date;
  numbers: readonly string[];
  lines: readonly { productCode: string; qty: number }[];
  productNames: ReadonlyMap<string, string>;
}): ShippedNotice {
  const trackings = source.numbers.map((number) => ({ company: CARRIER_NAMES[source.carrier].company, number, url: trackingUrlOf(source.carrier, number) }));
  return {
    shipmentId: source.shipmentId,
    orderNumber: source.orderNumber,
    carrier: source.carrier,
    service: source.service,
    shippedAt: source.shippedAt.toISOString(),
    tracking: trackings[0] ?? null,
    trackings,
    items: source.lines.map((l) => ({ productCode: l.productCode, name: source.productNames.get(l.productCode) ?? l.productCode, qty: l.qty })),
  };
}
