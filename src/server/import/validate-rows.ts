/**
 * Row validation with zod: one schema per import type turns a row's cells into a typed record, or
 * into errors naming the row, the column (as headed in the file) and what is wrong.
 */
import { z } from 'zod';
import type { GiftCode, Insert, NoshiPlacement, Product, Rank } from '../../shared/domain/catalogue.js';
import { isValidGtin, normaliseGtin } from '../../shared/scan/gtin.js';
import { fields, type Msg } from './cell-fields.js';
import type { ImportIssue, ImportType } from '../../shared/protocol/import.js';
import { indexColumns, type ColumnIndex, type HeaderMapping } from './header-map.js';
import { importMessage, type ImportLang, type ImportMessageKey } from './messages.js';
import type { Table } from './parse-table.js';

/** What the rows are checked against (codes known to the server, plus the file itself for masters). */
export interface KnownCodes {
  products: Map<string, { barcodes: string[] }>;
  giftCodes: Set<string>;
  inserts: Set<string>;
  ranks: Set<string>;
}

/** One shipment line as read from a row (header fields repeat on every line of a shipment). */
export interface ShipmentRow {
  shipmentId: string;
  orderNumber: string;
  orderDate: string;
  customerId: string;
  customerName: string;
  rankCode: string;
  purchaseCount: number;
  returnCount: number;
  customerEmail: string | null;
  giftCode: string | null;
  noshiName: string | null;
  message: string | null;
  insertCodes: string[];
  carrier: string;
  recipientName: string | null;
  postalCode: string | null;
  address: string | null;
  phone: string | null;
  deliveryDate: string | null;
  deliveryTimeBand: string | null;
  boxCount: number;
  productCode: string;
  qty: number;
}

/** One line of a carrier's result file: our 出荷ID (お客様管理番号) and the label's number. */
export interface TrackingRow {
  shipmentId: string;
  trackingNumber: string;
}

/** One hold or release instruction. */
export interface HoldRow {
  shipmentId: string;
  action: 'hold' | 'release';
  reason: string | null;
}

/** Records by type. */
export interface RecordOf {
  products: Product;
  ranks: Omit<Rank, 'sortOrder'>;
  'gift-codes': GiftCode;
  inserts: Insert;
  shipments: ShipmentRow;
  holds: HoldRow;
  tracking: TrackingRow;
}

/** A row that passed, or the errors of one that did not (with whatever key could still be read). */
export type CheckedRow<T extends ImportType> =
  | { row: number; ok: true; value: RecordOf[T]; warnings: ImportIssue[] }
  | { row: number; ok: false; key: string | null; errors: ImportIssue[] };

/** Header fields that must agree on every line of one shipment. */
export const SHIPMENT_HEADER_FIELDS = [
  'orderNumber',
  'orderDate',
  'customerId',
  'customerName',
  'rankCode',
  'purchaseCount',
  'returnCount',
  'customerEmail',
  'giftCode',
  'noshiName',
  'message',
  'insertCodes',
  'carrier',
  'recipientName',
  'postalCode',
  'address',
  'phone',
  'deliveryDate',
  'deliveryTimeBand',
  'boxCount',
] as const satisfies readonly (keyof ShipmentRow)[];

