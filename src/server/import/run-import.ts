/**
 * One import, start to finish: decode → parse → infer type → check rows → plan → write (one SQL
 * transaction, nothing on a dry run or a failed --strict) → report. The CLI, POST /api/admin/import
 * and the console all come through here.
 */
import type { ImportEncoding, ImportReport, ImportType } from '../../shared/protocol/import.js';
import type { Database, Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import { decodeBytes } from './decode.js';
import { DEFAULT_HEADER_MAPPING, indexColumns, inferImportType, missingColumns, type HeaderMapping } from './header-map.js';
import { importMessage, type ImportLang } from './messages.js';
import { detectFormat, parseTable, TableParseError, type Table } from './parse-table.js';
import { planHolds } from './plan-holds.js';
import { planMasters } from './plan-masters.js';
import { planShipments } from './plan-shipments.js';
import { planTracking } from './plan-tracking.js';
import type { Plan } from './plan.js';
import { ImportUsageError } from './usage-error.js';
import { checkRows, type KnownCodes } from './validate-rows.js';

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
    case 'tracking':
      return planTracking(tx, checkRows('tracking', table, mapping, known, lang), lang, options);
    case 'holds':
      return planHolds(tx, checkRows('holds', table, mapping, known, lang).rows, lang, options);
    default:
      return planMasters(tx, type, checkRows(type, table, mapping, known, lang).rows, lang);
  }
}
