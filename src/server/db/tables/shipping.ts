/**
 * Shipping: how a 配送方法 maps to a carrier, each carrier's label-scan setting, each box of a parcel with
 * its labels (expected from the carrier's result file, bound at packing, loaded onto a truck), and the
 * handovers (one truck's loading) whose close ships the parcels.
 */
import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { CarrierId, LabelScanMode } from '../../../shared/domain/carrier.js';
import { ts } from './columns.js';
import { warehouses } from './core.js';
import { parcels } from './parcels.js';

/** A 配送方法 as the back office writes it → carrier and service; overrides the built-in defaults. */
export const carrierMappings = pgTable('carrier_mappings', {
  /** The 配送方法 text, NFKC-normalised and trimmed. */
  method: text('method').primaryKey(),
  /** Null: a generic name (宅配便) that takes the warehouse's default carrier. */
  carrierId: text('carrier_id').$type<CarrierId>(),
  service: text('service'),
});

/** Per carrier: whether packers must scan its label (LABEL_SCAN). Absent: `optional`. */
export const carrierSettings = pgTable('carrier_settings', {
  carrierId: text('carrier_id').$type<CarrierId>().primaryKey(),
  labelScan: text('label_scan').$type<LabelScanMode>().notNull(),
});

/**
 * One box (個口) of a parcel and its label. A tracking number is expected (imported), bound (scanned at
 * packing) and loaded (scanned onto a truck); a number belongs to at most one box.
 */
export const parcelBoxes = pgTable(
  'parcel_boxes',
  {
    shipmentId: text('shipment_id').notNull().references(() => parcels.shipmentId),
    box: integer('box').notNull(),
    expectedNumber: text('expected_number'),
    boundNumber: text('bound_number'),
    boundAt: ts('bound_at'),
    boundByDeviceId: text('bound_by_device_id'),
    loadedAt: ts('loaded_at'),
    loadedHandoverId: text('loaded_handover_id'),
    loadedByDeviceId: text('loaded_by_device_id'),
    loadedByStaffId: text('loaded_by_staff_id'),
  },
  (t) => [
    primaryKey({ columns: [t.shipmentId, t.box] }),
    uniqueIndex('parcel_boxes_expected_idx').on(t.expectedNumber),
    index('parcel_boxes_bound_idx').on(t.boundNumber),
    index('parcel_boxes_handover_idx').on(t.loadedHandoverId),
  ],
);

/** One truck's loading (積込): open while boxes are scanned, closed with its manifest when the driver leaves. */
export const handovers = pgTable(
  'handovers',
  {
    id: text('id').primaryKey(),
    warehouseId: text('warehouse_id').notNull().references(() => warehouses.id),
    carrierId: text('carrier_id').$type<CarrierId>().notNull(),
    status: text('status').$type<'open' | 'closed'>().notNull(),
    startedAt: ts('started_at').notNull(),
    closedAt: ts('closed_at'),
    closedByStaffId: text('closed_by_staff_id'),
    closedByDeviceId: text('closed_by_device_id'),
    /** The device's own count of boxes loaded, for the manifest's cross-check. */
    boxesReported: integer('boxes_reported'),
    /** The manifest: parcels that left with this truck, each with its tracking numbers. */
    manifest: jsonb('manifest').$type<{ shipmentId: string; orderNumber: string; trackingNumbers: string[] }[]>(),
  },
  (t) => [index('handovers_warehouse_idx').on(t.warehouseId, t.startedAt)],
);
