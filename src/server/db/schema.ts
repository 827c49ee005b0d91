/**
 * The server's tables (drizzle pg-core). One schema for PGlite and PostgreSQL; migrations are generated
 * from this file with `npm run db:generate`. Persisted: never rename a column without a migration.
 */
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { HumanTouchFlag, HumanTouchRule } from '../../shared/domain/catalogue.js';
import type { ParcelLine, ParcelStatus } from '../../shared/domain/parcel.js';
import type { EventResult } from '../../shared/protocol/sync.js';

/** Change stamps are bigint in SQL but stay far below 2^53, so JavaScript numbers are safe. */
const changeSeq = () => bigint('seq', { mode: 'number' }).notNull();
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The single-row high-water mark of the change sequence (see db/change-seq.ts for why a row, not a SEQUENCE). */
export const changeCounter = pgTable('change_counter', {
  id: integer('id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
});

/** A warehouse (物流センター); devices, staff and parcels belong to exactly one. */
export const warehouses = pgTable('warehouses', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
});

/** An enrolled handheld. Only the sha256 of its token is stored. */
export const devices = pgTable(
  'devices',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    warehouseId: text('warehouse_id').notNull().references(() => warehouses.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: ts('created_at').notNull(),
    revokedAt: ts('revoked_at'),
    lastSeenAt: ts('last_seen_at'),
    lastDeviceSeq: integer('last_device_seq').notNull().default(0),
    /** The device's own count of unsent / refused outbox events at its last pull (null: never reported). */
    reportedPending: integer('reported_pending'),
    reportedRejected: integer('reported_rejected'),
    reportedAt: ts('reported_at'),
  },
  (t) => [uniqueIndex('devices_token_hash_idx').on(t.tokenHash)],
);

/** One-time enrolment codes, stored hashed; single use and short-lived. */
export const enrolmentCodes = pgTable('enrolment_codes', {
  codeHash: text('code_hash').primaryKey(),
  warehouseId: text('warehouse_id').notNull().references(() => warehouses.id),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  usedByDeviceId: text('used_by_device_id'),
});

/** Staff who sign in on a device by badge; part of the pulled catalogue of their warehouse. */
export const staff = pgTable('staff', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  warehouseId: text('warehouse_id').notNull().references(() => warehouses.id),
  seq: changeSeq(),
  /** Optional sign-in PIN, as "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>" (auth/staff-pin.ts); pulled with the catalogue. */
  pinHash: text('pin_hash'),
});

/** Products (商品). Barcodes live in product_barcodes. */
export const products = pgTable('products', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  location: text('location').notNull(),
  seq: changeSeq(),
});

/** JAN/EAN barcodes of a product (a product can have several). */
export const productBarcodes = pgTable(
  'product_barcodes',
  {
    barcode: text('barcode').notNull(),
    productCode: text('product_code').notNull().references(() => products.code),
    seq: changeSeq(),
  },
  (t) => [primaryKey({ columns: [t.barcode] }), index('product_barcodes_product_idx').on(t.productCode)],
);

/** Customer ranks (顧客ランク). */
export const ranks = pgTable('ranks', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  color: text('color').notNull(),
  sortOrder: integer('sort_order').notNull(),
  seq: changeSeq(),
});

/** Gift codes (ギフトコード): one code = one exact wrapping instruction. */
export const giftCodes = pgTable('gift_codes', {
  code: text('code').primaryKey(),
  wrapping: text('wrapping').notNull(),
  ribbon: text('ribbon'),
  noshiInscription: text('noshi_inscription'),
  noshiPlacement: text('noshi_placement').$type<'inner' | 'outer'>(),
  description: text('description').notNull(),
  seq: changeSeq(),
});

/** Inserts (同梱物); barcode null when the insert has none. */
export const inserts = pgTable('inserts', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  barcode: text('barcode'),
  seq: changeSeq(),
});

/** The brand's instruction and extra inserts per human-touch flag. */
export const humanTouchRules = pgTable('human_touch_rules', {
  flag: text('flag').$type<HumanTouchFlag>().primaryKey(),
  instruction: text('instruction').notNull(),
  instructionEn: text('instruction_en'),
  insertCodes: jsonb('insert_codes').$type<string[]>().notNull(),
  seq: changeSeq(),
});

/** Parcels (出荷指示). customer_email never leaves the server. */
export const parcels = pgTable(
  'parcels',
  {
    shipmentId: text('shipment_id').primaryKey(),
    warehouseId: text('warehouse_id').notNull().references(() => warehouses.id),
    orderNumber: text('order_number').notNull(),
    orderDate: text('order_date').notNull(),
    customerId: text('customer_id').notNull(),
    customerName: text('customer_name').notNull(),
    /** Server side only: for the return-receipt notification, never pulled. */
    customerEmail: text('customer_email'),
    rankCode: text('rank_code').notNull(),
    purchaseCount: integer('purchase_count').notNull(),
    returnCount: integer('return_count').notNull(),
    parcelsSinceFirstReturn: integer('parcels_since_first_return').notNull(),
    /** Computed from the three counts above when the parcel is written (domain/human-touch.ts). */
    flags: jsonb('flags').$type<HumanTouchFlag[]>().notNull(),
    /** The human-touch rule version in force when the flags were computed (null: demo seed, before any rule version). */
    flagRuleVersion: integer('flag_rule_version'),
    giftCode: text('gift_code'),
    noshiName: text('noshi_name'),
    message: text('message'),
    insertCodes: jsonb('insert_codes').$type<string[]>().notNull(),
    carrier: text('carrier').notNull(),
    status: text('status').$type<ParcelStatus>().notNull(),
    holdReason: text('hold_reason'),
    lines: jsonb('lines').$type<ParcelLine[]>().notNull(),
    packedByStaffId: text('packed_by_staff_id'),
    packedByDeviceId: text('packed_by_device_id'),
    packedAt: ts('packed_at'),
    seq: changeSeq(),
  },
  (t) => [index('parcels_warehouse_seq_idx').on(t.warehouseId, t.seq)],
);