/** The zod schema of one row of `type`; `known` adds the cross-checks against the server's codes. */
function rowSchema(type: ImportType, msg: Msg, known: KnownCodes) {
  const f = fields(msg);
  switch (type) {
    case 'products':
      return z.object({ code: f.requiredCode(), barcodes: f.gtins.prefault(''), name: f.required(), location: f.code.prefault('') });
    case 'ranks':
      return z.object({
        code: f.requiredCode(),
        label: f.required(),
        color: f.code.prefault('#4a4a4a').pipe(
          z.string().transform((s, ctx) => {
            if (!/^#[0-9a-fA-F]{6}$/.test(s)) ctx.addIssue({ code: 'custom', message: msg('badColor', { value: s }) });
            return s;
          }),
        ),
      });
    case 'gift-codes':
      return z.object({
        code: f.requiredCode(),
        // 「なし」 in the export means "no wrapping paper" / "no ribbon".
        wrapping: f.optional.prefault('').transform((v) => (v === null || v === 'なし' ? '' : v)),
        ribbon: f.optional.prefault('').transform((v) => (v === 'なし' ? null : v)),
        noshiInscription: f.optional.prefault('').transform((v) => (v === 'なし' ? null : v)),
        noshiPlacement: f.optional.prefault('').transform((v, ctx): NoshiPlacement | null => {
          if (v === null || v === 'なし') return null;
          if (v === '内のし' || v === 'inner') return 'inner';
          if (v === '外のし' || v === 'outer') return 'outer';
          ctx.addIssue({ code: 'custom', message: msg('badPlacement', { value: v }) });
          return z.NEVER;
        }),
        description: f.optional.prefault('').transform((v) => v ?? ''),
      });
    case 'inserts':
      return z.object({
        code: f.requiredCode(),
        name: f.required(),
        // A barcode the handheld cannot read (bad check digit) would make the insert impossible to
        // confirm: it is stored as "no barcode" (confirmed by tap) and the report warns.
        barcode: f.code.prefault('').transform((s) => (s && isValidGtin(s) ? normaliseGtin(s) : null)),
      });
    case 'holds':
      return z.object({
        shipmentId: f.requiredCode('missingShipmentId'),
        action: f.code.prefault('').transform((s, ctx): 'hold' | 'release' => {
          if (['', '停止', '出荷停止', 'キャンセル', '保留', 'hold', 'cancel'].includes(s.toLowerCase())) return 'hold';
          if (['解除', '停止解除', 'release'].includes(s.toLowerCase())) return 'release';
          ctx.addIssue({ code: 'custom', message: msg('badHoldAction', { value: s }) });
          return z.NEVER;
        }),
        reason: f.optional.prefault(''),
      });
    case 'tracking':
      return z.object({
        shipmentId: f.requiredCode('missingShipmentId'),
        // As printed: hyphens and spaces are the carrier software's formatting, not the number.
        trackingNumber: f.requiredCode().transform((s) => s.replace(/[-\s]/g, '')),
      });
    case 'shipments':
      return z
        .object({
          shipmentId: f.requiredCode('missingShipmentId'),
          orderNumber: f.orderNumber,
          orderDate: f.date,
          customerId: f.requiredCode(),
          customerName: f.required(),
          rankCode: f.requiredCode(),
          purchaseCount: f.integer(1, 'purchaseCountLow'),
          returnCount: f.code.prefault('0').pipe(f.integer(0, 'negative')),
          customerEmail: f.mailAddress.prefault(''),
          giftCode: f.code.prefault('').transform((s) => s || null),
          noshiName: f.optional.prefault(''),
          message: f.optional.prefault(''),
          insertCodes: f.codeList.prefault(''),
          carrier: f.optional.prefault('').transform((v) => v ?? ''),
          recipientName: f.optional.prefault(''),
          postalCode: f.postalCode.prefault(''),
          address: f.optional.prefault(''),
          phone: f.phone.prefault(''),
          deliveryDate: f.optionalDate.prefault(''),
          deliveryTimeBand: f.optional.prefault(''),
          boxCount: f.boxCount.prefault(''),
          productCode: f.requiredCode(),
          qty: f.integer(1, 'qtyNotPositive'),
        })
        .superRefine((row, ctx) => {
          // Cross-checks against the server's master data: never guess a product, a wrapping or an insert.
          if (!known.products.has(row.productCode)) ctx.addIssue({ code: 'custom', path: ['productCode'], message: msg('unknownProduct', { code: row.productCode }) });
          if (row.giftCode && !known.giftCodes.has(row.giftCode)) ctx.addIssue({ code: 'custom', path: ['giftCode'], message: msg('unknownGift', { code: row.giftCode }) });
          for (const c of row.insertCodes) if (!known.inserts.has(c)) ctx.addIssue({ code: 'custom', path: ['insertCodes'], message: msg('unknownInsert', { code: c }) });
        });
  }
}

/** The field whose value keys a record (the shipment id, or the master code). */
const KEY_FIELD: Record<ImportType, string> = {
  products: 'code',
  ranks: 'code',
  'gift-codes': 'code',
  inserts: 'code',
  shipments: 'shipmentId',
  holds: 'shipmentId',
  tracking: 'shipmentId',
};

/** Checks every record of `table` as `type`; short and long rows are errors before the schema runs. */
export function checkRows<T extends ImportType>(
  type: T,
  table: Table,
  mapping: HeaderMapping,
  known: KnownCodes,
  lang: ImportLang,
): { columns: ColumnIndex; rows: CheckedRow<T>[] } {
  const msg: Msg = (key, params) => importMessage(lang, key, params);
  const columns = indexColumns(type, table.headers, mapping);
  const schema = rowSchema(type, msg, known);
  const width = table.headers.length;
  const rows = table.records.map((record): CheckedRow<T> => {
    const raw: Record<string, string> = {};
    for (const [field, at] of columns.position) if (at < record.cells.length) raw[field] = record.cells[at];
    const keyAt = columns.position.get(KEY_FIELD[type]);
    const key = keyAt !== undefined ? (record.cells[keyAt]?.normalize('NFKC').trim() ?? '') || null : null;
    const cellCount = table.format === 'json' ? width : record.cells.length;
    if (cellCount < width) {
      return { row: record.row, ok: false, key, errors: [{ row: record.row, column: table.headers[cellCount], message: msg('rowShort', { expected: width, got: cellCount }) }] };
    }
    // A trailing empty cell (a stray comma at the end of the line) is harmless; real extra values are not.
    if (record.cells.slice(width).some((c) => c.trim() !== '')) {
      return { row: record.row, ok: false, key, errors: [{ row: record.row, column: `(${width + 1})`, message: msg('rowLong', { expected: width, got: record.cells.length }) }] };
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((issue) => ({
        row: record.row,
        column: columns.header.get(String(issue.path[0] ?? '')) ?? String(issue.path[0] ?? ''),
        message: issue.message,
      }));
      return { row: record.row, ok: false, key, errors };
    }
    const value = parsed.data as unknown as RecordOf[T];
    return { row: record.row, ok: true, value, warnings: rowWarnings(type, value, record.cells, columns, known, record.row, msg) };
  });
  return { columns, rows };
}

/** Things worth saying that do not stop a row: an unknown rank, a JAN that belongs to another product. */
function rowWarnings(type: ImportType, value: unknown, cells: string[], columns: ColumnIndex, known: KnownCodes, row: number, msg: Msg): ImportIssue[] {
  if (type === 'inserts') {
    const at = columns.position.get('barcode');
    const given = at !== undefined ? (cells[at] ?? '').normalize('NFKC').trim() : '';
    if (given && (value as Insert).barcode === null) return [{ row, column: columns.header.get('barcode')!, message: msg('insertBarcodeUnreadable', { value: given }) }];
    return [];
  }
  if (type !== 'shipments') return [];
  const s = value as ShipmentRow;
  const warnings: ImportIssue[] = [];
  if (!known.ranks.has(s.rankCode)) warnings.push({ row, column: columns.header.get('rankCode')!, message: msg('unknownRank', { code: s.rankCode }) });
  const janAt = columns.position.get('jan');
  const jan = janAt !== undefined ? cells[janAt]?.normalize('NFKC').trim() : '';
  const barcodes = known.products.get(s.productCode)?.barcodes ?? [];
  if (jan && isValidGtin(jan) && barcodes.length > 0 && !barcodes.includes(normaliseGtin(jan))) {
    warnings.push({ row, column: columns.header.get('jan')!, message: msg('janMismatch', { jan, code: s.productCode }) });
  }
  return warnings;
}
