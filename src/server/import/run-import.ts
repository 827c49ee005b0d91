/**
 * One import, start to finish: decode → parse → infer type → check rows → plan → write (one SQL
 * transaction, nothing on a dry run or a failed --strict) → report. The CLI, POST /api/admin/import
 * and the console all come through here.
 */
import { asc, inArray } from 'drizzle-orm';
import { countParcelsSinceFirstReturn, type EarlierParcel } from '../../shared/domain/human-touch.js';
import type { ImportEncoding, ImportIssue, ImportReport, ImportType } from '../../shared/protocol/import.js';
import type { Database, Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import { setParcelStatus, upsertGiftCode, upsertInsert, upsertParcel, upsertProduct, upsertRank, type ShipmentInput } from '../db/write-master-data.js';
import { currentRuleVersion } from '../rules/human-touch-rules.js';
import { decodeBytes } from './decode.js';
import { groupShipments, type ShipmentGroup } from './group-shipments.js';
import { DEFAULT_HEADER_MAPPING, indexColumns, inferImportType, missingColumns, type HeaderMapping } from './header-map.js';
import { importMessage, type ImportLang } from './messages.js';
import { detectFormat, parseTable, TableParseError, type Table } from './parse-table.js';
import { checkRows, type CheckedRow, type KnownCodes, type RecordOf } from './validate-rows.js';

/** Called after shipments were committed (not on a dry run): the extension point for pick-batch rebuilding. */
export type AfterShipmentsImported = (info: { warehouseId: string; shipmentIds: string[] }) => Promise<void> | void;

/** How to run one import. */
export interface ImportOptions {
  /** Inferred from the headers when absent. */
  type?: ImportType;
  encoding?: ImportEncoding;
  dryRun?: boolean;
  /** The whole file or nothing. */
  strict?: boolean;
  /** Only its extension is used (CSV / TSV / JSON); the content is sniffed otherwise. */
  filename?: string;
  /** The warehouse shipments go to; defaults to the only one. */
  warehouseId?: string;
  lang?: ImportLang;
  headerMapping?: HeaderMapping;
  afterShipmentsImported?: AfterShipmentsImported;
}

/** A problem with the request itself (unreadable file, unknown type, ambiguous warehouse): CLI exit 2, HTTP 400. */
export class ImportUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportUsageError';
  }
}

/** What a planner decided: counts, problems, and the writes to do if the import goes ahead. */
interface Plan {
  imported: Record<string, number>;
  rejected: number;
  /** How many records the file holds (shipments or rows), for --strict's "all rejected". */
  records: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  write: (tx: Tx) => Promise<void>;
  /** Shipments written, for the after-import hook. */
  shipmentIds?: string[];
  warehouseId?: string;
}

