/**
 * The 出荷実績 file for shops that import files instead of taking the webhook: one line per box that
 * left on a day (注文番号, 出荷ID, 出荷日, 配送会社, 送り状番号), UTF-8 (with BOM, for Excel) or CP932.
 */
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { CARRIER_NAMES } from '../../shared/domain/carrier-tracking.js';
import type { Database } from '../db/client.js';
import * as t from '../db/schema.js';
import { csvLine, encodeCsv } from './csv-text.js';

/** The shipping results of `date` (YYYY-MM-DD, Japan time) as a CSV file. */
export async function shippedResultsCsv(database: Database, date: string, encoding: 'utf-8' | 'cp932'): Promise<{ file: Buffer; rows: number }> {
  const from = new Date(`${date}T00:00:00+09:00`);
  const to = new Date(from.getTime() + 86_400_000);
  const rows = await database.read((tx) =>
    tx
      .select({ orderNumber: t.parcels.orderNumber, shipmentId: t.parcels.shipmentId, shippedAt: t.parcels.shippedAt, carrierId: t.parcels.carrierId, box: t.parcelBoxes.box, bound: t.parcelBoxes.boundNumber, expected: t.parcelBoxes.expectedNumber })
      .from(t.parcels)
      .innerJoin(t.parcelBoxes, eq(t.parcelBoxes.shipmentId, t.parcels.shipmentId))
      .where(and(eq(t.parcels.status, 'shipped'), gte(t.parcels.shippedAt, from), lt(t.parcels.shippedAt, to)))
      .orderBy(asc(t.parcels.shippedAt), asc(t.parcels.shipmentId), asc(t.parcelBoxes.box)),
  );
  const lines = [csvLine(['注文番号', '出荷ID', '出荷日', '配送会社', '送り状番号'])];
  for (const r of rows) {
    const number = r.bound ?? r.expected;
    if (!number) continue;
    lines.push(csvLine([r.orderNumber, r.shipmentId, date, r.carrierId ? CARRIER_NAMES[r.carrierId].ja : '', number]));
  }
  const body = encodeCsv(lines, encoding, 'crlf');
  // Characters here are order numbers, ids and carrier names: all CP932.
  return { file: encoding === 'utf-8' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body, rows: lines.length - 1 };
}
