// @vitest-environment node
/** Picking on the device: the strict commit of state + outbox, restore after reload, pulled batches, and dropping a lost batch. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PICK_SETTINGS } from '../../../src/shared/picking/pick-settings.js';
import type { PickBatch } from '../../../src/shared/protocol/pick.js';
import { reconcileBatchInHand } from '../../../src/app/pick/reconcile-batch.js';
import { loadBoot } from '../../../src/app/store/boot.js';
import { openLocalStore, type LocalStore } from '../../../src/app/store/local-store.js';
import { applyPushResults, pendingForPush } from '../../../src/app/store/outbox-push.js';
import { applyPullPage } from '../../../src/app/store/pull-page.js';
import { DEMO_CATALOGUE, DEMO_PARCELS, DEMO_PRODUCTS, DEMO_SCENARIOS as S } from '../../../src/server/demo/demo-data.js';
import { dbName } from '../../helpers/fixtures/device.js';
import { makeSessions, settled } from '../flow/sessions.js';

const jan = (code: string) => DEMO_PRODUCTS.find((p) => p.code === code)!.barcodes[0];
const batch: PickBatch = {
  batchId: 'PB7',
  shape: 'multi',
  insertCodes: ['L04'],
  giftCode: null,
  shipmentIds: [S.pickMultiTopRank, S.pickMultiFirstPurchase, S.pickMultiNewest],
  status: 'open',
  claimedBy: null,
  createdAt: '2026-11-24T08:00:00Z',
};
const other = { staffId: 'staff-002', staffName: '鈴木 健太', deviceId: 'dev-2', deviceName: 'pick-02', at: '2026-11-24T08:59:00Z' };

/** The device's pick session over `store`, with the demo parcels and one open batch. */
async function makePicking(store: LocalStore) {
  const { app, flows } = makeSessions({ store, catalogue: DEMO_CATALOGUE, parcels: DEMO_PARCELS, batches: [batch] });
  const session = await flows.load('pick');
  return { session, app, parcels: app.parcels, reconcile: (rejections: Parameters<typeof reconcileBatchInHand>[3]) => reconcileBatchInHand(session, app, store, rejections) };
}

