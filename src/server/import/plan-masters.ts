/**
 * Plans an import of master data (products, ranks, gift codes, inserts): each row stands alone, and a
 * repeated code keeps the later row (a product's rows merge their barcodes).
 */
import type { ImportType } from '../../shared/protocol/import.js';
import type { Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import { upsertGiftCode, upsertInsert, upsertProduct, upsertRank } from '../db/write-master-data.js';
import { importMessage, type ImportLang } from './messages.js';
import { sameRecord, splitChecked, type Plan } from './plan.js';
import type { CheckedRow, RecordOf } from './validate-rows.js';

/** The master types: every import type but shipments and holds. */
type MasterType = Exclude<ImportType, 'shipments' | 'holds' | 'tracking'>;

/** Plans the rows of one master type against what is stored: created, updated, unchanged. */
export async function planMasters(tx: Tx, type: MasterType, rows: CheckedRow<typeof type>[], lang: ImportLang): Promise<Plan> {
  const { good, errors, warnings, bad } = splitChecked(rows);
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
    if (before && sameRecord(before, next)) {
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

function writeMaster(tx: Tx, type: MasterType, record: unknown): Promise<void> {
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
async function loadExistingMasters(tx: Tx, type: MasterType): Promise<Map<string, unknown> & { barcodeOwner?: Map<string, string> }> {
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
