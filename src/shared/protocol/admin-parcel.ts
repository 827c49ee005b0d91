/**
 * GET /api/admin/parcels/:shipmentId: one parcel as the console's parcel page shows it. Each part of
 * the page is one field of the reply, so a feature adds its part (shipping, photos …) as a new field
 * beside these, and an older console ignores what it does not know.
 */
import * as z from 'zod/mini';
import { giftCodeSchema, humanTouchFlagSchema, insertSchema, productSchema, rankSchema } from '../domain/catalogue.js';
import { parcelStatusSchema } from '../domain/parcel.js';
import { parcelShippingResponseSchema } from './admin-shipping.js';

/** The path parameter. */
export const parcelParamsSchema = z.object({ shipmentId: z.string().check(z.minLength(1), z.maxLength(200)) });

/** The parcel itself: who it is for, where it stands, and who packed it. */
export const parcelSummarySchema = z.object({
  shipmentId: z.string(),
  warehouseId: z.string(),
  /** The warehouse's time zone: every time on the page is shown in it. */
  timeZone: z.string(),
  orderNumber: z.string(),
  orderDate: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  rankCode: z.string(),
  /** The rank as the catalogue has it (label and badge colour); null when the code is not in the catalogue. */
  rank: z.nullable(rankSchema),
  carrier: z.string(),
  status: parcelStatusSchema,
  holdReason: z.nullable(z.string()),
  packedAt: z.nullable(z.string()),
  packedBy: z.nullable(z.string()),
  packedOnDevice: z.nullable(z.string()),
});

/** One line: the product's name and barcodes (the JANs a packer scans) beside the quantity. */
export const parcelDetailLineSchema = z.object({
  productCode: z.string(),
  /** Null when the product is not in the catalogue. */
  name: z.nullable(z.string()),
  barcodes: z.array(z.string()),
  location: z.nullable(z.string()),
  qty: z.int(),
});

/** One human-touch flag with its instructions (from the rule edition that set it, else the rules in force). */
export const parcelFlagSchema = z.object({
  flag: humanTouchFlagSchema,
  instruction: z.nullable(z.string()),
  returnInstruction: z.nullable(z.string()),
});

/** Why the parcel carries its flags: the history they were computed from and the rule edition in force then. */
export const parcelFlagBasisSchema = z.object({
  purchaseCount: z.int(),
  returnCount: z.int(),
  parcelsSinceFirstReturn: z.int(),
  /** Null: the flags were set before any rule edition was saved (the seeded rules). */
  ruleVersion: z.nullable(z.int()),
});

/** The gift: the code's exact instruction (null when the code is unknown: packing is blocked), のし name and message card. */
export const parcelGiftSchema = z.object({
  code: z.string(),
  instruction: z.nullable(giftCodeSchema),
  noshiName: z.nullable(z.string()),
  message: z.nullable(z.string()),
});

/** An insert to put in the box, and why: the shipment asked for it or a human-touch rule adds it. */
export const parcelInsertSchema = z.object({
  code: z.string(),
  name: z.nullable(z.string()),
  barcode: z.nullable(z.string()),
  source: z.enum(['shipment', 'rule']),
});

/** One entry of the parcel's history, oldest first. */
export const timelineEntrySchema = z.object({
  /** When it happened: the device's clock for an event, the server's for a flag. */
  at: z.string(),
  /** event: a device's event and the answer it got; flag: something a supervisor must look at; receipt: the return receipt. */
  kind: z.enum(['event', 'flag', 'receipt']),
  /** The event type (parcel.packed …) or the supervisor flag's kind. */
  type: z.string(),
  /** applied / rejected for an event, open / resolved for a flag, recorded for a receipt. */
  outcome: z.string(),
  staffId: z.nullable(z.string()),
  staffName: z.nullable(z.string()),
  deviceId: z.nullable(z.string()),
  deviceName: z.nullable(z.string()),
  /** Why it was refused (reject code), or null. */
  code: z.nullable(z.string()),
  /** What the server said: the refusal's message or the flag's words. */
  message: z.nullable(z.string()),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** The whole reply. */
export const adminParcelDetailSchema = z.object({
  parcel: parcelSummarySchema,
  lines: z.array(parcelDetailLineSchema),
  flags: z.array(parcelFlagSchema),
  flagBasis: z.nullable(parcelFlagBasisSchema),
  gift: z.nullable(parcelGiftSchema),
  inserts: z.array(parcelInsertSchema),
  timeline: z.array(timelineEntrySchema),
  /** Carrier, boxes and their labels, loading and the shop's notification (absent from a server without shipping). */
  shipping: z.optional(z.nullable(parcelShippingResponseSchema)),
});
export type AdminParcelDetail = z.infer<typeof adminParcelDetailSchema>;

/** GET /api/admin/catalogue: the products with their JANs, the inserts with their barcodes, and the ranks (for badges). */
export const adminCatalogueResponseSchema = z.object({
  products: z.array(productSchema),
  inserts: z.array(insertSchema),
  ranks: z.array(rankSchema),
});
export type AdminCatalogueResponse = z.infer<typeof adminCatalogueResponseSchema>;