describe('picking on the device', () => {
  it('commits each pick with its outbox events, and a reload brings the batch back where it was', async () => {
    const name = dbName();
    const store = await openLocalStore(name);
    const { session: picking, app } = await makePicking(store);
    picking.dispatch({ type: 'claim', batchId: 'PB7' });
    picking.dispatch({ type: 'scan', text: jan('SKU-1006') });
    picking.dispatch({ type: 'scan', text: jan('SKU-1004') });
    await settled(picking);
    expect(app.batches.byId.get('PB7')?.claimedBy?.deviceId).toBe('dev-1');
    const pending = (await pendingForPush(store, 10)).entries;
    expect(pending.map((e) => [e.event.type, e.subject, e.deviceSeq])).toEqual([
      ['batch.claimed', 'batch:PB7', 1],
      ['pick.confirmed', 'batch:PB7', 2],
    ]);
    store.close();

    const reopened = await openLocalStore(name);
    const boot = await loadBoot(reopened);
    expect(boot.pickState).toMatchObject({ step: 'picking', progress: { batchId: 'PB7', counts: { 'SKU-1004': 1 }, done: { 'SKU-1006': { picked: 1, short: false } } } });
    reopened.close();
  });

  it('marks short parcels held and the others picked on this device when the batch completes', async () => {
    const store = await openLocalStore(dbName());
    const { session: picking, parcels } = await makePicking(store);
    for (const action of [
      { type: 'claim', batchId: 'PB7' },
      { type: 'scan', text: jan('SKU-1006') },
      { type: 'scan', text: jan('SKU-1004') },
      { type: 'setQty', qty: 2 },
      { type: 'scan', text: jan('SKU-1009') },
      { type: 'short', found: 1 },
    ] as const)
      picking.dispatch(action);
    await settled(picking);
    // Found 1 of 3: the newest order loses first, then the next newest; the oldest (rank D) gets it.
    expect(parcels.get(S.pickMultiNewest)).toMatchObject({ status: 'held', holdReason: '欠品' });
    expect(parcels.get(S.pickMultiFirstPurchase)).toMatchObject({ status: 'held', holdReason: '欠品' });
    expect(parcels.get(S.pickMultiTopRank)?.status).toBe('picked');
    const boot = await loadBoot(store);
    expect(boot.parcels.find((p) => p.shipmentId === S.pickMultiNewest)?.status).toBe('held');
    expect(boot.pickState).toMatchObject({ step: 'idle', last: { outcome: 'completed' } });
    store.close();
  });

  it('keeps pulled batches a picker can act on and drops completed and dissolved ones', async () => {
    const store = await openLocalStore(dbName());
    await applyPullPage(store, { cursor: '5', more: false, catalogue: null, parcels: [], batches: [batch, { ...batch, batchId: 'PB8' }], pickSettings: { ...DEFAULT_PICK_SETTINGS, locationScan: 'required' } });
    await applyPullPage(store, { cursor: '6', more: false, catalogue: null, parcels: [], batches: [{ ...batch, batchId: 'PB8', status: 'dissolved' }] });
    const boot = await loadBoot(store);
    expect(boot.batches.map((b) => b.batchId)).toEqual(['PB7']);
    expect(boot.pickSettings.locationScan).toBe('required');
    store.close();
  });

  it('stops picking a batch another device claimed first and names who holds it', async () => {
    const store = await openLocalStore(dbName());
    const { session: picking, reconcile } = await makePicking(store);
    picking.dispatch({ type: 'claim', batchId: 'PB7' });
    await settled(picking);
    const [claim] = (await pendingForPush(store, 1)).entries;
    await applyPushResults(store, [{ id: claim.id, status: 'rejected', code: 'batch_taken', message: 'taken', detail: { staffName: other.staffName, deviceName: other.deviceName, at: other.at } }], '2026-11-24T09:10:00Z');
    await reconcile([{ event: claim.event, rejection: { code: 'batch_taken', message: 'taken', detail: { staffName: other.staffName, deviceName: other.deviceName, at: other.at } } }]);
    await settled(picking);
    expect(picking.state).toMatchObject({ step: 'idle', last: { batchId: 'PB7', outcome: 'lost', holder: { staffName: other.staffName, deviceName: 'pick-02' } } });
    expect(picking.feedback).toMatchObject({ tone: 'error', message: { key: 'pick.batch.lost', params: { staff: other.staffName, device: 'pick-02' } } });
    expect((await loadBoot(store)).pickState.step).toBe('idle');
    store.close();
  });

  it('after a pull, drops a batch now held by another device or released, unless its events are still waiting to be sent', async () => {
    const store = await openLocalStore(dbName());
    const { session: picking, app, reconcile } = await makePicking(store);
    picking.dispatch({ type: 'claim', batchId: 'PB7' });
    await settled(picking);
    // The claim has not reached the server yet: a pull showing the batch open changes nothing.
    app.batches.onPullPage({ cursor: '9', more: false, catalogue: null, parcels: [], batches: [batch] });
    await reconcile([]);
    expect(picking.state.step).toBe('picking');
    // Once sent, a pull showing someone else holding it stops the picker.
    const [claim] = (await pendingForPush(store, 1)).entries;
    await applyPushResults(store, [{ id: claim.id, status: 'applied' }], '2026-11-24T09:10:00Z');
    app.batches.onPullPage({ cursor: '10', more: false, catalogue: null, parcels: [], batches: [{ ...batch, status: 'claimed', claimedBy: other }] });
    await reconcile([]);
    await settled(picking);
    expect(picking.state).toMatchObject({ step: 'idle', last: { outcome: 'lost', holder: other } });
    store.close();
  });
});
