/** A parcel (one shipment instruction) as the floor sees it: no e-mail, address or phone ever. */
import * as z from 'zod/mini';
import { humanTouchFlagSchema } from './catalogue.js';
import { parcelShippingSchema } from './carrier.js';

/** released → picking → picked → packed → shipped; any of them can become held. */
export const parcelStatusSchema = z.enum(['released', 'picking', 'picked', 'packed', 'shipped', 'held']);
export type ParcelStatus = z.infer<typeof parcelStatusSchema>;

/** One product line of a parcel. */
export const parcelLineSchema = z.object({
  productCode: z.string().check(z.minLength(1)),
  qty: z.int().check(z.positive()),
});
export type ParcelLine = z.infer<typeof parcelLineSchema>;

/** Who packed a parcel, so a second packer can be told in words. */
export const packedBySchema = z.object({
  staffName: z.string(),
  deviceName: z.string(),
  at: z.string(),
});
export type PackedBy = z.infer<typeof packedBySchema>;

/** The history a parcel's human-touch flags were computed from, and which rule version was in force. */
export const flagBasisSchema = z.object({
  purchaseCount: z.int(),
  returnCount: z.int(),
  parcelsSinceFirstReturn: z.int(),
  /** Null when the parcel was written before any rule version was saved (e.g. demo data). */
  ruleVersion: z.nullable(z.int()),
});
export type FlagBasis = z.infer<typeof flagBasisSchema>;

/** A parcel as it is pulled to the device. */
export const parcelSchema = z.object({
  shipmentId: z.string().check(z.minLength(1)),
  orderNumber: z.string(),
  orderDate: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  rankCode: z.string(),
  /** Computed on the server from the customer's history (domain/human-touch.ts). */
  flags: z.array(humanTouchFlagSchema),
  /** Why the flags are there: the history they were computed from and the rule version (absent when no flag). */
  flagBasis: z.optional(flagBasisSchema),
  giftCode: z.nullable(z.string()),
  noshiName: z.nullable(z.string()),
  message: z.nullable(z.string()),
  insertCodes: z.array(z.string()),
  carrier: z.string(),
  status: parcelStatusSchema,
  /** Why the parcel is held (前日注文キャンセル, fraud check, 欠品 …); null unless held. */
  holdReason: z.nullable(z.string()),
  packedBy: z.nullable(packedBySchema),
  lines: z.array(parcelLineSchema).check(z.minLength(1)),
  /** Returns the customer has made so far (server history); optional for parcels stored before returns existed. */
  customerReturnCount: z.optional(z.int().check(z.gte(0))),
  /** Carrier, boxes and labels; absent from older servers (the device then asks for no label). */
  shipping: z.optional(parcelShippingSchema),
});
export type Parcel = z.infer<typeof parcelSchema>;
