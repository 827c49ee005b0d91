/** Picking on the server: batches in the pull, claim conflicts, short picks held, release, rebuilds — on PGlite and PostgreSQL. */
import { beforeEach, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema, type EventResult } from '../../../src/shared/protocol/sync.js';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';
import type { PickBatch } from '../../../src/shared/protocol/pick.js';
import { upsertParcel } from '../../../src/server/db/write-master-data.js';
import type { DemoApp } from '../../../src/server/demo/demo-app.js';
import { DEMO_SCENARIOS as S, DEMO_SHIPMENTS, DEMO_STAFF, DEMO_WAREHOUSE } from '../../../src/server/demo/demo-data.js';
import { resetDemo } from '../../../src/server/demo/seed-demo.js';
import { rebuildBatches } from '../../../src/server/picking/rebuild-batches.js';
import { bearer, packedEvent, pickEvent } from '../../helpers/events.js';
import { TEST_DATABASE_TARGETS } from '../../helpers/test-databases.js';
import { useDemoApp } from '../../helpers/in-process-server.js';

const MULTI = [S.pickMultiTopRank, S.pickMultiFirstPurchase, S.pickMultiNewest];
const SINGLE = [S.pickSingleA, S.pickSingleB];

describe.each(TEST_DATABASE_TARGETS)('picking on $name', (target) => {
  let demo: DemoApp;
  let picker1: string;
  let picker2: string;

  useDemoApp(target, (d) => (demo = d));
  beforeEach(async () => {
    await resetDemo(demo.database);
    picker1 = (await demo.enrol('pick-01')).token;
    picker2 = (await demo.enrol('pick-02')).token;
  });

  async function pull(as: string, cursor = '0') {
    const res = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', query: { cursor }, headers: bearer(as) });
    expect(res.statusCode, res.body).toBe(200);
    return pullResponseSchema.parse(res.json());
  }
  async function push(events: SyncEvent[], as: string): Promise<EventResult[]> {
    const res = await demo.app.inject({ method: 'POST', url: '/api/sync/push', payload: { events }, headers: bearer(as) });
    expect(res.statusCode, res.body).toBe(200);
    return pushResponseSchema.parse(res.json()).results;
  }
  async function openBatches(as = picker1): Promise<PickBatch[]> {
    return (await pull(as)).batches.filter((b) => b.status !== 'dissolved');
  }
  const batchOf = (batches: PickBatch[], first: string) => {
    const batch = batches.find((b) => b.shipmentIds.includes(first));
    if (!batch) throw new Error(`no batch with ${first}`);
    return batch;
  };
  const claim = (batch: PickBatch, staffId = DEMO_STAFF[0].id) => pickEvent('batch.claimed', { batchId: batch.batchId, shipmentIds: batch.shipmentIds }, staffId);
  const parcelStatus = async (id: string, as = picker1) => (await pull(as)).parcels.find((p) => p.shipmentId === id)!;
  const admin = (method: 'GET' | 'POST', url: string) => demo.app.inject({ method, url, headers: bearer(demo.adminToken) });

  it('batches the released demo parcels by work shape and sends them in the pull with the settings', async () => {
    const page = await pull(picker1);
    expect(page.pickSettings).toMatchObject({ batchSize: 30, locationScan: 'optional' });
    const multi = batchOf(page.batches, S.pickMultiTopRank);
    expect(multi).toMatchObject({ shape: 'multi', insertCodes: ['L04'], giftCode: null, shipmentIds: MULTI, status: 'open', claimedBy: null });
    expect(batchOf(page.batches, S.pickSingleA)).toMatchObject({ shape: 'single', insertCodes: ['L04'], shipmentIds: SINGLE });
    // Every released parcel is in exactly one batch; nothing else is.
    const released = DEMO_SHIPMENTS.filter((s) => s.status === 'released').map((s) => s.shipmentId).sort();
    expect(page.batches.flatMap((b) => b.shipmentIds).sort()).toEqual(released);
  });

  it('gives a batch claimed by two devices offline to the first to sync, and tells the second who holds it', async () => {
    const multi = batchOf(await openBatches(), S.pickMultiTopRank);
    const first = claim(multi, DEMO_STAFF[0].id);
    const second = claim(multi, DEMO_STAFF[1].id);
    const secondPick = pickEvent('pick.confirmed', { batchId: multi.batchId, productCode: 'SKU-1006', location: 'A-01-01-1', qty: 1, allocations: [{ shipmentId: S.pickMultiTopRank, qty: 1 }] }, DEMO_STAFF[1].id);

    expect(await push([first], picker1)).toEqual([{ id: first.id, status: 'applied' }]);
    const [claimResult, pickResult] = await push([second, secondPick], picker2);
    expect(claimResult).toMatchObject({ status: 'rejected', code: 'batch_taken', detail: { staffName: DEMO_STAFF[0].name, deviceName: 'pick-01' } });
    expect(pickResult).toMatchObject({ status: 'rejected', code: 'batch_not_yours', detail: { staffName: DEMO_STAFF[0].name, deviceName: 'pick-01' } });

    // Both devices now see who holds it; its parcels are being picked.
    const seen = batchOf(await openBatches(picker2), S.pickMultiTopRank);
    expect(seen).toMatchObject({ status: 'claimed', claimedBy: { staffName: DEMO_STAFF[0].name, deviceName: 'pick-01', at: '2026-11-24T10:00:00Z' } });
    for (const id of MULTI) expect((await parcelStatus(id)).status).toBe('picking');
    // A resend is a duplicate, applied once.
    expect(await push([first], picker1)).toEqual([{ id: first.id, status: 'duplicate' }]);
  });

  it('lets exactly one of two simultaneous claims win', async () => {
    const single = batchOf(await openBatches(), S.pickSingleA);
    const [a, b] = await Promise.all([push([claim(single)], picker1), push([claim(single, DEMO_STAFF[1].id)], picker2)]);
    expect([a[0].status, b[0].status].sort()).toEqual(['applied', 'rejected']);
  });

  it('holds the parcels that lose a short pick (欠品), refuses them at packing, and marks the rest picked on completion', async () => {
    const multi = batchOf(await openBatches(), S.pickMultiTopRank);
    const short = pickEvent('pick.short', {
      batchId: multi.batchId,
      productCode: 'SKU-1009',
      location: 'A-03-02-1',
      required: 3,
      found: 2,
      allocations: [
        { shipmentId: S.pickMultiTopRank, qty: 1 },
        { shipmentId: S.pickMultiFirstPurchase, qty: 1 },
        { shipmentId: S.pickMultiNewest, qty: 0 },
      ],
      shortShipmentIds: [S.pickMultiNewest],
    });
    const done = pickEvent('batch.completed', { batchId: multi.batchId, shortShipmentIds: [S.pickMultiNewest] });
    const results = await push([claim(multi), short, done], picker1);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    expect(await parcelStatus(S.pickMultiNewest, picker2)).toMatchObject({ status: 'held', holdReason: '欠品' });
    expect((await parcelStatus(S.pickMultiTopRank)).status).toBe('picked');
    expect((await parcelStatus(S.pickMultiFirstPurchase)).status).toBe('picked');
    expect(batchOf(await openBatches(), S.pickMultiTopRank).status).toBe('completed');
    const [packed] = await push([packedEvent(S.pickMultiNewest)], picker2);
    expect(packed).toMatchObject({ status: 'rejected', code: 'parcel_held', detail: { holdReason: '欠品' } });
    // The console's list: the batch with its short parcel.
    const list = (await admin('GET', '/api/admin/batches?status=completed')).json();
    expect(list.batches).toEqual([expect.objectContaining({ batchId: multi.batchId, shortShipmentIds: [S.pickMultiNewest] })]);
    // A completed batch takes no more picks.
    const [late] = await push([pickEvent('pick.confirmed', { batchId: multi.batchId, productCode: 'SKU-1002', location: 'B-01-04-1', qty: 1, allocations: [] })], picker1);
    expect(late).toMatchObject({ status: 'rejected', code: 'batch_closed' });
  });

  it('applies a whole offline pick-and-pack session sent in one push in order: the parcel its short pick held is refused at packing', async () => {
    const multi = batchOf(await openBatches(), S.pickMultiTopRank);
    const short = pickEvent('pick.short', {
      batchId: multi.batchId,
      productCode: 'SKU-1009',
      location: 'A-03-02-1',
      required: 3,
      found: 2,
      allocations: [
        { shipmentId: S.pickMultiTopRank, qty: 1 },
        { shipmentId: S.pickMultiFirstPurchase, qty: 1 },
        { shipmentId: S.pickMultiNewest, qty: 0 },
      ],
      shortShipmentIds: [S.pickMultiNewest],
    });
    const done = pickEvent('batch.completed', { batchId: multi.batchId, shortShipmentIds: [S.pickMultiNewest] });
    const results = await push([claim(multi), short, done, packedEvent(S.pickMultiTopRank), packedEvent(S.pickMultiNewest)], picker1);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'rejected']);
    expect(results[4]).toMatchObject({ code: 'parcel_held', detail: { holdReason: '欠品' } });
    expect((await parcelStatus(S.pickMultiTopRank, picker2)).status).toBe('packed');
    expect((await parcelStatus(S.pickMultiFirstPurchase, picker2)).status).toBe('picked');
  });

  it('releases a claimed batch on the admin route: parcels back to released, the holder refused from then on', async () => {
    const multi = batchOf(await openBatches(), S.pickMultiTopRank);
    await push([claim(multi)], picker1);
    expect((await admin('POST', `/api/admin/batches/${multi.batchId}/release`)).json()).toMatchObject({ batchId: multi.batchId, status: 'open', claimedBy: null });
    for (const id of MULTI) expect((await parcelStatus(id)).status).toBe('released');
    const [pick] = await push([pickEvent('pick.confirmed', { batchId: multi.batchId, productCode: 'SKU-1006', location: 'A-01-01-1', qty: 1, allocations: [] })], picker1);
    expect(pick).toMatchObject({ status: 'rejected', code: 'batch_not_yours' });
    // Another picker can take it now.
    expect((await push([claim(multi, DEMO_STAFF[1].id)], picker2))[0].status).toBe('applied');
    expect((await admin('POST', '/api/admin/batches/PB999999/release')).statusCode).toBe(404);
    const single = batchOf(await openBatches(), S.pickSingleA);
    expect((await admin('POST', `/api/admin/batches/${single.batchId}/release`)).statusCode).toBe(409);
    expect((await demo.app.inject({ method: 'POST', url: `/api/admin/batches/${multi.batchId}/release` })).statusCode).toBe(401);
  });

  it('rebuilds as parcels arrive without moving a parcel that is being picked, and refuses a claim of a rebuilt batch', async () => {
    const before = await openBatches();
    const multi = batchOf(before, S.pickMultiTopRank);
    const single = batchOf(before, S.pickSingleA);
    await push([claim(multi)], picker1);
    const cursorBefore = (await pull(picker2)).cursor;
    // Two new parcels of the same two shapes arrive (the importer calls rebuildBatches after writing them).
    const template = DEMO_SHIPMENTS.find((s) => s.shipmentId === S.pickMultiNewest)!;
    const singleTemplate = DEMO_SHIPMENTS.find((s) => s.shipmentId === S.pickSingleB)!;
    await demo.database.write(async (tx) => {
      await upsertParcel(tx, DEMO_WAREHOUSE.id, { ...template, shipmentId: 'S0000901', orderDate: '2026-11-24' });
      await upsertParcel(tx, DEMO_WAREHOUSE.id, { ...singleTemplate, shipmentId: 'S0000902', orderDate: '2026-11-24' });
    });
    expect(await rebuildBatches(demo.database, DEMO_WAREHOUSE.id, 30)).toMatchObject({ dissolved: 1, created: 2 });

    const after = await pull(picker2);
    expect(batchOf(after.batches, S.pickMultiTopRank)).toMatchObject({ batchId: multi.batchId, status: 'claimed', shipmentIds: MULTI });
    expect(batchOf(after.batches, 'S0000901')).toMatchObject({ shape: 'multi', shipmentIds: ['S0000901'], status: 'open' });
    // A device that had the old single batch is told to drop it; a new device never hears of it.
    expect((await pull(picker2, cursorBefore)).batches.find((b) => b.batchId === single.batchId)?.status).toBe('dissolved');
    expect(after.batches.find((b) => b.batchId === single.batchId)).toBeUndefined();
    expect(batchOf(after.batches.filter((b) => b.status === 'open'), S.pickSingleA).shipmentIds).toEqual([...SINGLE, 'S0000902']);
    // A device that claimed the old single batch offline is told it changed.
    const [stale] = await push([claim(single, DEMO_STAFF[1].id)], picker2);
    expect(stale).toMatchObject({ status: 'rejected', code: 'batch_changed' });
    // Nothing changed since: nothing is sent again.
    expect((await pull(picker1, after.cursor)).batches).toEqual([]);
  });
});
