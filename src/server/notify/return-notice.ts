/** What a return-receipt notification says, frozen in the outbox row when the receipt is recorded. */
import type { ReturnCondition } from '../../shared/protocol/events.js';

/** The notification payload of one receipt (server side only: it holds the customer's e-mail). */
export interface ReturnNotice {
  receiptId: string;
  shipmentId: string;
  orderNumber: string;
  orderDate: string;
  customerId: string;
  customerName: string;
  email: string | null;
  /** BCP 47; null = Japanese. */
  locale: string | null;
  /** When returns staff saved the receipt (device clock), ISO 8601. */
  receivedAt: string;
  items: { productCode: string; name: string; qty: number; condition: ReturnCondition; reasonCode: string | null }[];
  unexpectedItems: { code: string; productCode: string | null; qty: number }[];
}

/** The outbox key of a receipt's notification: one row per receipt, whatever path queues it. */
export function notificationKeyOf(receiptId: string): string {
  return `return.received:${receiptId}`;
}
