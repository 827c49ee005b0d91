/**
 * The shipping round trip as a warehouse runs it: carrier export (CP932, CRLF) → the carrier's result
 * file → tracking import → a pack with the right label → loading scans → close → exactly one signed
 * parcel.shipped webhook to a real HTTP server. Plus what loading must refuse, on PGlite and PostgreSQL.
 */
import iconv from 'iconv-lite';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';
import type { EventResult } from '../../../src/shared/protocol/sync.js';
import * as t from '../../../src/server/db/schema.js';
import { setParcelStatus } from '../../../src/server/db/write-master-data.js';
import { buildDemoApp, type DemoApp } from '../../../src/server/demo/demo-app.js';
import { DEMO_SCENARIOS as S, DEMO_STAFF } from '../../../src/server/demo/demo-data.js';
import { runCarrierExport } from '../../../src/server/export/carrier-export.js';
import { loadLayout } from '../../../src/server/export/layout.js';
import { runImport } from '../../../src/server/import/run-import.js';
import { bearer, packedEvent } from '../../helpers/events.js';
import { testNotifyConfig } from '../../helpers/notify-config.js';
import { TEST_DATABASE_TARGETS } from '../../helpers/test-databases.js';
import { resultFile, trackingNumber } from '../../helpers/tracking-numbers.js';
import { startWebhookSink, type WebhookSink } from '../../helpers/webhook-sink.js';

const SECRET = 'whsec_c2hpcHBpbmctcm91bmQtdHJpcC10ZXN0';
let seq = 50_000;

/** A loading event as the loading screen records it. */
function loadEvent(handoverId: string, trackingNumber: string, carrierId: 'yamato' | 'sagawa' = 'yamato'): SyncEvent {
  return { id: crypto.randomUUID(), deviceSeq: ++seq, staffId: DEMO_STAFF[0].id, at: '2026-12-03T08:00:00Z', type: 'load.scanned', payload: { handoverId, carrierId, trackingNumber, shipmentId: null } };
}
function closeEvent(handoverId: string, boxesLoaded: number, carrierId: 'yamato' | 'sagawa' = 'yamato'): SyncEvent {
  return { id: crypto.randomUUID(), deviceSeq: ++seq, staffId: DEMO_STAFF[0].id, at: '2026-12-03T09:00:00Z', type: 'handover.closed', payload: { handoverId, carrierId, startedAt: '2026-12-03T07:55:00Z', boxesLoaded } };
}
function withLabels(event: SyncEvent, labels: string[]): SyncEvent {
  return { ...event, payload: { ...event.payload, boxCount: labels.length, labels: labels.map((trackingNumber, i) => ({ box: i + 1, trackingNumber })) } } as SyncEvent;
}