/** Imports one file; throws ImportUsageError when it cannot even start. */
export async function runImport(database: Database, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportReport> {
  const lang = options.lang ?? 'ja';
  const mapping = options.headerMapping ?? DEFAULT_HEADER_MAPPING;
  const { text } = decodeBytes(bytes, options.encoding ?? 'auto');
  let table: Table;
  try {
    table = parseTable(text, detectFormat(text, options.filename));
  } catch (error) {
    if (error instanceof TableParseError) throw new ImportUsageError(error.message);
    throw error;
  }
  const type = options.type ?? inferImportType(table.headers, mapping);
  if (!type) {
    throw new ImportUsageError(
      `Cannot tell what this file is from its headers (${table.headers.slice(0, 6).join(', ')}${table.headers.length > 6 ? ', …' : ''}); give the type (--type / ?type=)`,
    );
  }

  const columns = indexColumns(type, table.headers, mapping);
  const missing = missingColumns(type, columns);
  if (missing.length > 0) {
    return {
      ok: false,
      type,
      rows: table.records.length,
      imported: {},
      rejected: table.records.length,
      errors: missing.map((f) => ({ row: 1, column: columns.header.get(f) ?? f, message: importMessage(lang, 'missingColumn', { column: columns.header.get(f) ?? f }) })),
      warnings: [],
    };
  }

  const result = await database.write(async (tx) => {
    const known = await loadKnownCodes(tx);
    const plan = await planImport(tx, type, table, mapping, known, lang, options);
    const writeNothing = options.strict && plan.errors.length > 0;
    if (writeNothing) {
      return {
        plan: { ...plan, imported: Object.fromEntries(Object.keys(plan.imported).map((k) => [k, 0])), rejected: plan.records, warnings: [...plan.warnings, { row: 0, column: '', message: importMessage(lang, 'strictNothing') }] },
        wrote: false,
      };
    }
    if (!options.dryRun) await plan.write(tx);
    return { plan, wrote: !options.dryRun };
  });

  const { plan, wrote } = result;
  if (wrote && plan.shipmentIds && plan.shipmentIds.length > 0 && options.afterShipmentsImported) {
    await options.afterShipmentsImported({ warehouseId: plan.warehouseId!, shipmentIds: plan.shipmentIds });
  }
  return {
    ok: plan.errors.length === 0 && plan.rejected === 0,
    type,
    rows: table.records.length,
    imported: plan.imported,
    rejected: plan.rejected,
    errors: plan.errors,
    warnings: plan.warnings,
  };
}

async function loadKnownCodes(tx: Tx): Promise<KnownCodes> {
  const [products, barcodes, gifts, inserts, ranks] = [
    await tx.select({ code: t.products.code }).from(t.products),
    await tx.select().from(t.productBarcodes),
    await tx.select({ code: t.giftCodes.code }).from(t.giftCodes),
    await tx.select({ code: t.inserts.code }).from(t.inserts),
    await tx.select({ code: t.ranks.code }).from(t.ranks),
  ];
  const map = new Map<string, { barcodes: string[] }>(products.map((p) => [p.code, { barcodes: [] }]));
  for (const b of barcodes) map.get(b.productCode)?.barcodes.push(b.barcode);
  return { products: map, giftCodes: new Set(gifts.map((g) => g.code)), inserts: new Set(inserts.map((i) => i.code)), ranks: new Set(ranks.map((r) => r.code)) };
}

function planImport(tx: Tx, type: ImportType, table: Table, mapping: HeaderMapping, known: KnownCodes, lang: ImportLang, options: ImportOptions): Promise<Plan> {
  switch (type) {
    case 'shipments':
      return planShipments(tx, checkRows('shipments', table, mapping, known, lang), lang, options);
    case 'holds':
      return planHolds(tx, checkRows('holds', table, mapping, known, lang).rows, lang, options);
    default:
      return planMasters(tx, type, checkRows(type, table, mapping, known, lang).rows, lang);
  }
}

type Good<T extends ImportType> = Extract<CheckedRow<T>, { ok: true }>;

/** Splits checked rows into good ones and the errors of the bad ones. */
function split<T extends ImportType>(rows: CheckedRow<T>[]) {
  const good = rows.filter((r): r is Good<T> => r.ok);
  const errors = rows.flatMap((r) => (r.ok ? [] : r.errors));
  const warnings = good.flatMap((r) => r.warnings);
  return { good, errors, warnings, bad: rows.length - good.length };
}

/** "Did anything change": JSON with sorted keys, because jsonb hands objects back with its own key order. */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

// --- masters: each row stands alone; a repeated code keeps the later row (products merge their barcodes) ---

async function planMasters(tx: Tx, type: Exclude<ImportType, 'shipments' | 'holds'>, rows: CheckedRow<typeof type>[], lang: ImportLang): Promise<Plan> {
  const { good, errors, warnings, bad } = split(rows);
  const byCode = new Map<string, { row: number; value: RecordOf[typeof type] }>();
  for (const r of good) {
    const code = (r.value as { code: string }).code;
    const earlier = byCode.get(code);
    if (earlier && type !== 'products') warnings.push({ row: r.row, column: '', message: importMessage(lang, 'duplicateKey', { code, firstRow: earlier.row }) });
    if (earlier && type === 'products') {
      const merged = { ...(r.value as RecordOf['products']), barcodes: [...new Set([...(earlier.value as RecordOf['products']).barcodes, ...(r.value as RecordOf['products']).barcodes])] };
      byCode.set(code, { row: earlier.row, value: merged });
    } else byCode.set(code, { row: r.row, value: r.value });
  }

  const existing = await loadExistingMasters(tx, type);
  const writes: ((tx: Tx) => Promise<void>)[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const [code, { row, value }] of byCode) {
    let next: unknown = value;
    if (type === 'ranks') next = { ...(value as RecordOf['ranks']), sortOrder: row - 1 };
    if (type === 'products') {
      const p = value as RecordOf['products'];
      // Barcodes are only ever added by import: a renewed package's new JAN joins the old one.
      const have = (existing.get(code) as RecordOf['products'] | undefined)?.barcodes ?? [];
      next = { ...p, barcodes: [...new Set([...have, ...p.barcodes])].sort() };
      for (const barcode of p.barcodes) {
        const owner = existing.barcodeOwner?.get(barcode);
        if (owner && owner !== code) warnings.push({ row, column: '', message: importMessage(lang, 'barcodeMoved', { barcode, from: owner, to: code }) });
      }
    }
    const before = existing.get(code);
    if (before && same(before, next)) {
      unchanged++;
      continue;
    }
    if (before) updated++;
    else created++;
    const record = next;
    writes.push((w) => writeMaster(w, type, record));
  }
  return {
    imported: { created, updated, unchanged },
    rejected: bad,
    records: rows.length,
    errors,
    warnings,
    write: async (w) => {
      for (const write of writes) await write(w);
    },
  };
}

function writeMaster(tx: Tx, type: Exclude<ImportType, 'shipments' | 'holds'>, record: unknown): Promise<void> {
  switch (type) {
    case 'products':
      return upsertProduct(tx, record as RecordOf['products']);
    case 'ranks':
      return upsertRank(tx, record as RecordOf['ranks'] & { sortOrder: number });
    case 'gift-codes':
      return upsertGiftCode(tx, record as RecordOf['gift-codes']);
    case 'inserts':
      return upsertInsert(tx, record as RecordOf['inserts']);
  }
}

/** Existing master rows in the same shape the file produces, keyed by code. */
async function loadExistingMasters(tx: Tx, type: Exclude<ImportType, 'shipments' | 'holds'>): Promise<Map<string, unknown> & { barcodeOwner?: Map<string, string> }> {
  switch (type) {
    case 'products': {
      const [products, barcodes] = [await tx.select().from(t.products), await tx.select().from(t.productBarcodes)];
      const owner = new Map(barcodes.map((b) => [b.barcode, b.productCode]));
      const result: Map<string, unknown> & { barcodeOwner?: Map<string, string> } = new Map(
        products.map((p) => [p.code, { code: p.code, barcodes: barcodes.filter((b) => b.productCode === p.code).map((b) => b.barcode).sort(), name: p.name, location: p.location }]),
      );
      result.barcodeOwner = owner;
      return result;
    }
    case 'ranks':
      return new Map((await tx.select().from(t.ranks)).map((r) => [r.code, { code: r.code, label: r.label, color: r.color, sortOrder: r.sortOrder }]));
    case 'gift-codes':
      return new Map(
        (await tx.select().from(t.giftCodes)).map((g) => [
          g.code,
          { code: g.code, wrapping: g.wrapping, ribbon: g.ribbon, noshiInscription: g.noshiInscription, noshiPlacement: g.noshiPlacement, description: g.description },
        ]),
      );
    case 'inserts':
      return new Map((await tx.select().from(t.inserts)).map((i) => [i.code, { code: i.code, name: i.name, barcode: i.barcode }]));
  }
}

// --- shipments ---

/** A stored parcel of one of the file's customers (their history). */
type CustomerParcel = EarlierParcel & { customerId: string };

/** Statuses a changed shipment may no longer be rewritten in: the parcel has left the packer's hands. */
const FROZEN_STATUSES = new Set(['packed', 'shipped']);

async function planShipments(
  tx: Tx,
  checked: ReturnType<typeof checkRows<'shipments'>>,
  lang: ImportLang,
  options: ImportOptions,
): Promise<Plan> {
  const grouped = groupShipments(checked.rows, checked.columns, lang);
  const errors = [...grouped.errors];
  const warnings = [...grouped.warnings];
  let rejected = grouped.rejected;
  const idColumn = checked.columns.header.get('shipmentId') ?? '出荷ID';

  const { warehouseId, createWarehouse } = await resolveWarehouse(tx, options.warehouseId);
  if (createWarehouse) warnings.push({ row: 0, column: '', message: importMessage(lang, 'noWarehouse', { warehouseId }) });

  const ids = grouped.shipments.map((s) => s.shipmentId);
  const customers = [...new Set(grouped.shipments.map((s) => s.header.customerId))];
  // Lock order (db/change-seq.ts): every parcel row this import may touch is locked before anything is
  // stamped, in one order, so a device's push (parcel, then counter) can never deadlock with us.
  const existingRows = ids.length && !options.dryRun
    ? await tx.select().from(t.parcels).where(inArray(t.parcels.shipmentId, ids)).orderBy(asc(t.parcels.shipmentId)).for('update')
    : ids.length
      ? await tx.select().from(t.parcels).where(inArray(t.parcels.shipmentId, ids))
      : [];
  const existing = new Map(existingRows.map((r) => [r.shipmentId, r]));
  const history: CustomerParcel[] = customers.length
    ? await tx
        .select({ shipmentId: t.parcels.shipmentId, orderDate: t.parcels.orderDate, orderNumber: t.parcels.orderNumber, returnCount: t.parcels.returnCount, customerId: t.parcels.customerId })
        .from(t.parcels)
        .where(inArray(t.parcels.customerId, customers))
    : [];
  const ruleVersion = await currentRuleVersion(tx);

  const toWrite: ShipmentInput[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  let lines = 0;
  for (const s of grouped.shipments) {
    const before = existing.get(s.shipmentId);
    if (before && before.warehouseId !== warehouseId) {
      errors.push({ row: s.firstRow, column: idColumn, message: importMessage(lang, 'otherWarehouse', { shipmentId: s.shipmentId, warehouseId: before.warehouseId }) });
      rejected++;
      continue;
    }
    const input = toShipmentInput(s, before, history, grouped.shipments, ruleVersion);
    if (before && same(comparable(before), comparable(input))) {
      unchanged++;
      lines += s.lines.length;
      continue;
    }
    if (before && FROZEN_STATUSES.has(before.status)) {
      errors.push({ row: s.firstRow, column: idColumn, message: importMessage(lang, 'shipmentPacked', { shipmentId: s.shipmentId, status: before.status }) });
      rejected++;
      continue;
    }
    if (before && (before.status === 'picking' || before.status === 'picked')) {
      warnings.push({ row: s.firstRow, column: idColumn, message: importMessage(lang, 'shipmentInPicking', { shipmentId: s.shipmentId, status: before.status }) });
    }
    if (before) updated++;
    else created++;
    lines += s.lines.length;
    toWrite.push(input);
  }
  errors.sort((a, b) => a.row - b.row);

  return {
    imported: { shipments: created + updated + unchanged, created, updated, unchanged, lines },
    rejected,
    records: grouped.shipments.length + grouped.rejected,
    errors,
    warnings,
    shipmentIds: toWrite.map((s) => s.shipmentId),
    warehouseId,
    write: async (w) => {
      if (createWarehouse && toWrite.length > 0) await w.insert(t.warehouses).values({ id: warehouseId, name: warehouseId }).onConflictDoNothing();
      for (const s of toWrite) await upsertParcel(w, warehouseId, s);
    },
  };
}

/** The shipment as it will be stored: status and hold kept from the stored parcel, flags' history computed. */
function toShipmentInput(
  s: ShipmentGroup,
  before: typeof t.parcels.$inferSelect | undefined,
  history: CustomerParcel[],
  inFile: ShipmentGroup[],
  ruleVersion: number,
): ShipmentInput {
  const h = s.header;
  const self: EarlierParcel = { shipmentId: s.shipmentId, orderDate: h.orderDate, orderNumber: h.orderNumber, returnCount: h.returnCount };
  const others = [
    ...history.filter((p) => p.customerId === h.customerId && !inFile.some((f) => f.shipmentId === p.shipmentId)),
    ...inFile.filter((f) => f.header.customerId === h.customerId).map((f) => ({ shipmentId: f.shipmentId, orderDate: f.header.orderDate, orderNumber: f.header.orderNumber, returnCount: f.header.returnCount })),
  ];
  return {
    shipmentId: s.shipmentId,
    orderNumber: h.orderNumber,
    orderDate: h.orderDate,
    customerId: h.customerId,
    customerName: h.customerName,
    customerEmail: h.customerEmail,
    rankCode: h.rankCode,
    purchaseCount: h.purchaseCount,
    returnCount: h.returnCount,
    parcelsSinceFirstReturn: countParcelsSinceFirstReturn(self, others),
    giftCode: h.giftCode,
    noshiName: h.noshiName,
    message: h.message,
    insertCodes: h.insertCodes,
    carrier: h.carrier,
    // A re-import never undoes the floor's or the back office's status (held stays held).
    status: before?.status ?? 'released',
    holdReason: before?.holdReason ?? null,
    lines: s.lines,
    // Kept when nothing else changes, so re-importing after a rule edit changes nothing.
    flagRuleVersion: ruleVersion,
  };
}

/** The fields an import owns, for "unchanged" (status, packing and the rule version are not the file's). */
function comparable(p: Omit<ShipmentInput, 'status' | 'holdReason'> | typeof t.parcels.$inferSelect) {
  return {
    orderNumber: p.orderNumber,
    orderDate: p.orderDate,
    customerId: p.customerId,
    customerName: p.customerName,
    customerEmail: p.customerEmail,
    rankCode: p.rankCode,
    purchaseCount: p.purchaseCount,
    returnCount: p.returnCount,
    parcelsSinceFirstReturn: p.parcelsSinceFirstReturn,
    giftCode: p.giftCode,
    noshiName: p.noshiName,
    message: p.message,
    insertCodes: p.insertCodes,
    carrier: p.carrier,
    lines: p.lines,
  };
}

/** The warehouse to import into: the one named, else the only one; a database with none gets WH1. */
async function resolveWarehouse(tx: Tx, wanted: string | undefined): Promise<{ warehouseId: string; createWarehouse: boolean }> {
  const all = await tx.select().from(t.warehouses).orderBy(asc(t.warehouses.id));
  if (wanted) {
    if (!all.some((w) => w.id === wanted)) throw new ImportUsageError(`Unknown warehouse ${wanted} (known: ${all.map((w) => w.id).join(', ') || 'none'})`);
    return { warehouseId: wanted, createWarehouse: false };
  }
  if (all.length === 1) return { warehouseId: all[0].id, createWarehouse: false };
  if (all.length === 0) return { warehouseId: 'WH1', createWarehouse: true };
  throw new ImportUsageError(`There are ${all.length} warehouses (${all.map((w) => w.id).join(', ')}); choose one (--warehouse / ?warehouseId=)`);
}

// --- holds and cancellations ---

async function planHolds(tx: Tx, rows: CheckedRow<'holds'>[], lang: ImportLang, options: ImportOptions): Promise<Plan> {
  const { good, errors, warnings, bad } = split(rows);
  const ids = [...new Set(good.map((r) => r.value.shipmentId))];
  // Same lock order as every parcel writer: parcel rows first (sorted), then the change counter.
  const parcels = ids.length
    ? options.dryRun
      ? await tx.select().from(t.parcels).where(inArray(t.parcels.shipmentId, ids))
      : await tx.select().from(t.parcels).where(inArray(t.parcels.shipmentId, ids)).orderBy(asc(t.parcels.shipmentId)).for('update')
    : [];
  const state = new Map(parcels.map((p) => [p.shipmentId, { status: p.status, holdReason: p.holdReason, packed: p.packedAt !== null }]));
  const idColumn = '出荷ID';
  let held = 0;
  let released = 0;
  let unchanged = 0;
  let rejected = bad;
  const writes: { shipmentId: string; status: 'held' | 'released' | 'packed'; reason: string | null }[] = [];
  for (const { row, value } of good) {
    const p = state.get(value.shipmentId);
    if (!p) {
      errors.push({ row, column: idColumn, message: importMessage(lang, 'unknownHoldShipment', { shipmentId: value.shipmentId }) });
      rejected++;
      continue;
    }
    if (value.action === 'hold') {
      if (p.status === 'shipped') {
        errors.push({ row, column: idColumn, message: importMessage(lang, 'holdShipped', { shipmentId: value.shipmentId }) });
        rejected++;
        continue;
      }
      if (p.status === 'held' && p.holdReason === value.reason) {
        unchanged++;
        continue;
      }
      if (p.status === 'packed') warnings.push({ row, column: idColumn, message: importMessage(lang, 'holdPacked', { shipmentId: value.shipmentId }) });
      state.set(value.shipmentId, { ...p, status: 'held', holdReason: value.reason });
      writes.push({ shipmentId: value.shipmentId, status: 'held', reason: value.reason });
      held++;
    } else {
      if (p.status !== 'held') {
        warnings.push({ row, column: idColumn, message: importMessage(lang, 'releaseNotHeld', { shipmentId: value.shipmentId }) });
        unchanged++;
        continue;
      }
      // Back to where the floor left it: packed if it was packed before the hold, else released.
      const status = p.packed ? 'packed' : 'released';
      state.set(value.shipmentId, { ...p, status, holdReason: null });
      writes.push({ shipmentId: value.shipmentId, status, reason: null });
      released++;
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return {
    imported: { held, released, unchanged },
    rejected,
    records: rows.length,
    errors,
    warnings,
    // Each write stamps the parcel with the change sequence, so devices get the hold on their next pull.
    write: async (w) => {
      for (const x of writes) await setParcelStatus(w, x.shipmentId, x.status, x.reason);
    },
  };
}
