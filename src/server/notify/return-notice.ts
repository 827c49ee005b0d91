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

/** Everything a receipt's notice is made of, as the return command holds it when it records the receipt. */
export interface ReturnNoticeSource {
  receiptId: string;
  /** Device clock when the receipt was saved. */
  receivedAt: Date;
  parcel: { shipmentId: string; orderNumber: string; orderDate: string; customerId: string; customerEmail: string | null };
  /** The customer's server-side record: the name, address and language the message uses. */
  customer: { name: string; email: string | null; locale: string | null };
  items: { productCode: string; qty: number; condition: ReturnCondition; reasonCode: string | null }[];
  unexpectedItems: ReturnNotice['unexpectedItems'];
  /** Product names by code; a product without one is named by its code. */
  productNames: ReadonlyMap<string, string>;
}

/** The notice of one receipt, frozen into its outbox row. */
export function returnNoticeOf(source: ReturnNoticeSource): ReturnNotice {
  const { parcel, customer } = source;
  return {
    receiptId: source.receiptId,
    shipmentId: parcel.shipmentId,
    orderNumber: parcel.orderNumber,
    orderDate: parcel.orderDate,
    customerId: parcel.customerId,
    customerName: customer.name,
    email: customer.email ?? parcel.customerEmail,
    locale: customer.locale,
    receivedAt: source.receivedAt.toISOString(),
    items: source.items.map((i) => ({ productCode: i.productCode, name: source.productNames.get(i.productCode) ?? i.productCode, qty: i.qty, condition: i.condition, reasonCode: i.reasonCode })),
    unexpectedItems: source.unexpectedItems,
  };
}