describe.each(TEST_DATABASE_TARGETS)('shipping round trip on $name', (target) => {
  let demo: DemoApp;
  let sink: WebhookSink;
  let dispose: () => Promise<void>;
  let token: string;
  const expected = new Map<string, string>();

  beforeAll(async () => {
    sink = await startWebhookSink();
    const opened = await target.open();
    dispose = opened.dispose;
    demo = await buildDemoApp({ database: opened.database, notify: { config: testNotifyConfig({ webhookUrl: sink.url, webhookSecret: SECRET, pollMs: 100 }), autoStart: true } });
    token = (await demo.enrol('load-01')).token;
  });
  afterAll(async () => {
    await demo?.close();
    await dispose?.();
    await sink?.close();
  });

  async function push(events: SyncEvent[], as = token): Promise<EventResult[]> {
    const res = await demo.app.inject({ method: 'POST', url: '/api/sync/push', payload: { events }, headers: bearer(as) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().results;
  }

  it('exports the Yamato parcels as B2クラウド CSV: CP932 bytes, CRLF, a header row, お客様管理番号 = 出荷ID, and never the held or other carriers’ parcels', async () => {
    const result = await runCarrierExport(demo.database, { carrier: 'yamato', layout: loadLayout('yamato'), date: '2026-12-03' });
    expect(result.errors).toEqual([]);
    const bytes = result.file!;
    // CRLF only: every LF is preceded by CR.
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) expect(bytes[i - 1]).toBe(0x0d);
    expect(bytes.subarray(0, 16).equals(iconv.encode('"お客様管理番号"', 'cp932'))).toBe(true);
    // A recipient's name, byte for byte in CP932.
    expect(bytes.includes(iconv.encode('"伊藤 さくら"', 'cp932'))).toBe(true);
    const lines = iconv.decode(bytes, 'cp932').split('\r\n').filter(Boolean);
    const ids = lines.slice(1).map((l) => l.split(',')[0].replace(/"/g, ''));
    expect(ids).toContain(S.secondPurchase);
    expect(ids).not.toContain(S.held);
    expect(ids).not.toContain(S.singleItem); // ゆうパケット: Japan Post
    const cool = lines.find((l) => l.startsWith('"S0000018"'))!.split(',');
    expect(cool.slice(1, 3)).toEqual(['"0"', '"2"']); // 宅配便(クール) → クール宅急便(冷蔵): 発払い, 冷蔵
    expect(result.exported).toBe(ids.length);
    const again = await runCarrierExport(demo.database, { carrier: 'yamato', layout: loadLayout('yamato'), date: '2026-12-03' });
    expect(again.exported).toBe(0);
    expect(again.alreadyExported).toBe(ids.length);
    for (const [i, id] of ids.entries()) expected.set(id, trackingNumber(i + 1));
  });

  it('imports the result file: each parcel gets its number, and bad rows are row-numbered errors', async () => {
    const rows: [string, string][] = [...expected];
    const bad: [string, string][] = [['S9999999', trackingNumber(900)], [S.diamond, '400000000010'], [S.innerNoshi, rows[0][1]]];
    const report = await runImport(demo.database, resultFile([...rows, ...bad]), { filename: 'yamato-result.csv' });
    expect(report.type).toBe('tracking');
    expect(report.errors.map((e) => e.row)).toEqual([rows.length + 2, rows.length + 3, rows.length + 4]);
    expect(report.errors[2].message).toContain(rows[0][0]);
    expect(report.imported.created).toBe(rows.length);
    const pull = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', query: { cursor: '0' }, headers: bearer(token) });
    const parcel = pull.json().parcels.find((p: { shipmentId: string }) => p.shipmentId === S.secondPurchase);
    expect(parcel.shipping).toMatchObject({ carrierId: 'yamato', service: '宅急便', boxCount: 1, expectedTrackingNumbers: [expected.get(S.secondPurchase)] });
    // Customer data never reaches a device.
    expect(pull.body).not.toContain('090-0000-');
    expect(pull.body).not.toContain('神宮前');
  });

  it('packs with the right label, loads it (twice), closes, and the shop hears exactly once with a valid signature', async () => {
    const id = S.secondPurchase;
    const number = expected.get(id)!;
    expect((await push([withLabels(packedEvent(id), [number])]))[0].status).toBe('applied');
    const scans = [loadEvent('h-yamato-1', number), loadEvent('h-yamato-1', number)];
    expect((await push(scans)).map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await push([scans[0]]))[0].status).toBe('duplicate');
    expect((await push([closeEvent('h-yamato-1', 1)]))[0].status).toBe('applied');
    await expect.poll(() => sink.received.filter((r) => r.body.includes(id)).length, { timeout: 10_000, interval: 50 }).toBe(1);
    const hook = sink.received.find((r) => r.body.includes(id))!;
    const body = new Webhook(SECRET).verify(hook.body, hook.headers as Record<string, string>) as { type: string; data: Record<string, unknown> };
    expect(body.type).toBe('parcel.shipped');
    expect(body.data).toMatchObject({ shipmentId: id, carrier: 'yamato', tracking: { company: 'Yamato (JA)', number, url: expect.stringContaining(number) } });
    expect((body.data.items as unknown[]).length).toBeGreaterThan(0);
    const [row] = await demo.database.read((tx) => tx.select().from(t.parcels).where(eq(t.parcels.shipmentId, id)));
    expect(row.status).toBe('shipped');
    const [handover] = await demo.database.read((tx) => tx.select().from(t.handovers).where(eq(t.handovers.id, 'h-yamato-1')));
    expect(handover.manifest).toEqual([{ shipmentId: id, orderNumber: row.orderNumber, trackingNumbers: [number] }]);
    // The console's parcel page reads the whole trip back: the label scanned on this device, the loading, and the shop told.
    const page = async () => (await demo.app.inject({ method: 'GET', url: `/api/admin/parcels/${id}`, headers: bearer(demo.adminToken) })).json().shipping;
    await expect.poll(async () => (await page()).notification?.status, { timeout: 10_000, interval: 50 }).toBe('sent');
    expect(await page()).toMatchObject({
      carrierId: 'yamato',
      shippedAt: expect.any(String),
      boxes: [{ box: 1, expectedNumber: number, boundNumber: number, boundOnDevice: 'load-01', loadedOnDevice: 'load-01', loadedBy: DEMO_STAFF[0].name, handoverId: 'h-yamato-1', loadedAt: expect.any(String) }],
    });
    // The day's handovers follow the warehouse's own calendar: the first load at 08:00Z is 17:00 in Tokyo, 22:00 the day before in Honolulu.
    const handoversOn = async (date: string) => (await demo.app.inject({ method: 'GET', url: `/api/admin/shipping/handovers?date=${date}`, headers: bearer(demo.adminToken) })).json().handovers.map((h: { id: string }) => h.id);
    const zone = (timeZone: string) => demo.app.inject({ method: 'PUT', url: '/api/admin/warehouses/WH1/settings', payload: { timeZone }, headers: bearer(demo.adminToken) });
    expect(await handoversOn('2026-12-03')).toEqual(['h-yamato-1']);
    expect((await zone('Pacific/Honolulu')).statusCode).toBe(200);
    expect([await handoversOn('2026-12-02'), await handoversOn('2026-12-03')]).toEqual([['h-yamato-1'], []]);
    await zone('Asia/Tokyo');
    // A scan after the close is refused.
    expect((await push([loadEvent('h-yamato-1', number)]))[0]).toMatchObject({ status: 'rejected', code: 'handover_closed' });
  });

  it('two devices loading the same parcel in two handovers ship it once and announce it once', async () => {
    const id = S.innerNoshi;
    const number = expected.get(id)!;
    const other = (await demo.enrol('load-02')).token;
    await push([withLabels(packedEvent(id), [number])]);
    await push([loadEvent('h-a', number)]);
    await push([loadEvent('h-b', number)], other);
    await push([closeEvent('h-b', 1)], other);
    await push([closeEvent('h-a', 1)]);
    const rows = await demo.database.read((tx) => tx.select().from(t.notifications).where(eq(t.notifications.shipmentId, id)));
    expect(rows).toHaveLength(1);
    await expect.poll(() => sink.received.filter((r) => r.body.includes(`"shipmentId":"${id}"`)).length, { timeout: 10_000, interval: 50 }).toBe(1);
  });

  it('two devices scanning the same box at the same moment load it once, into one handover', async () => {
    const id = S.pickMultiTopRank;
    const number = expected.get(id)!;
    const other = (await demo.enrol('load-03')).token;
    await push([withLabels(packedEvent(id), [number])]);
    const [a, b] = await Promise.all([push([loadEvent('h-e', number)]), push([loadEvent('h-f', number)], other)]);
    expect([a[0].status, b[0].status]).toEqual(['applied', 'applied']);
    await Promise.all([push([closeEvent('h-e', 1)]), push([closeEvent('h-f', 1)], other)]);
    const manifests = await demo.database.read((tx) => tx.select().from(t.handovers));
    expect(manifests.filter((h) => h.manifest?.some((p) => p.shipmentId === id))).toHaveLength(1);
    expect(await demo.database.read((tx) => tx.select().from(t.notifications).where(eq(t.notifications.shipmentId, id)))).toHaveLength(1);
  });

  it('a swapped label keeps the pack, flags it naming the other parcel, and stops both at loading', async () => {
    const [a, b] = [S.diamond, S.twoFlags].filter((x) => expected.has(x));
    const results = await push([withLabels(packedEvent(a), [expected.get(b)!])]);
    expect(results[0].status).toBe('applied');
    const flags = await demo.database.read((tx) => tx.select().from(t.supervisorFlags).where(eq(t.supervisorFlags.kind, 'label_mismatch')));
    expect(flags.find((f) => f.shipmentId === a)?.detail.otherShipmentId).toBe(b);
    expect((await push([loadEvent('h-c', expected.get(b)!)]))[0]).toMatchObject({ status: 'rejected', code: 'parcel_held' });
    // Re-labelled and resolved: the wrong label is forgotten, the right one loads this parcel.
    const flag = flags.find((f) => f.shipmentId === a)!;
    const res = await demo.app.inject({ method: 'POST', url: `/api/admin/supervisor-flags/${flag.id}/resolve`, headers: { authorization: `Bearer ${demo.adminToken}` } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await push([loadEvent('h-c', expected.get(a)!)]))[0].status).toBe('applied');
    const [box] = await demo.database.read((tx) => tx.select().from(t.parcelBoxes).where(eq(t.parcelBoxes.shipmentId, a)));
    expect(box).toMatchObject({ boundNumber: null, loadedHandoverId: 'h-c' });
  });

  it('refuses at loading: a parcel held after packing (and flags it), one not packed, another carrier’s, an unknown label', async () => {
    const held = S.multiItemGiftFirstPurchase;
    await push([withLabels(packedEvent(held), [expected.get(held)!])]);
    await demo.database.write((tx) => setParcelStatus(tx, held, 'held', '前日注文キャンセル'));
    expect((await push([loadEvent('h-d', expected.get(held)!)]))[0]).toMatchObject({ status: 'rejected', code: 'parcel_held', detail: { holdReason: '前日注文キャンセル' } });
    const flags = await demo.database.read((tx) => tx.select().from(t.supervisorFlags).where(eq(t.supervisorFlags.kind, 'loaded_while_held')));
    expect(flags.map((f) => f.shipmentId)).toContain(held);
    const notPacked = [...expected.keys()].find((x) => x === S.pickSingleA)!;
    expect((await push([loadEvent('h-d', expected.get(notPacked)!)]))[0]).toMatchObject({ status: 'rejected', code: 'not_packed' });
    expect((await push([loadEvent('h-s', expected.get(S.secondPurchase)!, 'sagawa')]))[0]).toMatchObject({ status: 'rejected', code: 'wrong_carrier' });
    expect((await push([loadEvent('h-d', trackingNumber(777))]))[0]).toMatchObject({ status: 'rejected', code: 'label_unknown' });
    expect((await push([loadEvent('h-d', '123456789012')]))[0]).toMatchObject({ status: 'rejected', code: 'label_unknown' });
  });
});
