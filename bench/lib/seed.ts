/**
 * Bench-only data: generated parcels written in bulk (one multi-row INSERT per chunk, one change-stamp
 * range per call) so 20,000 parcels seed in seconds, plus a 20-line parcel of 20 bench products for
 * the scan benchmark. Rows look like the server's own (flags computed by the shared rule).
 */
import type { Product } from '../../src/shared/domain/catalogue.js';
import { computeHumanTouchFlags } from '../../src/shared/domain/human-touch.js';
import type { ParcelLine } from '../../src/shared/domain/parcel.js';
import { withCheckDigit } from '../../src/shared/scan/gtin.js';
import { rowsOf } from '../../src/server/db/change-seq.js';
import type { Database } from '../../src/server/db/client.js';
import * as t from '../../src/server/db/schema.js';
import { upsertParcel, upsertProduct } from '../../src/server/db/write-master-data.js';
import { DEMO_GIFT_CODES, DEMO_PRODUCTS, DEMO_WAREHOUSE } from '../../src/server/demo/demo-data.js';
import { seedDemo } from '../../src/server/demo/seed-demo.js';
import { sql } from 'drizzle-orm';
import { makeShipmentInput } from '../../test/helpers/fixtures/parcels.js';
import { seededRandom } from '../../test/helpers/random.js';

/** The scan benchmark's parcel: 20 lines, one bench product each. */
export const BENCH_SCAN_PARCEL = 'S9000001';
/** Lines of the scan parcel. */
export const BENCH_SCAN_LINES = 20;

/** The 20 bench products (EAN-13 with valid check digits, outside the demo range). */
export const BENCH_PRODUCTS: Product[] = Array.from({ length: BENCH_SCAN_LINES }, (_, i) => ({
  code: `BENCH-${String(i + 1).padStart(2, '0')}`,
  name: `ベンチ商品 ${i + 1}`,
  barcodes: [withCheckDigit(`4999999000${String(i + 1).padStart(2, '0')}`)],
  location: `Z-01-${String(i + 1).padStart(2, '0')}-1`,
}));

const FAMILY = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'];
const GIVEN = ['陽子', '健太', 'さくら', '直樹', '彩', '拓也', '真由美', '由紀', '翔', '愛'];
const RANKS = ['D', 'G', 'S', 'B', 'N', 'N', 'N', 'S'];

/** Generated parcel number i (1-based): 1–5 lines of demo products (3 on average), some gifts, flags and inserts. */
export function generatedParcel(i: number, random: () => number) {
  const lineCount = 1 + Math.floor(random() * 5);
  const lines: ParcelLine[] = [];
  const used = new Set<number>();
  while (lines.length < lineCount) {
    const p = Math.floor(random() * DEMO_PRODUCTS.length);
    if (used.has(p)) continue;
    used.add(p);
    lines.push({ productCode: DEMO_PRODUCTS[p].code, qty: 1 + Math.floor(random() * 2) });
  }
  const purchaseCount = 1 + Math.floor(random() * 6);
  const returnCount = random() < 0.1 ? 1 : 0;
  const gift = random() < 0.2 ? DEMO_GIFT_CODES[Math.floor(random() * DEMO_GIFT_CODES.length)] : null;
  const family = FAMILY[i % FAMILY.length];
  const history = { purchaseCount, returnCount, parcelsSinceFirstReturn: returnCount ? Math.floor(random() * 2) : 0 };
  return {
    shipmentId: `S${String(1_000_000 + i)}`,
    warehouseId: DEMO_WAREHOUSE.id,
    orderNumber: `9${String(i).padStart(11, '0')}`,
    orderDate: '2026-11-23',
    customerId: `GC${String(i).padStart(7, '0')}`,
    customerName: `${family} ${GIVEN[Math.floor(random() * GIVEN.length)]}`,
    customerEmail: `gc${i}@example.jp`,
    rankCode: RANKS[Math.floor(random() * RANKS.length)],
    ...history,
    flags: computeHumanTouchFlags(history),
    giftCode: gift?.code ?? null,
    noshiName: gift?.noshiInscription ? family : null,
    message: gift && random() < 0.5 ? 'いつもありがとう。これからもよろしくね。' : null,
    insertCodes: random() < 0.3 ? ['L01'] : [],
    carrier: random() < 0.3 ? 'ゆうパケット' : '宅配便',
    status: 'released' as const,
    holdReason: null,
    lines,
  };
}

/** A generated parcel as written. */
export type GeneratedParcel = ReturnType<typeof generatedParcel>;

/** Adds `count` generated parcels (S1000001 …, slip-shaped) to the demo warehouse, stamped like any master-data write; returns them. */
export async function seedGeneratedParcels(database: Database, count: number, seed = 8): Promise<GeneratedParcel[]> {
  const all: GeneratedParcel[] = [];
  const random = seededRandom(seed);
  const CHUNK = 500;
  for (let start = 1; start <= count; start += CHUNK) {
    const n = Math.min(CHUNK, count - start + 1);
    await database.write(async (tx) => {
      // One stamp range for the chunk: same lock discipline as nextChangeSeq, n stamps at once.
      const rows = await tx.execute<{ last_seq: string | number }>(sql`
        insert into change_counter (id, last_seq) values (1, ${n})
        on conflict (id) do update set last_seq = change_counter.last_seq + ${n}
        returning last_seq`);
      const last = Number(rowsOf<{ last_seq: string | number }>(rows)[0].last_seq);
      const parcels = Array.from({ length: n }, (_, k) => generatedParcel(start + k, random));
      all.push(...parcels);
      await tx.insert(t.parcels).values(parcels.map((p, k) => ({ ...p, seq: last - n + 1 + k })));
    });
  }
  return all;
}

/** The demo data, the 20 bench products and the 20-line scan parcel with `qtyPerLine` units per line. */
export async function seedBenchBase(database: Database, qtyPerLine: number): Promise<void> {
  await seedDemo(database);
  await database.write(async (tx) => {
    for (const product of BENCH_PRODUCTS) await upsertProduct(tx, product);
    await upsertParcel(
      tx,
      DEMO_WAREHOUSE.id,
      makeShipmentInput({
        shipmentId: BENCH_SCAN_PARCEL,
        orderNumber: '900000000000',
        customerId: 'BC0000001',
        customerName: 'ベンチ 太郎',
        rankCode: 'G',
        lines: BENCH_PRODUCTS.map((p) => ({ productCode: p.code, qty: qtyPerLine })),
      }),
    );
  });
}
