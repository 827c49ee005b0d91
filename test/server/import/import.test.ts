/** Importing back-office files into the real database (PGlite, and PostgreSQL when configured). */
import { eq, inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { pullResponseSchema, type PullResponse } from '../../../src/shared/protocol/sync.js';
import { currentChangeSeq } from '../../../src/server/db/change-seq.js';
import * as t from '../../../src/server/db/schema.js';
import { setParcelStatus } from '../../../src/server/db/write-master-data.js';
import type { DemoApp } from '../../../src/server/demo/demo-app.js';
import { DEMO_HUMAN_TOUCH_RULES } from '../../../src/server/demo/demo-data.js';
import { resetDemo } from '../../../src/server/demo/seed-demo.js';
import { runImport } from '../../../src/server/import/run-import.js';
import { saveRules } from '../../../src/server/rules/human-touch-rules.js';
import { bearer } from '../../helpers/events.js';
import { TEST_DATABASE_TARGETS } from '../../helpers/test-databases.js';
import { fixture, GOOD_FIXTURE_SHIPMENTS, importFixture, importFixtureMasters, SHIPMENT_FIXTURE_ERRORS } from '../../helpers/fixtures/import-files.js';
import { useDemoApp } from '../../helpers/in-process-server.js';

describe.each(TEST_DATABASE_TARGETS)('import on $name', (target) => {
  let demo: DemoApp;
  const hookCalls: { warehouseId: string; shipmentIds: string[] }[] = [];

  useDemoApp(target, (d) => (demo = d));
  beforeEach(async () => {
    await resetDemo(demo.database);
    hookCalls.length = 0;
  });

  const db = () => demo.database;
  const stored = (ids: string[]) => db().read((tx) => tx.select().from(t.parcels).where(inArray(t.parcels.shipmentId, ids)));
  const head = () => db().read((tx) => currentChangeSeq(tx));
  const importShipments = (name = 'shipments.csv', options: Parameters<typeof importFixture>[2] = {}) =>
    importFixture(db(), name, { afterShipmentsImported: (info) => void hookCalls.push(info), ...options });

  async function pull(token: string, cursor = '0'): Promise<PullResponse> {
    const res = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', query: { cursor }, headers: bearer(token) });
    expect(res.statusCode, res.body).toBe(200);
    return pullResponseSchema.parse(res.json());
  }

  describe('masters', () => {
    it('imports JSON, TSV and reordered CSV; repeated product rows merge their barcodes', async () => {
      await importFixtureMasters(db());
      const [products, barcodes, gifts, ranks, inserts] = await db().read(async (tx) => [
        await tx.select().from(t.products).where(inArray(t.products.code, ['T-2001', 'T-2002', 'T-2003'])),
        await tx.select().from(t.productBarcodes).where(eq(t.productBarcodes.productCode, 'T-2002')),
        await tx.select().from(t.giftCodes).where(eq(t.giftCodes.code, 'N20')),
        await tx.select().from(t.ranks).where(eq(t.ranks.code, 'D')),
        await tx.select().from(t.inserts).where(eq(t.inserts.code, 'L03')),
      ]);
      expect(Object.fromEntries(products.map((p) => [p.code, p.name]))).toEqual({
        'T-2001': 'ﾊﾝﾄﾞｸﾘｰﾑ ﾕｽﾞ 40g',
        'T-2002': '美容液 "髙﨑" 30mL',
        'T-2003': 'クリーム, 詰替用',
      });
      expect(barcodes.map((b) => b.barcode).sort()).toEqual(['4900000020021', '4900000020045']);
      expect(gifts[0]).toMatchObject({ wrapping: '包装紙(白)', ribbon: null, noshiInscription: '内祝', noshiPlacement: 'inner' });
      expect(ranks[0]).toMatchObject({ label: 'ダイヤモンド', color: '#5b2a86', sortOrder: 1 });
      expect(inserts[0]).toMatchObject({ name: 'ｸｰﾎﾟﾝ 10%OFF', barcode: null });
    });

    it('re-importing the same master files changes nothing, not even the change sequence', async () => {
      await importFixtureMasters(db());
      const before = await head();
      for (const name of ['ranks.json', 'gift_codes.tsv', 'inserts.csv', 'products.csv']) {
        const report = await importFixture(db(), name);
        expect(report.imported, name).toMatchObject({ created: 0, updated: 0 });
      }
      expect(await head()).toBe(before);
    });

    it('rejects a bad rank colour and a bad placement by row and column, and imports the rest', async () => {
      const csv = '\uFEFFランクコード,ランク名,表示色\r\nP,プラチナ,silver\r\nQ,クオーツ,#aabbcc\r\n';
      const report = await runImport(db(), Buffer.from(csv), { filename: 'ranks.csv' });
      expect(report).toMatchObject({ ok: false, type: 'ranks', rows: 2, imported: { created: 1 }, rejected: 1 });
      expect(report.errors.map((e) => [e.row, e.column])).toEqual([[2, '表示色']]);
    });
  });

  describe('shipments', () => {
    beforeEach(async () => {
      await importFixtureMasters(db());
    });

    it('names the row and column of every kind of damage, imports the good shipments and nothing of the bad ones', async () => {
      const report = await importShipments();
      expect(report).toMatchObject({ ok: false, type: 'shipments', rows: 16, rejected: 9, imported: { shipments: 3, created: 3, updated: 0, unchanged: 0, lines: 4 } });
      expect(report.errors.map((e) => [e.row, e.column])).toEqual(SHIPMENT_FIXTURE_ERRORS);
      expect(report.errors.find((e) => e.row === 6)!.message).toContain('T-9999');
      expect(report.errors.find((e) => e.row === 10)!.message).toMatch(/18 列のはずが 5 列/);

      const rows = await stored(['S0800001', 'S0800002', 'S0800003', 'S0800004', 'S0800006', 'S0800007', 'S0800008', 'S0800011']);
      expect(rows.map((r) => r.shipmentId).sort()).toEqual(GOOD_FIXTURE_SHIPMENTS);
      const s1 = rows.find((r) => r.shipmentId === 'S0800001')!;
      // CP932-only characters, a quoted comma and a line break inside a field all survive.
      expect(s1).toMatchObject({ customerName: '髙橋 﨑子', noshiName: '髙橋', message: 'お誕生日おめでとう、\r\nいつも,ありがとう', giftCode: 'N10', insertCodes: ['L01'], warehouseId: 'WH1', status: 'released' });
      expect(s1.lines).toEqual([{ productCode: 'T-2001', qty: 1 }, { productCode: 'T-2002', qty: 2 }]);
      expect(rows.find((r) => r.shipmentId === 'S0800002')).toMatchObject({ customerName: 'ﾔﾏﾀﾞ ﾊﾅｺ', carrier: 'ﾒｰﾙ便' });
      expect(hookCalls).toEqual([{ warehouseId: 'WH1', shipmentIds: GOOD_FIXTURE_SHIPMENTS }]);
    });

    it('reads the Shift_JIS (CP932) export exactly like the UTF-8 one', async () => {
      const sjis = await importShipments('shipments.sjis.csv');
      const fromSjis = await stored(GOOD_FIXTURE_SHIPMENTS);
      await resetDemo(db());
      await importFixtureMasters(db());
      const utf8 = await importShipments('shipments.csv');
      const fromUtf8 = await stored(GOOD_FIXTURE_SHIPMENTS);
      expect(sjis).toEqual(utf8);
      const content = (rows: typeof fromUtf8) => rows.map(({ seq: _s, ...r }) => r).sort((a, b) => a.shipmentId.localeCompare(b.shipmentId));
      expect(content(fromSjis)).toEqual(content(fromUtf8));
      expect(fromSjis.find((r) => r.shipmentId === 'S0800001')!.customerName).toBe('髙橋 﨑子');
    });

    it('re-importing the same file changes nothing', async () => {
      const first = await importShipments();
      const before = await head();
      const snapshot = await stored(GOOD_FIXTURE_SHIPMENTS);
      const again = await importShipments('shipments.sjis.csv');
      expect(again.imported).toEqual({ shipments: 3, created: 0, updated: 0, unchanged: 3, lines: 4 });
      expect(again.errors).toEqual(first.errors);
      expect(await head()).toBe(before);
      expect(await stored(GOOD_FIXTURE_SHIPMENTS)).toEqual(snapshot);
      expect(hookCalls).toHaveLength(1); // nothing written the second time, so no pick-batch rebuild
    });

    it('--strict imports nothing from a file with any error', async () => {
      const before = await head();
      const report = await importShipments('shipments.csv', { strict: true });
      expect(report).toMatchObject({ ok: false, rejected: 12, imported: { shipments: 0, created: 0, lines: 0 } });
      expect(report.errors.map((e) => [e.row, e.column])).toEqual(SHIPMENT_FIXTURE_ERRORS);
      expect(await stored(GOOD_FIXTURE_SHIPMENTS)).toEqual([]);
      expect(await head()).toBe(before);
      expect(hookCalls).toEqual([]);
    });

    it('--strict imports a clean file whole', async () => {
      const clean = fixture('shipments.csv').toString('utf8').split('\r\n').filter((line, i) => i === 0 || /^(S0800001|S0800002|いつも|S0800011)/.test(line)).join('\r\n');
      const report = await runImport(db(), Buffer.from(clean), { strict: true });
      expect(report).toMatchObject({ ok: true, rows: 4, rejected: 0, errors: [], imported: { created: 3 } });
    });

    it('refuses a shipment id or order number too long for the handheld to send in an event, and imports the rest', async () => {
      const lines = fixture('shipments.csv').toString('utf8').split('\r\n');
      const good = lines.find((line) => line.startsWith('S0800002,'))!;
      const longId = good.replace('S0800002,', `S${'9'.repeat(200)},`);
      const longOrder = good.replace('S0800002,20261201002,', `S0800099,${'7'.repeat(65)},`);
      const report = await runImport(db(), Buffer.from([lines[0], good, longId, longOrder].join('\r\n')), {});
      // Each bad cell, then the shipment it keeps out.
      expect(report.errors.map((e) => [e.row, e.column])).toEqual([
        [3, '出荷ID'],
        [3, '出荷ID'],
        [4, '注文番号'],
        [4, '出荷ID'],
      ]);
      expect(report.errors[0].message).toContain('200 文字まで');
      expect(report.errors[2].message).toContain('64 文字まで');
      expect((await stored(['S0800002', 'S0800099'])).map((p) => p.shipmentId)).toEqual(['S0800002']);
    });

    it('a dry run reports exactly what a real run would do and writes nothing', async () => {
      const before = await head();
      const dry = await importShipments('shipments.csv', { dryRun: true });
      expect(await stored(GOOD_FIXTURE_SHIPMENTS)).toEqual([]);
      expect(await head()).toBe(before);
      expect(hookCalls).toEqual([]);
      const real = await importShipments();
      expect(dry).toEqual(real);
    });

    it('a changed shipment updates the stored one but keeps its status; a packed one is reported and left alone', async () => {
      await importShipments();
      await db().write((tx) => setParcelStatus(tx, 'S0800002', 'held', '不正チェック'));
      const changed = fixture('shipments.csv').toString('utf8').replace('T-2003,4900000020038,x,1', 'T-2003,4900000020038,x,2');
      const r1 = await runImport(db(), Buffer.from(changed));
      expect(r1.imported).toMatchObject({ updated: 1, unchanged: 2 });
      expect((await stored(['S0800002']))[0]).toMatchObject({ status: 'held', holdReason: '不正チェック', lines: [{ productCode: 'T-2003', qty: 2 }] });

      await db().write((tx) => setParcelStatus(tx, 'S0800011', 'packed'));
      const packedChange = fixture('shipments.csv').toString('utf8').replace('吉田 麗子,D,5,0,c900011@example.jp,,,,,宅配便,T-2001,4900000020014,x,3', '吉田 麗子,D,5,0,c900011@example.jp,,,,,宅配便,T-2001,4900000020014,x,4');
      const r2 = await runImport(db(), Buffer.from(packedChange));
      expect(r2.rejected).toBe(10);
      expect(r2.errors).toContainEqual({ row: 17, column: '出荷ID', message: expect.stringContaining('梱包済み') });
      expect((await stored(['S0800011']))[0].lines).toEqual([{ productCode: 'T-2001', qty: 3 }]);
    });

    it('computes flags from history, records the rule version, and pulls the reason with the parcel', async () => {
      await importShipments();
      const { token } = await demo.enrol('pack-01');
      const parcels = (await pull(token)).parcels;
      expect(parcels.find((p) => p.shipmentId === 'S0800001')).toMatchObject({ flags: ['FIRST_PURCHASE'], flagBasis: { purchaseCount: 1, returnCount: 0, ruleVersion: 0 } });
      expect(parcels.find((p) => p.shipmentId === 'S0800002')).toMatchObject({
        flags: ['SECOND_PURCHASE', 'FIRST_RETURN'],
        flagBasis: { purchaseCount: 2, returnCount: 1, parcelsSinceFirstReturn: 0, ruleVersion: 0 },
      });
      expect(parcels.find((p) => p.shipmentId === 'S0800011')!.flagBasis).toBeUndefined();

      // A new rule edition; the same customer's next parcel is no longer their first since the return.
      await db().write((tx) => saveRules(tx, DEMO_HUMAN_TOUCH_RULES, 'test', new Date('2026-12-01T00:00:00Z')));
      const next = '\uFEFF出荷ID,注文番号,受注日,顧客ID,顧客名,顧客ランク,購入回数,返品回数,商品コード,数量\r\nS0800020,20261202001,2026-12-02,C900002,ﾔﾏﾀﾞ ﾊﾅｺ,S,3,1,T-2001,1\r\nS0800021,20261202002,2026-12-02,C900021,新規 一郎,N,1,0,T-2001,1\r\n';
      expect((await runImport(db(), Buffer.from(next))).ok).toBe(true);
      const [later, fresh] = await stored(['S0800020', 'S0800021']).then((rows) => ['S0800020', 'S0800021'].map((id) => rows.find((r) => r.shipmentId === id)!));
      expect(later).toMatchObject({ parcelsSinceFirstReturn: 1, flags: [] });
      expect(fresh).toMatchObject({ flags: ['FIRST_PURCHASE'], flagRuleVersion: 1 });
      // Re-importing the first file after the rule edit changes nothing: the stored version stays.
      expect((await importShipments()).imported).toMatchObject({ updated: 0, unchanged: 3 });
      expect((await stored(['S0800001']))[0].flagRuleVersion).toBe(0);
    });
  });

  describe('holds and cancellations', () => {
    beforeEach(async () => {
      await importFixtureMasters(db());
      await importShipments();
    });

    it('reach devices on their next pull, with the reason; an unknown shipment is reported', async () => {
      const { token } = await demo.enrol('pack-01');
      const { cursor } = await pull(token);
      const report = await importFixture(db(), 'holds.csv');
      expect(report).toMatchObject({ ok: false, type: 'holds', rows: 3, imported: { held: 2, released: 0, unchanged: 0 }, rejected: 1 });
      expect(report.errors.map((e) => [e.row, e.column])).toEqual([[4, '出荷ID']]);
      const next = await pull(token, cursor);
      expect(next.parcels.map((p) => [p.shipmentId, p.status, p.holdReason])).toEqual([
        ['S0800001', 'held', '前日注文キャンセル'],
        ['S0800002', 'held', '欠品'],
      ]);
      const again = await importFixture(db(), 'holds.csv');
      expect(again.imported).toEqual({ held: 0, released: 0, unchanged: 2 });
      expect((await pull(token, next.cursor)).parcels).toEqual([]);
    });

    it('a release puts the parcel back where it was; a shipped parcel cannot be held', async () => {
      await importFixture(db(), 'holds.csv');
      await db().write((tx) => setParcelStatus(tx, 'S0800011', 'shipped'));
      const csv = '出荷ID,区分,理由\nS0800001,解除,\nS0800011,停止,不正チェック\n';
      const report = await runImport(db(), Buffer.from(csv));
      expect(report.imported).toEqual({ held: 0, released: 1, unchanged: 0 });
      expect(report.errors.map((e) => [e.row, e.column])).toEqual([[3, '出荷ID']]);
      expect((await stored(['S0800001']))[0]).toMatchObject({ status: 'released', holdReason: null });
    });
  });
});
