/**
 * A carrier's import layout as data (export/layouts/*.json): its columns in order, where each value
 * comes from (a field of the parcel, or a fixed value), the widths the carrier's software accepts,
 * and which published layout it follows. A warehouse can pass its own file (--layout).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { carrierIdSchema, type CarrierId } from '../../shared/domain/carrier.js';

/** The parcel fields a column can take its value from. */
export const LAYOUT_SOURCES = [
  'shipmentId',
  'orderNumber',
  'serviceCode',
  'coolCode',
  'shipDate',
  'deliveryDate',
  'timeBandCode',
  'recipientName',
  'recipientPhone',
  'recipientPostalCode',
  'recipientAddress',
  'recipientBuilding',
  /** The address split after its 都道府県, for layouts with a prefecture column (ゆうプリR). */
  'recipientPrefecture',
  'recipientAddressAfterPrefecture',
  'itemName',
  'boxCount',
] as const;
export type LayoutSource = (typeof LAYOUT_SOURCES)[number];

const columnSchema = z.object({
  header: z.string().min(1),
  source: z.enum(LAYOUT_SOURCES).optional(),
  /** A fixed value (ご依頼主, 請求先顧客コード …): the warehouse's own copy of the layout fills them. */
  value: z.string().optional(),
  /** An empty required value is a row error naming the column. */
  required: z.boolean().default(false),
  /** The most bytes the carrier's software takes, counted in the file's encoding. */
  maxBytes: z.number().int().positive().optional(),
});

/** A layout file. */
export const carrierLayoutSchema = z.object({
  carrier: carrierIdSchema,
  name: z.string(),
  /** Which version of the carrier's published layout this follows. */
  follows: z.string().min(1),
  /** Where the column list came from, and how it was checked. */
  source: z.string().min(1),
  checked: z.string().min(1),
  encoding: z.enum(['cp932', 'utf-8']),
  lineEnding: z.enum(['crlf', 'lf']),
  header: z.boolean(),
  /** 送り状種類 per service, クール区分 per service (default for the rest), 配達時間帯 codes per wish as written. */
  serviceCodes: z.record(z.string(), z.string()),
  coolCodes: z.record(z.string(), z.string()).default({}),
  defaultCoolCode: z.string().default(''),
  timeBands: z.record(z.string(), z.string()).default({}),
  columns: z.array(columnSchema).min(1),
});
export type CarrierLayout = z.infer<typeof carrierLayoutSchema>;

/** The layouts shipped with floorpack, by carrier. */
const BUILT_IN: Partial<Record<CarrierId, string>> = {
  yamato: 'yamato-b2-cloud.json',
  sagawa: 'sagawa-e-hiden-3.json',
  japanpost: 'japanpost-yu-pri-r.json',
};

/** Thrown when no layout can be had for the export asked. */
export class LayoutError extends Error {}

/** The built-in layout of `carrier`, or the file `file` (which must be for the same carrier). */
export function loadLayout(carrier: CarrierId, file?: string): CarrierLayout {
  const path = file ?? (BUILT_IN[carrier] ? new URL(`./layouts/${BUILT_IN[carrier]}`, import.meta.url) : null);
  if (!path) throw new LayoutError(`floorpack has no built-in layout for ${carrier} yet: pass your carrier software's layout with --layout FILE (see docs/shipping.md)`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new LayoutError(`cannot read the layout ${String(path)}: ${(error as Error).message}`);
  }
  const parsed = carrierLayoutSchema.safeParse(raw);
  if (!parsed.success) throw new LayoutError(`the layout ${String(path)} is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  if (parsed.data.carrier !== carrier) throw new LayoutError(`the layout ${String(path)} is for ${parsed.data.carrier}, not ${carrier}`);
  return parsed.data;
}
