/** POST /api/admin/import and the console's admin routes, through HTTP (PGlite, and PostgreSQL when configured). */
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoApp } from '../../../src/server/demo/demo-app.js';
import { DEMO_HUMAN_TOUCH_RULES } from '../../../src/server/demo/demo-data.js';
import { resetDemo } from '../../../src/server/demo/seed-demo.js';
import { bearer } from '../../helpers/events.js';
import { TEST_DATABASE_TARGETS } from '../../helpers/test-databases.js';
import { fixture, importFixtureMasters, SHIPMENT_FIXTURE_ERRORS } from '../../helpers/fixtures/import-files.js';
import { useDemoApp } from '../../helpers/in-process-server.js';

describe.each(TEST_DATABASE_TARGETS)('admin import and console routes on $name', (target) => {
  let demo: DemoApp;
  const imported: string[][] = [];

  useDemoApp(target, (d) => (demo = d), { afterShipmentsImported: ({ shipmentIds }) => void imported.push(shipmentIds) });
  beforeEach(async () => {
    await resetDemo(demo.database);
    imported.length = 0;
  });

  const admin = () => bearer(demo.adminToken);

  it.each([
    ['POST', '/api/admin/import'],
    ['GET', '/api/admin/parcels'],
    ['GET', '/api/admin/devices'],
    ['POST', '/api/admin/devices/x/revoke'],
    ['GET', '/api/admin/staff'],
    ['POST', '/api/admin/staff'],
    ['GET', '/api/admin/human-touch-rules'],
    ['PUT', '/api/admin/human-touch-rules'],
    ['GET', '/api/admin/warehouses'],
  ] as const)('%s %s answers 401 without the admin token', async (method, url) => {
    const res = await demo.app.inject({ method, url, headers: { authorization: 'Bearer wrong-token-0123456789' } });
    expect(res.statusCode).toBe(401);
    expect((await demo.app.inject({ method, url })).statusCode).toBe(401);
  });

  it('imports raw CP932 bytes: a dry run first, then for real; the report is the CLI report', async () => {
    await importFixtureMasters(demo.database);
    const body = fixture('shipments.sjis.csv');
    const dry = await demo.app.inject({ method: 'POST', url: '/api/admin/import?dryRun=1&filename=shipments.csv', headers: { ...admin(), 'content-type': 'text/csv' }, payload: body });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ ok: false, type: 'shipments', rows: 16, rejected: 9, imported: { created: 3 } });
    expect(dry.json().errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual(SHIPMENT_FIXTURE_ERRORS);
    expect(imported).toEqual([]);
    const search = () => demo.app.inject({ method: 'GET', url: `/api/admin/parcels?q=${encodeURIComponent('髙橋')}`, headers: admin() }).then((r) => r.json());
    expect((await search()).parcels).toEqual([]);

    const real = await demo.app.inject({ method: 'POST', url: '/api/admin/import', headers: { ...admin(), 'content-type': 'application/octet-stream' }, payload: body });
    expect(real.json()).toEqual({ ...dry.json() });
    expect(imported).toEqual([['S0800001', 'S0800002', 'S0800011']]);
    expect((await search()).parcels).toMatchObject([{ shipmentId: 'S0800001', customerName: '髙橋 﨑子', flags: ['FIRST_PURCHASE'], units: 3, status: 'released' }]);
  });

  it('JSON files go through the same route, and ?lang=en answers in English', async () => {
    const body = JSON.stringify([{ ランクコード: 'P', ランク名: 'プラチナ', 表示色: 'grey' }]);
    const res = await demo.app.inject({ method: 'POST', url: '/api/admin/import?type=ranks&lang=en', headers: { ...admin(), 'content-type': 'application/json' }, payload: body });
    expect(res.json()).toMatchObject({ ok: false, errors: [{ row: 2, column: '表示色', message: expect.stringMatching(/must be #RRGGBB/) }] });
  });

  it('answers 400 for a file it cannot tell the type of, or an empty body', async () => {
    const res = await demo.app.inject({ method: 'POST', url: '/api/admin/import', headers: { ...admin(), 'content-type': 'text/csv' }, payload: 'foo,bar\n1,2\n' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/Cannot tell what this file is/);
    const empty = await demo.app.inject({ method: 'POST', url: '/api/admin/import', headers: { ...admin(), 'content-type': 'text/csv' }, payload: '' });
    expect(empty.statusCode).toBe(400);
  });

  it('lists parcels by status with counts, and short picks by hold reason', async () => {
    const held = await demo.app.inject({ method: 'GET', url: '/api/admin/parcels?status=held', headers: admin() });
    expect(held.json().parcels.map((p: { shipmentId: string; holdReason: string }) => [p.shipmentId, p.holdReason])).toEqual([['S0000006', '前日注文キャンセル']]);
    expect(held.json().counts).toMatchObject({ held: 1, picked: 1, picking: 1 });
    const csv = iconv.encode('出荷ID,区分,理由\r\nS0000010,停止,欠品\r\n', 'cp932');
    await demo.app.inject({ method: 'POST', url: '/api/admin/import', headers: { ...admin(), 'content-type': 'text/csv' }, payload: csv });
    const short = await demo.app.inject({ method: 'GET', url: `/api/admin/parcels?status=held&holdReason=${encodeURIComponent('欠品')}`, headers: admin() });
    expect(short.json().parcels.map((p: { shipmentId: string }) => p.shipmentId)).toEqual(['S0000010']);
  });

  it('lists devices with their last sync and revokes one (its token stops working)', async () => {
    const { token, deviceId } = await demo.enrol('pack-07');
    await demo.app.inject({ method: 'GET', url: '/api/sync/pull?cursor=0', headers: bearer(token) });
    const list = await demo.app.inject({ method: 'GET', url: '/api/admin/devices', headers: admin() });
    expect(list.json().devices).toMatchObject([{ id: deviceId, name: 'pack-07', revokedAt: null, eventsReceived: 0 }]);
    const revoked = await demo.app.inject({ method: 'POST', url: `/api/admin/devices/${deviceId}/revoke`, headers: admin() });
    expect(revoked.json().revokedAt).toEqual(expect.any(String));
    expect((await demo.app.inject({ method: 'GET', url: '/api/device', headers: bearer(token) })).statusCode).toBe(401);
    expect((await demo.app.inject({ method: 'POST', url: '/api/admin/devices/nope/revoke', headers: admin() })).statusCode).toBe(404);
  });

  it('adds staff who reach devices on their next pull; a taken code is refused', async () => {
    const { token } = await demo.enrol();
    const first = await demo.app.inject({ method: 'GET', url: '/api/sync/pull?cursor=0', headers: bearer(token) });
    const add = await demo.app.inject({ method: 'POST', url: '/api/admin/staff', headers: admin(), payload: { warehouseId: 'WH1', code: 'ST777', name: '髙木 﨑' } });
    expect(add.statusCode, add.body).toBe(200);
    const next = await demo.app.inject({ method: 'GET', url: `/api/sync/pull?cursor=${first.json().cursor}`, headers: bearer(token) });
    expect(next.json().catalogue.staff.map((s: { code: string }) => s.code)).toContain('ST777');
    const again = await demo.app.inject({ method: 'POST', url: '/api/admin/staff', headers: admin(), payload: { warehouseId: 'WH1', code: 'ST777', name: 'x' } });
    expect(again.statusCode).toBe(409);
  });

  it('saves human-touch rules as a new version that devices pull; unknown inserts are refused', async () => {
    const get = await demo.app.inject({ method: 'GET', url: '/api/admin/human-touch-rules', headers: admin() });
    expect(get.json()).toMatchObject({ version: 0, history: [] });
    const rules = DEMO_HUMAN_TOUCH_RULES.map((r) => (r.flag === 'FIRST_PURCHASE' ? { ...r, instruction: '手書きカードとブランドブック', insertCodes: ['L01'] } : r));
    const put = await demo.app.inject({ method: 'PUT', url: '/api/admin/human-touch-rules', headers: admin(), payload: { rules, note: '冬' } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ version: 1, history: [{ version: 1, note: '冬' }] });
    const { token } = await demo.enrol();
    const pulled = await demo.app.inject({ method: 'GET', url: '/api/sync/pull?cursor=0', headers: bearer(token) });
    expect(pulled.json().catalogue.humanTouchRules).toContainEqual(expect.objectContaining({ flag: 'FIRST_PURCHASE', instruction: '手書きカードとブランドブック', insertCodes: ['L01'] }));
    const bad = await demo.app.inject({ method: 'PUT', url: '/api/admin/human-touch-rules', headers: admin(), payload: { rules: [{ ...rules[0], insertCodes: ['L99'] }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('L99');
  });
});
