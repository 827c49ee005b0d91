/** Fixture files of the import tests (test/fixtures/import), and a shortcut to import them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../../src/server/db/client.js';
import { runImport, type ImportOptions } from '../../../src/server/import/run-import.js';

/** Absolute path of a fixture. */
export const fixturePath = (name: string) => fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url));

/** The bytes of a fixture, exactly as on disk. */
export const fixture = (name: string) => readFileSync(fixturePath(name));

/** Imports a fixture file (its name tells the format). */
export function importFixture(database: Database, name: string, options: ImportOptions = {}) {
  return runImport(database, fixture(name), { filename: name, ...options });
}

/** Imports the fixture masters: ranks (JSON), gift codes (TSV), inserts, products (columns reordered). */
export async function importFixtureMasters(database: Database): Promise<void> {
  for (const name of ['ranks.json', 'gift_codes.tsv', 'inserts.csv', 'products.csv']) {
    const report = await importFixture(database, name);
    if (!report.ok) throw new Error(`${name}: ${JSON.stringify(report.errors)}`);
  }
}

/** Every (row, column) of the shipment fixture's damage, in report order. */
export const SHIPMENT_FIXTURE_ERRORS: [number, string][] = [
  [5, '出荷ID'], // S0800003 rejected whole …
  [6, '商品コード'], // … because of its unknown product
  [7, '数量'], // zero quantity
  [7, '出荷ID'],
  [8, '数量'], // negative quantity
  [8, '出荷ID'],
  [9, '出荷ID'], // no shipment id
  [10, '顧客ランク'], // cut short after the customer's name
  [10, '出荷ID'],
  [11, '出荷ID'], // S0800007 rejected whole …
  [12, '顧客名'], // … its lines disagree about the customer
  [13, '出荷ID'], // S0800008 rejected whole …
  [14, 'ギフトコード'], // … its lines disagree about the gift
  [15, 'ギフトコード'], // unknown gift code
  [15, '出荷ID'],
  [16, '同梱物コード'], // unknown insert code
  [16, '出荷ID'],
];

/** The shipments of the fixture that are good. */
export const GOOD_FIXTURE_SHIPMENTS = ['S0800001', 'S0800002', 'S0800011'];
