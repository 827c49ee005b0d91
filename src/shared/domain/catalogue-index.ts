/**
 * Lookups over a catalogue. Kept apart from the zod schemas in catalogue.ts so the scan path (and the
 * initial bundle) does not pull zod in: this module imports types only.
 */
import { barcodeKey } from '../scan/gtin.js';
import type { Catalogue, GiftCode, HumanTouchFlag, HumanTouchRule, Insert, Product, Rank, Staff } from './catalogue.js';

/** Fast lookups over a catalogue; built once per catalogue, never on the scan path. */
export interface CatalogueIndex {
  readonly catalogue: Catalogue;
  productByBarcode: ReadonlyMap<string, Product>;
  productByCode: ReadonlyMap<string, Product>;
  rankByCode: ReadonlyMap<string, Rank>;
  giftByCode: ReadonlyMap<string, GiftCode>;
  insertByCode: ReadonlyMap<string, Insert>;
  insertByBarcode: ReadonlyMap<string, Insert>;
  ruleByFlag: ReadonlyMap<HumanTouchFlag, HumanTouchRule>;
  staffByCode: ReadonlyMap<string, Staff>;
}

/** Builds the lookup maps a flow uses to answer a scan without scanning arrays. */
export function indexCatalogue(catalogue: Catalogue): CatalogueIndex {
  const productByBarcode = new Map<string, Product>();
  // Keyed by the normalised GTIN so a UPC-A in the catalogue matches its EAN-13 scan and vice versa.
  for (const p of catalogue.products) for (const b of p.barcodes) productByBarcode.set(barcodeKey(b), p);
  const insertByBarcode = new Map<string, Insert>();
  for (const i of catalogue.inserts) if (i.barcode) insertByBarcode.set(barcodeKey(i.barcode), i);
  return {
    catalogue,
    productByBarcode,
    productByCode: new Map(catalogue.products.map((p) => [p.code, p])),
    rankByCode: new Map(catalogue.ranks.map((r) => [r.code, r])),
    giftByCode: new Map(catalogue.giftCodes.map((g) => [g.code, g])),
    insertByCode: new Map(catalogue.inserts.map((i) => [i.code, i])),
    insertByBarcode,
    ruleByFlag: new Map(catalogue.humanTouchRules.map((r) => [r.flag, r])),
    staffByCode: new Map(catalogue.staff.map((s) => [s.code, s])),
  };
}

/** An empty catalogue, for a device that has not synced yet. */
export const EMPTY_CATALOGUE: Catalogue = {
  products: [],
  ranks: [],
  giftCodes: [],
  inserts: [],
  humanTouchRules: [],
  staff: [],
};
