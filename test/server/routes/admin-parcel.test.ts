/**
 * The console's parcel page API, the warehouse's time zone and the catalogue lists, through HTTP on
 * PGlite (and PostgreSQL when configured): what a supervisor asked about one order gets to see.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoApp } from '../../../src/server/demo/demo-app.js';
import { DEMO_INSERTS, DEMO_PRODUCTS, DEMO_RANKS, DEMO_SCENARIOS, DEMO_STAFF } from '../../../src/server/demo/demo-data.js';
import { resetDemo } from '../../../src/server/demo/seed-demo.js';
import { adminParcelDetailSchema, type AdminParcelDetail } from '../../../src/shared/protocol/admin-parcel.js';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';
import { bearer, packedEvent } from '../../helpers/events.js';
import { useDemoApp } from '../../helpers/in-process-server.js';
import { TEST_DATABASE_TARGETS } from '../../helpers/test-databases.js';

describe.each(TEST_DATABASE_TARGETS)('the parcel page API on $name', (target) => {
  let demo: DemoApp;
  useDemoApp(target, (d) => (demo = d));
  beforeEach(async () => {
    await resetDemo(demo.database);
  });

  const admin = () => bearer(demo.adminToken);
  async function parcel(shipmentId: string): Promise<AdminParcelDetail> {
    const res = await demo.app.inject({ method: 'GET', url: `/api/admin/parcels/${encodeURIComponent(shipmentId)}`, headers: admin() });
    expect(res.statusCode, res.body).toBe(200);
    return adminParcelDetailSchema.parse(res.json());
  }
  async function push(token: string, events: SyncEvent[]) {
    const res = await demo.app.inject({ method: 'POST', url: '/api/sync/push', payload: { events }, headers: bearer(token) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().results;
  }

  it.each([
    ['GET', '/api/admin/parcels/S0000002'],
    ['GET', '/api/admin/catalogue'],
    ['PUT', '/api/admin/warehouses/WH1/settings'],
  ] as const)('%s %s answers 401 without the admin token', async (method, url) => {
    expect((await demo.app.inject({ method, url })).statusCode).toBe(401);
  });

  it('shows a gift parcel with product names and JANs, its flag with both instructions and why, the resolved gift and every insert', async () => {
    const d = await parcel(DEMO_SCENARIOS.multiItemGiftFirstPurchase);
    expect(d.parcel).toMatchObject({ shipmentId: 'S0000002', orderNumber: '202611204002', customerName: '田中 恵', status: 'released', timeZone: 'Asia/Tokyo', rank: { label: 'ゴールド', color: '#b8860b' } });
    expect(d.lines).toEqual([
      { productCode: 'SKU-1002', name: 'モイストクリーム 50g', barcodes: DEMO_PRODUCTS[1].barcodes, location: 'B-01-04-1', qty: 1 },
      { productCode: 'SKU-1006', name: 'ビタミンC美容液 30mL', barcodes: DEMO_PRODUCTS[5].barcodes, location: 'A-01-01-1', qty: 2 },
      { productCode: 'SKU-1007', name: 'アイクリーム 15g', barcodes: DEMO_PRODUCTS[6].barcodes, location: 'B-02-03-2', qty: 1 },
    ]);
    expect(d.flags).toEqual([{ flag: 'FIRST_PURCHASE', instruction: expect.stringContaining('サンクスカード'), returnInstruction: expect.stringContaining('初めてのご購入品の返品') }]);
    expect(d.flagBasis).toEqual({ purchaseCount: 1, returnCount: 0, parcelsSinceFirstReturn: 0, ruleVersion: null });
    expect(d.gift).toMatchObject({ code: 'N10', instruction: { noshiInscription: '御祝', noshiPlacement: 'outer' }, noshiName: '田中', message: expect.stringContaining('ご出産') });
    // The shipment's own sample, then the thanks card and brand book the first-purchase rule adds.
    expect(d.inserts.map((i) => [i.code, i.source, i.barcode])).toEqual([
      ['L05', 'shipment', null],
      ['L02', 'rule', DEMO_INSERTS[1].barcode],
      ['L01', 'rule', DEMO_INSERTS[0].barcode],
    ]);
    expect(d.timeline).toEqual([]);
  });

  it('says a gift code is unknown rather than guessing a wrapping, and a parcel without flags has no why', async () => {
    const d = await parcel(DEMO_SCENARIOS.unknownGift);
    expect(d.gift).toMatchObject({ code: 'X99', instruction: null });
    expect(d.flags).toEqual([]);
    expect(d.flagBasis).toBeNull();
  });

  it('answers 404 for a parcel that does not exist', async () => {
    const res = await demo.app.inject({ method: 'GET', url: '/api/admin/parcels/S9999999', headers: admin() });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain('S9999999');
  });

  it('lists who did what on which device and when, the refusal with its reason, and the flag it raised', async () => {
    const { token } = await demo.enrol('pack-07');
    const refused = packedEvent(DEMO_SCENARIOS.held, { deviceSeq: 1, at: '2026-11-24T01:00:00Z' });
    const packed = packedEvent(DEMO_SCENARIOS.singleItem, { deviceSeq: 2, at: '2026-11-24T01:05:00Z', staffId: DEMO_STAFF[1].id });
    await push(token, [refused, packed]);

    const held = await parcel(DEMO_SCENARIOS.held);
    expect(held.parcel).toMatchObject({ status: 'held', holdReason: '前日注文キャンセル' });
    expect(held.timeline).toEqual([
      expect.objectContaining({ kind: 'event', type: 'parcel.packed', outcome: 'rejected', code: 'parcel_held', staffName: DEMO_STAFF[0].name, deviceName: 'pack-07', at: '2026-11-24T01:00:00Z' }),
      expect.objectContaining({ kind: 'flag', type: 'packed_while_held', outcome: 'open', deviceName: 'pack-07', message: expect.stringMatching(/held/) }),
    ]);
    expect(held.timeline[0].message).toMatch(/\S/);

    const done = await parcel(DEMO_SCENARIOS.singleItem);
    expect(done.parcel).toMatchObject({ status: 'packed', packedBy: DEMO_STAFF[1].name, packedOnDevice: 'pack-07' });
    expect(done.timeline).toEqual([expect.objectContaining({ type: 'parcel.packed', outcome: 'applied', code: null, staffName: DEMO_STAFF[1].name, deviceName: 'pack-07', at: '2026-11-24T01:05:00Z' })]);
  });

  it('lists products with their JANs, inserts with their barcodes, and the ranks', async () => {
    const res = await demo.app.inject({ method: 'GET', url: '/api/admin/catalogue', headers: admin() });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.products.find((p: { code: string }) => p.code === 'SKU-1012').barcodes).toEqual(DEMO_PRODUCTS[11].barcodes);
    expect(body.inserts).toEqual(DEMO_INSERTS);
    expect(body.ranks.map((r: { code: string }) => r.code)).toEqual(DEMO_RANKS.map((r) => r.code));
    expect(body).not.toHaveProperty('staff');
  });
});

describe.each(TEST_DATABASE_TARGETS)('the warehouse time zone on $name', (target) => {
  let demo: DemoApp;
  useDemoApp(target, (d) => (demo = d));
  beforeEach(async () => {
    await resetDemo(demo.database);
  });
  const admin = () => bearer(demo.adminToken);
  const setZone = (warehouseId: string, timeZone: unknown) =>
    demo.app.inject({ method: 'PUT', url: `/api/admin/warehouses/${warehouseId}/settings`, headers: admin(), payload: { timeZone } });

  it('is Asia/Tokyo until a supervisor sets another, and the parcel page follows it', async () => {
    const before = await demo.app.inject({ method: 'GET', url: '/api/admin/warehouses', headers: admin() });
    expect(before.json().warehouses).toEqual([{ id: 'WH1', name: '東京DC', timeZone: 'Asia/Tokyo' }]);
    const saved = await setZone('WH1', 'Europe/Berlin');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ id: 'WH1', name: '東京DC', timeZone: 'Europe/Berlin' });
    const after = await demo.app.inject({ method: 'GET', url: '/api/admin/warehouses', headers: admin() });
    expect(after.json().warehouses[0].timeZone).toBe('Europe/Berlin');
    const page = await demo.app.inject({ method: 'GET', url: '/api/admin/parcels/S0000001', headers: admin() });
    expect(page.json().parcel.timeZone).toBe('Europe/Berlin');
  });

  it.each([['Mars/Olympus'], [''], [42]])('refuses %j as a time zone with a 400 and keeps the old one', async (zone) => {
    const res = await setZone('WH1', zone);
    expect(res.statusCode).toBe(400);
    const list = await demo.app.inject({ method: 'GET', url: '/api/admin/warehouses', headers: admin() });
    expect(list.json().warehouses[0].timeZone).toBe('Asia/Tokyo');
  });

  it('answers 404 for a warehouse that does not exist', async () => {
    expect((await setZone('WH9', 'UTC')).statusCode).toBe(404);
  });
});
