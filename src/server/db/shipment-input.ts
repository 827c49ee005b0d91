/** A shipment instruction as the back office sends it, and the fields a parcel takes from it unchanged. */
import type { ParcelLine, ParcelStatus } from '../../shared/domain/parcel.js';
import type { Recipient } from './tables/parcels.js';

/** A shipment instruction as it arrives from the back office (server-only fields included). */
export interface ShipmentInput {
  shipmentId: string;
  orderNumber: string;
  orderDate: string;
  customerId: string;
  customerName: string;
  customerEmail: string | null;
  /** BCP 47 language for the customer's messages; absent or null = Japanese. */
  customerLocale?: string | null;
  rankCode: string;
  purchaseCount: number;
  returnCount: number;
  parcelsSinceFirstReturn: number;
  giftCode: string | null;
  noshiName: string | null;
  message: string | null;
  insertCodes: string[];
  carrier: string;
  status: ParcelStatus;
  holdReason: string | null;
  lines: ParcelLine[];
  /** What the carrier's label needs (server only, never pulled or logged); absent = unknown. */
  recipient?: Recipient | null;
  deliveryDate?: string | null;
  deliveryTimeBand?: string | null;
  /** Boxes (個口数); absent = 1. */
  boxCount?: number;
  /** The human-touch rule version in force when this write computes the flags (import sets it). */
  flagRuleVersion?: number | null;
}

/**
 * The fields a parcel carries exactly as its instruction gave them, in the stored row as on the
 * device; the flags, the customer's history and the e-mail are each side's own business.
 */
export function parcelFieldsOf(s: ShipmentInput) {
  return {
    shipmentId: s.shipmentId,
    orderNumber: s.orderNumber,
    orderDate: s.orderDate,
    customerId: s.customerId,
    customerName: s.customerName,
    rankCode: s.rankCode,
    giftCode: s.giftCode,
    noshiName: s.noshiName,
    message: s.message,
    insertCodes: s.insertCodes,
    carrier: s.carrier,
    status: s.status,
    holdReason: s.holdReason,
    lines: s.lines,
  };
}
