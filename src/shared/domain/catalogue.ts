/** Master data the floor needs: products, customer ranks, gift codes, inserts, staff, human-touch rules. */
import * as z from 'zod/mini';

/** A sellable item with the barcodes that identify it and where it lives in the warehouse. */
export const productSchema = z.object({
  code: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  /** JAN/EAN/UPC barcodes, normalised to EAN-13 where they are UPC-A (see scan/barcode.ts). */
  barcodes: z.array(z.string().check(z.minLength(1))),
  /** zone-aisle-bay-level, e.g. A-03-02-1 */
  location: z.string(),
});
export type Product = z.infer<typeof productSchema>;

/** A customer rank: the brand's own code, label and badge colour. */
export const rankSchema = z.object({
  code: z.string().check(z.minLength(1)),
  label: z.string().check(z.minLength(1)),
  color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/)),
  /** Lower is more valuable; used to mark top-rank parcels. */
  sortOrder: z.int(),
});
export type Rank = z.infer<typeof rankSchema>;

/** Where the noshi goes: inside the wrapping (内のし) or outside (外のし). */
export const noshiPlacementSchema = z.enum(['inner', 'outer']);
export type NoshiPlacement = z.infer<typeof noshiPlacementSchema>;

/** One gift code = one exact wrapping instruction. */
export const giftCodeSchema = z.object({
  code: z.string().check(z.minLength(1)),
  wrapping: z.string(),
  ribbon: z.nullable(z.string()),
  /** のし表書き (御祝, 内祝 …); null when the code carries no noshi. */
  noshiInscription: z.nullable(z.string()),
  noshiPlacement: z.nullable(noshiPlacementSchema),
  description: z.string(),
});
export type GiftCode = z.infer<typeof giftCodeSchema>;

/** A leaflet, sample or coupon added to the parcel; barcode null when it has none (confirmed by tap). */
export const insertSchema = z.object({
  code: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  barcode: z.nullable(z.string()),
});
export type Insert = z.infer<typeof insertSchema>;

/** The human-touch moments the brand cares about. */
export const humanTouchFlagSchema = z.enum(['FIRST_PURCHASE', 'SECOND_PURCHASE', 'FIRST_RETURN']);
export type HumanTouchFlag = z.infer<typeof humanTouchFlagSchema>;

/** The brand's configured instruction (and extra inserts) for one flag. */
export const humanTouchRuleSchema = z.object({
  flag: humanTouchFlagSchema,
  instruction: z.string().check(z.minLength(1)),
  instructionEn: z.nullable(z.string()),
  /**
   * What returns staff do when they log this customer's return (the packing instruction is for the
   * customer's next parcel, not for the returns bench); absent from older servers: the handheld then
   * shows its own default for returns.
   */
  returnInstruction: z.optional(z.nullable(z.string())),
  returnInstructionEn: z.optional(z.nullable(z.string())),
  insertCodes: z.array(z.string()),
});
export type HumanTouchRule = z.infer<typeof humanTouchRuleSchema>;

/** A staff member who can sign in on a device by badge (staff code). */
export const staffSchema = z.object({
  id: z.string().check(z.minLength(1)),
  code: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  /** Present when this person signs in with a PIN too (domain/staff-pin.ts format). */
  pinHash: z.optional(z.string()),
});
export type Staff = z.infer<typeof staffSchema>;

/** A reason a customer gives for a return (サイズ違い, 不良品 …): the brand's own catalogue, data not code. */
export const returnReasonSchema = z.object({
  code: z.string().check(z.minLength(1)),
  label: z.string().check(z.minLength(1)),
  labelEn: z.nullable(z.string()),
  sortOrder: z.int(),
});
export type ReturnReason = z.infer<typeof returnReasonSchema>;

/** Everything a device needs to resolve a parcel offline. */
export const catalogueSchema = z.object({
  products: z.array(productSchema),
  ranks: z.array(rankSchema),
  giftCodes: z.array(giftCodeSchema),
  inserts: z.array(insertSchema),
  humanTouchRules: z.array(humanTouchRuleSchema),
  staff: z.array(staffSchema),
  /** Optional so catalogues stored by older devices (and older servers) still parse. */
  returnReasons: z.optional(z.array(returnReasonSchema)),
});
export type Catalogue = z.infer<typeof catalogueSchema>;
