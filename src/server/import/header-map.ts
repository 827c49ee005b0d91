/**
 * Which column holds which field, matched by header name (column order never matters). The default
 * mapping is the back-office export format (Japanese headers); each field also answers to its English
 * field name, and a caller can add or replace header names per type (CLI --mapping, buildApp option).
 */
import type { ImportType } from '../../shared/protocol/import.js';

/** Header names accepted for each field of each import type; the first name is the one shown in reports. */
export type HeaderMapping = { [T in ImportType]: Record<string, string[]> };

/** Fields every row of a type must have a column for. */
const REQUIRED_FIELDS: { [T in ImportType]: string[] } = {
  products: ['code', 'name'],
  ranks: ['code', 'label'],
  'gift-codes': ['code', 'wrapping'],
  inserts: ['code', 'name'],
  shipments: ['shipmentId', 'orderNumber', 'customerId', 'customerName', 'rankCode', 'purchaseCount', 'productCode', 'qty'],
  holds: ['shipmentId', 'reason'],
  tracking: ['shipmentId', 'trackingNumber'],
};

/** The default: the headers of the back-office export (Japanese column names). */
export const DEFAULT_HEADER_MAPPING: HeaderMapping = {
  products: {
    code: ['商品コード'],
    barcodes: ['JANコード', 'JAN'],
    name: ['商品名'],
    location: ['ロケーション'],
  },
  ranks: {
    code: ['ランクコード'],
    label: ['ランク名'],
    color: ['表示色'],
  },
  'gift-codes': {
    code: ['ギフトコード'],
    wrapping: ['包装'],
    ribbon: ['リボン'],
    noshiInscription: ['のし表書き'],
    noshiPlacement: ['のし種別'],
    description: ['説明'],
  },
  inserts: {
    code: ['同梱物コード'],
    name: ['同梱物名'],
    barcode: ['バーコード'],
  },
  shipments: {
    shipmentId: ['出荷ID'],
    orderNumber: ['注文番号'],
    orderDate: ['受注日'],
    customerId: ['顧客ID'],
    customerName: ['顧客名'],
    rankCode: ['顧客ランク'],
    purchaseCount: ['購入回数'],
    returnCount: ['返品回数'],
    customerEmail: ['メールアドレス'],
    giftCode: ['ギフトコード'],
    noshiName: ['のし名入れ'],
    message: ['メッセージ'],
    insertCodes: ['同梱物コード'],
    carrier: ['配送方法'],
    productCode: ['商品コード'],
    jan: ['JANコード'],
    productName: ['商品名'],
    qty: ['数量'],
    // What the carrier's label needs (server only, never pulled): optional, the carrier export names what is missing.
    recipientName: ['お届け先名'],
    postalCode: ['郵便番号', 'お届け先郵便番号'],
    address: ['住所', 'お届け先住所'],
    phone: ['電話番号', 'お届け先電話番号'],
    deliveryDate: ['配達希望日', 'お届け希望日'],
    deliveryTimeBand: ['配達時間帯', '配達希望時間帯'],
    boxCount: ['個口数'],
  },
  holds: {
    shipmentId: ['出荷ID'],
    action: ['区分'],
    reason: ['理由', '停止理由'],
  },
  // The carrier software's result file: お客様管理番号 is our 出荷ID.
  tracking: {
    shipmentId: ['お客様管理番号', '出荷ID'],
    trackingNumber: ['伝票番号', '送り状番号', 'お問い合わせ番号', 'お問い合せ送り状NO'],
  },
};

/** Adds caller-given header names in front of the defaults (so they are the names shown in reports). */
export function mergeHeaderMapping(extra: Partial<{ [T in ImportType]: Record<string, string[]> }> | undefined): HeaderMapping {
  const merged = structuredClone(DEFAULT_HEADER_MAPPING);
  for (const [type, fields] of Object.entries(extra ?? {}) as [ImportType, Record<string, string[]>][]) {
    for (const [field, names] of Object.entries(fields)) {
      merged[type][field] = [...names, ...(merged[type][field] ?? []).filter((n) => !names.includes(n))];
    }
  }
  return merged;
}

/** Where each field sits in one file, and the header name it was found under. */
export interface ColumnIndex {
  position: Map<string, number>;
  header: Map<string, string>;
}

/** Finds each field's column by header name (or its English field name); unknown headers are ignored. */
export function indexColumns(type: ImportType, headers: string[], mapping: HeaderMapping): ColumnIndex {
  const position = new Map<string, number>();
  const header = new Map<string, string>();
  const normalised = headers.map(normaliseHeader);
  for (const [field, names] of Object.entries(mapping[type])) {
    const candidates = [...names, field].map(normaliseHeader);
    const at = normalised.findIndex((h) => candidates.includes(h));
    if (at >= 0) position.set(field, at);
    header.set(field, at >= 0 ? headers[at] : names[0] ?? field);
  }
  return { position, header };
}

/** The required fields a file has no column for. */
export function missingColumns(type: ImportType, index: ColumnIndex): string[] {
  return REQUIRED_FIELDS[type].filter((f) => !index.position.has(f));
}

/** Guesses the type from the headers: the most specific type whose required columns are all present. */
export function inferImportType(headers: string[], mapping: HeaderMapping): ImportType | null {
  // Shipments before holds (both have 出荷ID), products after both (shipments carry 商品コード too).
  const order: ImportType[] = ['shipments', 'tracking', 'holds', 'products', 'gift-codes', 'inserts', 'ranks'];
  for (const type of order) {
    if (missingColumns(type, indexColumns(type, headers, mapping)).length === 0) return type;
  }
  return null;
}

// Full-width letters and stray spaces in a header (ＪＡＮコード, " 数量") still match.
function normaliseHeader(h: string): string {
  return h.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}
