/** Reads the catalogue a device of one warehouse needs, and whether any of it changed since a cursor. */
import { asc, eq, sql } from 'drizzle-orm';
import type { Catalogue, HumanTouchRule } from '../../shared/domain/catalogue.js';
import { rowsOf } from '../db/change-seq.js';
import type { Tx } from '../db/client.js';
import * as t from '../db/schema.js';

/** The whole catalogue for `warehouseId`, in a stable order. */
export async function loadCatalogue(tx: Tx, warehouseId: string): Promise<Catalogue> {
  const [products, barcodes, ranks, giftCodes, inserts, rules, staff, reasons] = [
    await tx.select().from(t.products).orderBy(asc(t.products.code)),
    await tx.select().from(t.productBarcodes).orderBy(asc(t.productBarcodes.seq)),
    await tx.select().from(t.ranks).orderBy(asc(t.ranks.sortOrder), asc(t.ranks.code)),
    await tx.select().from(t.giftCodes).orderBy(asc(t.giftCodes.code)),
    await tx.select().from(t.inserts).orderBy(asc(t.inserts.code)),
    await tx.select().from(t.humanTouchRules).orderBy(asc(t.humanTouchRules.flag)),
    await tx.select().from(t.staff).where(eq(t.staff.warehouseId, warehouseId)).orderBy(asc(t.staff.code)),
    await tx.select().from(t.returnReasons).orderBy(asc(t.returnReasons.sortOrder), asc(t.returnReasons.code)),
  ];
  const barcodesOf = new Map<string, string[]>();
  for (const b of barcodes) barcodesOf.set(b.productCode, [...(barcodesOf.get(b.productCode) ?? []), b.barcode]);
  return {
    products: products.map((p) => ({ code: p.code, name: p.name, location: p.location, barcodes: barcodesOf.get(p.code) ?? [] })),
    ranks: ranks.map((r) => ({ code: r.code, label: r.label, color: r.color, sortOrder: r.sortOrder })),
    giftCodes: giftCodes.map((g) => ({
      code: g.code,
      wrapping: g.wrapping,
      ribbon: g.ribbon,
      noshiInscription: g.noshiInscription,
      noshiPlacement: g.noshiPlacement,
      description: g.description,
    })),
    inserts: inserts.map((i) => ({ code: i.code, name: i.name, barcode: i.barcode })),
    humanTouchRules: rules.map(ruleOf),
    staff: staff.map((s) => ({ id: s.id, code: s.code, name: s.name, ...(s.pinHash ? { pinHash: s.pinHash } : {}) })),
    returnReasons: reasons.map((r) => ({ code: r.code, label: r.label, labelEn: r.labelEn, sortOrder: r.sortOrder })),
  };
}

/** A stored rule as the catalogue carries it, with its returns-bench words. */
export function ruleOf(r: typeof t.humanTouchRules.$inferSelect): HumanTouchRule {
  return {
    flag: r.flag,
    instruction: r.instruction,
    instructionEn: r.instructionEn,
    returnInstruction: r.returnInstruction,
    returnInstructionEn: r.returnInstructionEn,
    insertCodes: r.insertCodes,
  };
}

/** True when a catalogue row visible to `warehouseId` was stamped in (after, upTo]. */
export async function catalogueChangedBetween(tx: Tx, warehouseId: string, after: number, upTo: number): Promise<boolean> {
  const rows = await tx.execute<{ changed: boolean }>(sql`select (
       exists (select 1 from products where seq > ${after} and seq <= ${upTo})
    or exists (select 1 from product_barcodes where seq > ${after} and seq <= ${upTo})
    or exists (select 1 from ranks where seq > ${after} and seq <= ${upTo})
    or exists (select 1 from gift_codes where seq > ${after} and seq <= ${upTo})
    or exists (select 1 from inserts where seq > ${after} and seq <= ${upTo})
    or exists (select 1 from human_touch_rules where seq > ${after} and seq <= ${upTo})
    or exists (select 1 from return_reasons where seq > ${after} and seq <= ${upTo})
    or exists (select 1 from staff where warehouse_id = ${warehouseId} and seq > ${after} and seq <= ${upTo})
  ) as changed`);
  return Boolean(rowsOf<{ changed: boolean }>(rows)[0]?.changed);
}
