/**
 * The carrier export: the parcels of one carrier not exported yet, as the carrier software's import
 * file (for Yamato the B2クラウド 外部データ取込 CSV). A parcel whose row cannot be written — no carrier,
 * a required recipient field missing, a character the encoding cannot hold, a value too wide — is
 * left out and named with the reason; nothing is ever replaced or cut. Exported parcels are stamped
 * in the same transaction, so the same parcels come again only with `again`.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { CarrierId } from '../../shared/domain/carrier.js';
import type { Database, Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import { byteLength, csvLine, describeChar, encodeCsv, unencodableInCp932 } from './csv-text.js';
import type { CarrierLayout, LayoutSource } from './layout.js';

/** What to export. */
export interface CarrierExportOptions {
  carrier: CarrierId;
  layout: CarrierLayout;
  /** 出荷予定日 written into the file (YYYY-MM-DD). */
  date: string;
  /** Export parcels exported before, too. */
  again?: boolean;
  warehouseId?: string;
  lang?: 'ja' | 'en';
}

/** One parcel left out, and why. */
export interface ExportIssue {
  shipmentId: string;
  column: string;
  message: string;
}

/** The outcome: the file (null when no parcel could be written) and what was left out. */
export interface CarrierExportResult {
  ok: boolean;
  carrier: CarrierId;
  date: string;
  exported: number;
  shipmentIds: string[];
  errors: ExportIssue[];
  /** Parcels exported before and skipped (give `again` to include them). */
  alreadyExported: number;
  file: Buffer | null;
  filename: string;
}

type ParcelRow = typeof t.parcels.$inferSelect;

const NO_TIME_WISH = new Set(['指定なし', '希望なし', 'なし', '指定無し', '-']);

/** Statuses a parcel can be labelled in: not held, not gone. */
const LABELLABLE = ['released', 'picking', 'picked', 'packed'] as const;

/** Writes the export of `options.carrier` and stamps the parcels written. */
export async function runCarrierExport(database: Database, options: CarrierExportOptions): Promise<CarrierExportResult> {
  return database.write(async (tx) => {
    const candidates = await tx
      .select()
      .from(t.parcels)
      .where(and(inArray(t.parcels.status, [...LABELLABLE]), options.warehouseId ? eq(t.parcels.warehouseId, options.warehouseId) : undefined))
      .orderBy(asc(t.parcels.shipmentId))
      .for('update');
    const names = await productNames(tx);
    const errors: ExportIssue[] = [];
    const lines: string[] = options.layout.header ? [csvLine(options.layout.columns.map((c) => c.header))] : [];
    const written: string[] = [];
    let alreadyExported = 0;
    for (const parcel of candidates) {
      if (parcel.carrierId === null) {
        errors.push({ shipmentId: parcel.shipmentId, column: '配送方法', message: say(options.lang, 'noCarrier', parcel.carrier) });
        continue;
      }
      if (parcel.carrierId !== options.carrier) continue;
      if (parcel.carrierExportedAt && !options.again) {
        alreadyExported++;
        continue;
      }
      const row = rowOf(parcel, options, names);
      if ('errors' in row) errors.push(...row.errors);
      else {
        lines.push(row.line);
        written.push(parcel.shipmentId);
      }
    }
    if (written.length > 0) await tx.update(t.parcels).set({ carrierExportedAt: new Date() }).where(inArray(t.parcels.shipmentId, written));
    return {
      ok: errors.length === 0,
      carrier: options.carrier,
      date: options.date,
      exported: written.length,
      shipmentIds: written,
      errors,
      alreadyExported,
      file: written.length > 0 ? encodeCsv(lines, options.layout.encoding, options.layout.lineEnding) : null,
      filename: `${options.carrier}-${options.date}.csv`,
    };
  });
}

/** One parcel's line, or every reason it cannot be written. */
function rowOf(parcel: ParcelRow, options: CarrierExportOptions, names: Map<string, string>): { line: string } | { errors: ExportIssue[] } {
  const { layout } = options;
  const values = sourcesOf(parcel, options, names);
  const errors: ExportIssue[] = [];
  const fields = layout.columns.map((column) => {
    const value = column.value ?? (column.source ? values[column.source] : '') ?? '';
    const problem = (message: string) => errors.push({ shipmentId: parcel.shipmentId, column: column.header, message });
    if (column.required && !value) problem(say(options.lang, column.source === 'serviceCode' ? 'noServiceCode' : 'missing', parcel.carrierService ?? ''));
    // A customer's time wish the layout has no code for is refused, never dropped from the label.
    if (column.source === 'timeBandCode' && !value && values.timeBandWish) problem(say(options.lang, 'noTimeBand', parcel.deliveryTimeBand ?? ''));
    const bad = layout.encoding === 'cp932' ? unencodableInCp932(value) : [];
    if (bad.length > 0) problem(say(options.lang, 'unencodable', bad.map(describeChar).join(' ')));
    else if (column.maxBytes && byteLength(value, layout.encoding) > column.maxBytes) problem(say(options.lang, 'tooWide', `${byteLength(value, layout.encoding)}/${column.maxBytes}`));
    return value;
  });
  return errors.length > 0 ? { errors } : { line: csvLine(fields) };
}

