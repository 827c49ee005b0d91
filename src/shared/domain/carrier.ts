/**
 * Carriers and what the floor knows of a parcel's shipping: its carrier, its boxes (個口) and their
 * labels (送り状). Customer address data never reaches a device: only tracking numbers do.
 */
import * as z from 'zod/mini';
import { CARRIER_IDS } from './carrier-ids.js';

export type { CarrierId } from './carrier-ids.js';

/** The carriers floorpack exports for and checks labels of; `other` has no export and no check digit. */
export const carrierIdSchema = z.enum(CARRIER_IDS);

/** Whether a parcel's label must be scanned at packing (送り状照合): a per-carrier setting. */
export const labelScanModeSchema = z.enum(['required', 'optional', 'off']);
export type LabelScanMode = z.infer<typeof labelScanModeSchema>;

/** A parcel's shipping as pulled to the device (absent from older servers and stored records). */
export const parcelShippingSchema = z.object({
  /** Null when the 配送方法 names no carrier and the warehouse has no default: packing still works, export refuses it. */
  carrierId: z.nullable(carrierIdSchema),
  /** The carrier's service (宅急便, ネコポス, ゆうパケット …) as mapped from 配送方法. */
  service: z.nullable(z.string()),
  /** Boxes the parcel leaves in (個口数), at least 1. */
  boxCount: z.int().check(z.gte(1), z.lte(99)),
  labelScan: labelScanModeSchema,
  /** Tracking numbers imported from the carrier's result file, one per box; empty when printed on demand. */
  expectedTrackingNumbers: z.array(z.string()),
  /** Tracking numbers bound at packing, as the server has them (a loading device checks against these). */
  boundTrackingNumbers: z.array(z.string()),
  /** Tracking numbers already checked onto a truck. */
  loadedTrackingNumbers: z.array(z.string()),
});
export type ParcelShipping = z.infer<typeof parcelShippingSchema>;
