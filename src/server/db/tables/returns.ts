/** Returns: the customer's history, return receipts, and the notification outbox they fill. */
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { warehouses } from './core.js';
import { parcels } from './parcels.js';

/**
 * Customers: the history the server keeps beyond one parcel (returns so far) and the contact details
 * that never leave the server (e-mail, locale). Upserted with every parcel import.
 */
export const customers = pgTable('customers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Server side only: where the return-receipt mail goes; never pulled. */
  email: text('email'),
  /** BCP 47 language of the customer's messages ('ja', 'en' …); null means Japanese. */
  locale: text('locale'),
  returnCount: integer('return_count').notNull().default(0),
});

/** One item line of a receipt as stored (received or missing). */
export interface ReceiptItemRow {
  productCode: string;
  qty: number;
  condition: 'unopened' | 'opened' | 'damaged' | 'missing';
  reasonCode: string | null;
  note?: string;
}

/** A return receipt (返品受付): at most one per parcel, so two devices logging one parcel make one receipt. */
export const returnReceipts = pgTable(
  'return_receipts',
  {
    /** The id of the return.received event that created it. */
    id: uuid('id').primaryKey(),
    shipmentId: text('shipment_id').notNull().references(() => parcels.shipmentId),
    warehouseId: text('warehouse_id').notNull().references(() => warehouses.id),
    orderNumber: text('order_number').notNull(),
    customerId: text('customer_id').notNull(),
    items: jsonb('items').$type<ReceiptItemRow[]>().notNull(),
    unexpectedItems: jsonb('unexpected_items').$type<{ code: string; productCode: string | null; qty: number }[]>().notNull(),
    note: text('note'),
    staffId: text('staff_id').notNull(),
    deviceId: text('device_id').notNull(),
    /** Device clock when the receipt was saved. */
    receivedAt: ts('received_at').notNull(),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [uniqueIndex('return_receipts_shipment_idx').on(t.shipmentId)],
);

/** What a message is about: a return receipt (to the customer and the shop) or a parcel that left (to the shop). */
export type NotificationKind = 'return.received' | 'parcel.shipped';

/** pending → sending (claimed, leased) → sent; or dead after the last attempt. */
export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'dead';

/**
 * The notification outbox: written in the same transaction as the receipt (or the shipping), sent by the dispatcher after
 * commit. dedupe_key is derived from the receipt (or the parcel), so no path can queue one message twice.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    dedupeKey: text('dedupe_key').notNull(),
    kind: text('kind').$type<NotificationKind>().notNull(),
    /** The receipt of a return.received message; null for other kinds. */
    receiptId: uuid('receipt_id'),
    /** The parcel a parcel.shipped message is about; null for other kinds. */
    shipmentId: text('shipment_id'),
    /** Everything the message says, frozen at receipt time (server side only: holds the e-mail address). */
    payload: jsonb('payload').notNull(),
    status: text('status').$type<NotificationStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    /** A claim is only good until then: a dispatcher killed mid-send leaves a row another one re-claims. */
    leaseUntil: ts('lease_until'),
    claimedBy: text('claimed_by'),
    lastError: text('last_error'),
    /** Per channel, so a retry never repeats a channel that already went out. */
    mailSentAt: ts('mail_sent_at'),
    webhookSentAt: ts('webhook_sent_at'),
    createdAt: ts('created_at').notNull(),
    sentAt: ts('sent_at'),
  },
  (t) => [uniqueIndex('notifications_dedupe_idx').on(t.dedupeKey), index('notifications_due_idx').on(t.status, t.nextAttemptAt)],
);