/** Every value a column can take, for one parcel. */
function sourcesOf(parcel: ParcelRow, options: CarrierExportOptions, names: Map<string, string>): Record<LayoutSource | 'timeBandWish', string> {
  const { layout } = options;
  const service = parcel.carrierService ?? '';
  const slash = (iso: string | null) => (iso ? iso.replace(/-/g, '/') : '');
  // A building after the first space goes to its own column (B2クラウド: アパートマンション名).
  const address = parcel.recipient?.address?.trim() ?? '';
  const cut = address.search(/[ 　]/);
  const prefecture = /^(東京都|北海道|(?:京都|大阪)府|.{2,3}?県)/.exec(address)?.[1] ?? '';
  const written = parcel.deliveryTimeBand?.normalize('NFKC').replace(/[~〜～時]/g, '-').replace(/-+$/, '').replace(/\s+/g, '') ?? '';
  // Shops write "no wish" in words too; it is no band, not a band the layout lacks.
  const band = NO_TIME_WISH.has(written) ? '' : written;
  const first = parcel.lines[0];
  return {
    shipmentId: parcel.shipmentId,
    orderNumber: parcel.orderNumber,
    serviceCode: layout.serviceCodes[service] ?? '',
    coolCode: layout.coolCodes[service] ?? layout.defaultCoolCode,
    shipDate: slash(options.date),
    deliveryDate: slash(parcel.deliveryDate),
    timeBandCode: band ? (layout.timeBands[band] ?? layout.timeBands[parcel.deliveryTimeBand ?? ''] ?? '') : '',
    timeBandWish: band,
    recipientName: parcel.recipient?.name ?? '',
    recipientPhone: parcel.recipient?.phone ?? '',
    recipientPostalCode: parcel.recipient?.postalCode ?? '',
    recipientAddress: cut > 0 ? address.slice(0, cut) : address,
    recipientBuilding: cut > 0 ? address.slice(cut + 1).trim() : '',
    recipientPrefecture: prefecture,
    recipientAddressAfterPrefecture: (cut > 0 ? address.slice(0, cut) : address).slice(prefecture.length),
    itemName: first ? `${names.get(first.productCode) ?? first.productCode}${parcel.lines.length > 1 ? ' ほか' : ''}` : '',
    boxCount: String(parcel.boxCount),
  };
}

async function productNames(tx: Tx): Promise<Map<string, string>> {
  return new Map((await tx.select({ code: t.products.code, name: t.products.name }).from(t.products)).map((p) => [p.code, p.name]));
}

const WORDS = {
  noCarrier: { ja: (v: string) => `配送方法「${v}」の配送会社が決まっていません。配送方法の対応表か既定の配送会社を設定してください`, en: (v: string) => `The delivery method "${v}" maps to no carrier: add it to the carrier mapping or set the default carrier` },
  noServiceCode: { ja: (v: string) => `サービス「${v}」の送り状種類がこのレイアウトにありません`, en: (v: string) => `This layout has no label type for the service "${v}"` },
  missing: { ja: () => '値がありません。出荷指示に入れて取り込み直してください', en: () => 'Missing: add it to the shipment import and import again' },
  unencodable: { ja: (v: string) => `Shift_JIS (CP932) で書けない文字があります: ${v}。出荷指示を直してください（置き換えはしません）`, en: (v: string) => `Characters Shift_JIS (CP932) cannot hold: ${v}. Fix the shipment (nothing is replaced)` },
  noTimeBand: { ja: (v: string) => `配達時間帯「${v}」のコードがこのレイアウトにありません。レイアウトに加えるか出荷指示を直してください`, en: (v: string) => `This layout has no code for the delivery time "${v}": add it to the layout or fix the shipment` },
  tooWide: { ja: (v: string) => `長すぎます（${v} バイト）`, en: (v: string) => `Too long (${v} bytes)` },
};

function say(lang: 'ja' | 'en' = 'ja', key: keyof typeof WORDS, value: string): string {
  return WORDS[key][lang](value);
}