/** Every event a device pushed, with the answer given: the exactly-once record. */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey(),
    deviceId: text('device_id').notNull().references(() => devices.id),
    deviceSeq: integer('device_seq').notNull(),
    staffId: text('staff_id').notNull(),
    type: text('type').notNull(),
    body: jsonb('body').notNull(),
    bodyHash: text('body_hash').notNull(),
    status: text('status').$type<'applied' | 'rejected'>().notNull(),
    result: jsonb('result').$type<EventResult>().notNull(),
    shipmentId: text('shipment_id'),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [index('events_shipment_idx').on(t.shipmentId), index('events_device_idx').on(t.deviceId, t.deviceSeq)],
);

// --- picking ---
/**
 * Pick batches: released parcels grouped by work shape (picking/pick-batch.ts). shipment_ids is the
 * slot order. open → claimed (one device) → completed; an open batch a rebuild no longer wants is
 * dissolved (kept, stamped, so devices drop it). Lock order: warehouse row (rebuilds), batch row,
 * parcel rows, change counter.
 */
export const pickBatches = pgTable(
  'pick_batches',
  {
    id: text('id').primaryKey(),
    warehouseId: text('warehouse_id').notNull().references(() => warehouses.id),
    shape: text('shape').$type<'single' | 'multi'>().notNull(),
    insertCodes: jsonb('insert_codes').$type<string[]>().notNull(),
    giftCode: text('gift_code'),
    shipmentIds: jsonb('shipment_ids').$type<string[]>().notNull(),
    status: text('status').$type<'open' | 'claimed' | 'completed' | 'dissolved'>().notNull(),
    claimedByStaffId: text('claimed_by_staff_id'),
    claimedByDeviceId: text('claimed_by_device_id'),
    claimedAt: ts('claimed_at'),
    completedAt: ts('completed_at'),
    /** Units confirmed per product (pick.confirmed / pick.short). */
    picked: jsonb('picked').$type<Record<string, number>>().notNull().default({}),
    shortShipmentIds: jsonb('short_shipment_ids').$type<string[]>().notNull().default([]),
    createdAt: ts('created_at').notNull(),
    seq: changeSeq(),
  },
  (t) => [index('pick_batches_warehouse_seq_idx').on(t.warehouseId, t.seq), index('pick_batches_warehouse_status_idx').on(t.warehouseId, t.status)],
);
// --- import, human-touch rules, console ---

/**
 * Every saved edition of the human-touch rules (instruction + inserts per flag), newest = highest
 * version. human_touch_rules holds the current edition (pulled by devices); this keeps the history so a
 * parcel's flag_rule_version can always be explained.
 */
export const humanTouchRuleVersions = pgTable('human_touch_rule_versions', {
  version: integer('version').primaryKey(),
  rules: jsonb('rules').$type<HumanTouchRule[]>().notNull(),
  note: text('note'),
  createdAt: ts('created_at').notNull(),
});
// --- returns & notifications (issue 4) ---

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

/** Return reasons (返品理由): configurable catalogue data, pulled by devices. */
export const returnReasons = pgTable('return_reasons', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  labelEn: text('label_en'),
  sortOrder: integer('sort_order').notNull(),
  seq: changeSeq(),
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

/** pending → sending (claimed, leased) → sent; or dead after the last attempt. */
export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'dead';

/**
 * The notification outbox: written in the same transaction as the receipt, sent by the dispatcher after
 * commit. dedupe_key is derived from the receipt, so no path can queue a receipt's message twice.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    dedupeKey: text('dedupe_key').notNull(),
    kind: text('kind').$type<'return.received'>().notNull(),
    receiptId: uuid('receipt_id').notNull(),
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

// --- sync trust (issue 5) ---

/** What a supervisor must look at (kinds in shared/protocol/admin-devices.ts). */
export const supervisorFlags = pgTable(
  'supervisor_flags',
  {
    id: uuid('id').primaryKey(),
    warehouseId: text('warehouse_id').notNull().references(() => warehouses.id),
    kind: text('kind').$type<'seq_gap' | 'seq_restart' | 'packed_while_held' | 'db_lost'>().notNull(),
    deviceId: text('device_id').references(() => devices.id),
    staffId: text('staff_id'),
    shipmentId: text('shipment_id'),
    eventId: uuid('event_id'),
    /** In words for the console, plus the figures (expected/received seq, hold reason …). */
    message: text('message').notNull(),
    detail: jsonb('detail').$type<Record<string, string>>().notNull(),
    createdAt: ts('created_at').notNull(),
    resolvedAt: ts('resolved_at'),
  },
  (t) => [index('supervisor_flags_warehouse_idx').on(t.warehouseId, t.createdAt), index('supervisor_flags_device_idx').on(t.deviceId)],
);
