/** Parcels, the events devices pushed about them (the exactly-once record), and pick batches. */
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { HumanTouchFlag } from '../../../shared/domain/catalogue.js';
import type { CarrierId } from '../../../shared/domain/carrier.js';
import type { ParcelLine, ParcelStatus } from '../../../shared/domain/parcel.js';
import type { EventResult } from '../../../shared/protocol/sync.js';
import { changeSeq, ts } from './columns.js';
import { devices, warehouses } from './core.js';

/** The recipient of a parcel (customer data: server only). */
export interface Recipient {
  name: string | null;
  postalCode: string | null;
  address: string | null;
  phone: string | null;
}

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
    /** The carrier and service the 配送方法 mapped to at import (shipping/carrier-mapping.ts); null: none. */
    carrierId: text('carrier_id').$type<CarrierId>(),
    carrierService: text('carrier_service'),
    /** Boxes (個口) the parcel leaves in: the file's 個口数, or the packer's count. */
    boxCount: integer('box_count').notNull().default(1),
    /** Server side only, never pulled or logged: what the carrier's label needs (お届け先). */
    recipient: jsonb('recipient').$type<Recipient>(),
    /** 配達希望日 (YYYY-MM-DD) and 配達時間帯 as the file gave them. */
    deliveryDate: text('delivery_date'),
    deliveryTimeBand: text('delivery_time_band'),
    /** When the parcel was last written into a carrier export (a second export needs --again). */
    carrierExportedAt: ts('carrier_exported_at'),
    /** Why loading must refuse this packed parcel (a label that did not match); null: none. */
    loadingBlock: text('loading_block'),
    shippedAt: ts('shipped_at'),
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
