// @vitest-environment node
/** Picking on the device: the strict commit of state + outbox, restore after reload, pulled batches, and dropping a lost batch. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { indexCatalogue } from '../../src/shared/domain/catalogue-index.js';
import type { Parcel } from '../../src/shared/domain/parcel.js';
import { INITIAL_PICK_STATE, type PickState } from '../../src/shared/flows/pick.js';
import { DEFAULT_PICK_SETTINGS } from '../../src/shared/picking/pick-settings.js';
import type { PickBatch } from '../../src/shared/protocol/pick.js';
import { PickBatches } from '../../src/app/pick/pick-batches.js';
import { Picking } from '../../src/app/pick/picking.js';
import { loadBoot } from '../../src/app/store/boot.js';
import { openLocalStore, type LocalStore } from '../../src/app/store/local-store.js';
import { applyPushResults, pendingForPush } from '../../src/app/store/outbox.js';
import { applyPullPage } from '../../src/app/store/pull-page.js';
import { DEMO_CATALOGUE, DEMO_PARCELS, DEMO_PRODUCTS, DEMO_SCENARIOS as S } from '../../src/server/demo/demo-data.js';
import { dbName } from '../helpers/fixtures/device.js';

const index = indexCatalogue(DEMO_CATALOGUE);
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

/** Waits until the session has written everything it was given. */
async function settled(picking: Picking): Promise<void> {
  for (let i = 0; i < 100 && (picking.session.busy || picking.session.saveState === 'saving'); i++) await new Promise((r) => setTimeout(r, 5));
}

function makePicking(store: LocalStore, initial: PickState = INITIAL_PICK_STATE, batches: PickBatch[] = [batch]) {
  const parcels = new Map<string, Parcel>(DEMO_PARCELS.map((p) => [p.shipmentId, p]));
  let n = 0;
  const pulled = new PickBatches(batches, DEFAULT_PICK_SETTINGS);
  const picking = new Picking(initial, pulled, {
    store,
    index: () => index,
    findParcel: (id) => parcels.get(id),
    deviceId: () => 'dev-1',
    identity: () => ({ staffId: 'staff-001', staffName: '佐藤 美咲', deviceName: 'pick-01' }),
    onFeedback: () => undefined,
    onCommitted: (changed) => {
      for (const p of changed) parcels.set(p.shipmentId, p);
    },
    onChange: () => undefined,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  });
  return { picking, parcels, pulled };
}

describe('picking on the device', () => {
  it('commits each pick with its outbox events, and a reload brings the batch back where it was', async () => {
    const name = dbName();
    const store = await openLocalStore(name);
    const { picking } = makePicking(store);
    picking.session.dispatch({ type: 'claim', batchId: 'PB7' });
    picking.session.dispatch({ type: 'scan', text: jan('SKU-1006') });
    picking.session.dispatch({ type: 'scan', text: jan('SKU-1004') });
    await settled(picking);
    expect(picking.batches.get('PB7')?.claimedBy?.deviceId).toBe('dev-1');
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
    const { picking, parcels } = makePicking(store);
    for (const action of [
      { type: 'claim', batchId: 'PB7' },
      { type: 'scan', text: jan('SKU-1006') },
      { type: 'scan', text: jan('SKU-1004') },
      { type: 'setQty', qty: 2 },
      { type: 'scan', text: jan('SKU-1009') },
      { type: 'short', found: 1 },
    ] as const)
      picking.session.dispatch(action);
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
    const { picking } = makePicking(store);
    picking.session.dispatch({ type: 'claim', batchId: 'PB7' });
    await settled(picking);
    const [claim] = (await pendingForPush(store, 1)).entries;
    await applyPushResults(store, [{ id: claim.id, status: 'rejected', code: 'batch_taken', message: 'taken', detail: { staffName: other.staffName, deviceName: other.deviceName, at: other.at } }], '2026-11-24T09:10:00Z');
    await picking.reconcile([{ event: claim.event, rejection: { code: 'batch_taken', message: 'taken', detail: { staffName: other.staffName, deviceName: other.deviceName, at: other.at } } }]);
    await settled(picking);
    expect(picking.session.state).toMatchObject({ step: 'idle', last: { batchId: 'PB7', outcome: 'lost', holder: { staffName: other.staffName, deviceName: 'pick-02' } } });
    expect(picking.session.feedback).toMatchObject({ tone: 'error', message: { key: 'pick.batch.lost', params: { staff: other.staffName, device: 'pick-02' } } });
    expect((await loadBoot(store)).pickState.step).toBe('idle');
    store.close();
  });

  it('after a pull, drops a batch now held by another device or released, unless its events are still waiting to be sent', async () => {
    const store = await openLocalStore(dbName());
    const { picking, pulled } = makePicking(store);
    picking.session.dispatch({ type: 'claim', batchId: 'PB7' });
    await settled(picking);
    // The claim has not reached the server yet: a pull showing the batch open changes nothing.
    pulled.onPullPage({ cursor: '9', more: false, catalogue: null, parcels: [], batches: [batch] });
    await picking.reconcile([]);
    expect(picking.session.state.step).toBe('picking');
    // Once sent, a pull showing someone else holding it stops the picker.
    const [claim] = (await pendingForPush(store, 1)).entries;
    await applyPushResults(store, [{ id: claim.id, status: 'applied' }], '2026-11-24T09:10:00Z');
    pulled.onPullPage({ cursor: '10', more: false, catalogue: null, parcels: [], batches: [{ ...batch, status: 'claimed', claimedBy: other }] });
    await picking.reconcile([]);
    await settled(picking);
    expect(picking.session.state).toMatchObject({ step: 'idle', last: { outcome: 'lost', holder: other } });
    store.close();
  });
});
