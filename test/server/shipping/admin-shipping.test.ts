/**
 * The shipping admin API and the shipment import's shipping columns: recipient data stays on the
 * server, the mapping is data the console changes (open parcels re-mapped), the export and 出荷実績
 * come back as files, and a parcel's labels and the day's handovers read back as the floor left them.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '../../../src/server/db/schema.js';
import type { DemoApp } from '../../../src/server/demo/demo-app.js';
import { DEMO_SCENARIOS as S } from '../../../src/server/demo/demo-data.js';
import { runImport } from '../../../src/server/import/run-import.js';
import { useDemoApp } from '../../helpers/in-process-server.js';
import { TEST_DATABASE_TARGETS } from '../../helpers/test-databases.js';

const SHIPMENTS_WITH_ADDRESS = [
  '出荷ID,注文番号,受注日,顧客ID,顧客名,顧客ランク,購入回数,配送方法,商品コード,数量,お届け先名,郵便番号,住所,電話番号,配達希望日,配達時間帯,個口数',
  'S0000901,O901,2026-12-01,C901,吉野 花,N,1,ネコポス,SKU-1001,1,吉野 花,１５００００１,東京都渋谷区神宮前1-2-3 メゾン神宮前201,03-0000-1234,2026-12-05,午前中,1',
  'S0000902,O902,2026-12-01,C902,𠮷田 太郎,N,1,宅配便,SKU-1002,1,𠮷田 太郎,530-0001,大阪府大阪市北区梅田1-1,06-0000-1234,,,2',
  'S0000903,O903,2026-12-01,C903,山田 一,N,1,宅配便,SKU-1002,1,,,,,,,1',
  'S0000904,O904,2026-12-01,C904,佐藤 二,N,1,宅配便,SKU-1002,1,佐藤 二,12345,大阪府,06-0000-1234,,,0',
].join('\r\n');

describe.each(TEST_DATABASE_TARGETS)('shipping admin on $name', (target) => {
  let demo!: DemoApp;
  useDemoApp(target, (d) => (demo = d));
  const admin = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => demo.app.inject({ method, url, payload: payload as object, headers: { authorization: `Bearer ${demo.adminToken}` } });

  it('imports the demo’s carrier result file (samples/, in CP932) without a single error', async () => {
    const report = await runImport(demo.database, readFileSync('samples/yamato-b2-result.demo.csv'), { filename: 'yamato-b2-result.demo.csv' });
    expect(report).toMatchObject({ ok: true, type: 'tracking', errors: [] });
    expect(report.imported.created).toBeGreaterThan(10);
  });

  it('imports recipient, delivery wishes and 個口数 as optional columns, with row-numbered errors for a bad postal code or box count', async () => {
    const report = await runImport(demo.database, Buffer.from(SHIPMENTS_WITH_ADDRESS), { filename: 'shipments.csv' });
    expect(report.errors.filter((e) => e.column !== '出荷ID').map((e) => [e.row, e.column])).toEqual([
      [5, '郵便番号'],
      [5, '個口数'],
    ]);
    const [row] = await demo.database.read((tx) => tx.select().from(t.parcels).where(eq(t.parcels.shipmentId, 'S0000901')));
    expect(row).toMatchObject({ carrierId: 'yamato', carrierService: 'ネコポス', deliveryDate: '2026-12-05', deliveryTimeBand: '午前中', recipient: { postalCode: '150-0001', phone: '03-0000-1234' } });
  });

  it('exports through the API: unencodable characters and missing recipient fields named per parcel, never replaced', async () => {
    const res = await admin('POST', '/api/admin/shipping/exports/carrier', { carrier: 'yamato', date: '2026-12-03' });
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json();
    const file = iconv.decode(Buffer.from(answer.fileBase64, 'base64'), 'cp932');
    expect(file).toContain('"S0000901","7","0"'); // ネコポス: 送り状種類 7
    expect(file).toContain('"0812"');
    expect(file).toContain('"メゾン神宮前201"');
    expect(file).not.toContain('S0000902');
    expect(file).not.toContain('?');
    const of = (id: string) => answer.errors.filter((e: { shipmentId: string }) => e.shipmentId === id);
    expect(of('S0000902')[0].message).toContain('U+20BB7');
    expect(of('S0000903').map((e: { column: string }) => e.column)).toEqual(['お届け先電話番号', 'お届け先郵便番号', 'お届け先住所', 'お届け先名']);
    // Sagawa and Japan Post have built-in layouts too; a carrier without one is refused.
    expect((await admin('POST', '/api/admin/shipping/exports/carrier', { carrier: 'sagawa' })).statusCode).toBe(200);
    expect((await admin('POST', '/api/admin/shipping/exports/carrier', { carrier: 'other' })).statusCode).toBe(400);
  });

  it('a generic 配送方法 follows the default carrier, and a changed mapping re-maps the open parcels', async () => {
    let res = await admin('PUT', '/api/admin/shipping/settings', { defaultCarrier: { warehouseId: 'WH1', carrierId: 'sagawa' }, labelScan: { sagawa: 'required' } });
    expect(res.statusCode, res.body).toBe(200);
    const carrierOf = async (id: string) => (await demo.database.read((tx) => tx.select().from(t.parcels).where(eq(t.parcels.shipmentId, id))))[0];
    expect(await carrierOf(S.secondPurchase)).toMatchObject({ carrierId: 'sagawa', carrierService: '飛脚宅配便' });
    res = await admin('PUT', '/api/admin/shipping/settings', { mappings: [{ method: 'ゆうパケット', carrierId: 'yamato', service: 'ネコポス' }] });
    expect(res.json().mappings.find((m: { method: string }) => m.method === 'ゆうパケット')).toMatchObject({ carrierId: 'yamato', builtIn: false });
    expect(res.json().labelScan.sagawa).toBe('required');
    expect(await carrierOf(S.singleItem)).toMatchObject({ carrierId: 'yamato', carrierService: 'ネコポス' });
  });

  it('shows a parcel’s shipping and the day’s handovers; 404 for an unknown parcel', async () => {
    // The first test imported the demo's result file; this parcel is not in it.
    const res = await admin('GET', `/api/admin/parcels/${S.singleItem}/shipping`);
    expect(res.json()).toMatchObject({ shipmentId: S.singleItem, boxCount: 1, boxes: [] });
    expect((await admin('GET', '/api/admin/parcels/NOPE/shipping')).statusCode).toBe(404);
    expect((await admin('GET', '/api/admin/shipping/handovers?date=2026-12-03')).json()).toEqual({ date: '2026-12-03', handovers: [] });
    const csv = await admin('GET', '/api/admin/shipping/exports/shipped?date=2026-12-03&encoding=cp932');
    expect(iconv.decode(csv.rawPayload, 'cp932')).toBe('"注文番号","出荷ID","出荷日","配送会社","送り状番号"\r\n');
  });

  it('finds a parcel by its tracking number as printed (hyphens, full-width) and shows it on the parcel page', async () => {
    await runImport(demo.database, readFileSync('samples/yamato-b2-result.demo.csv'), { filename: 'yamato-b2-result.demo.csv' });
    for (const typed of ['4000-0000-0271', '４０００' + '００００' + '０２７１', '400000000271']) {
      const found = await admin('GET', `/api/admin/parcels?q=${encodeURIComponent(typed)}`);
      expect(found.json().parcels.map((p: { shipmentId: string }) => p.shipmentId), typed).toEqual(['S0000002']);
    }
    // A short run of digits is not read as a label: it would match half the day's labels.
    expect((await admin('GET', '/api/admin/parcels?q=0271')).json().parcels).toEqual([]);
    const page = (await admin('GET', '/api/admin/parcels/S0000002')).json();
    expect(page.shipping).toMatchObject({ shipmentId: 'S0000002', boxCount: 1, notification: null, boxes: [{ box: 1, expectedNumber: '400000000271', boundNumber: null, boundOnDevice: null, loadedAt: null }] });
  });
});
