// @vitest-environment node
/** Return receipts on the device: the same strict commit path as packing, restore after reload, order-number receipts, aborts, search. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { INITIAL_LOAD_STATE } from '../../../src/shared/flows/load-state.js';
import { INITIAL_PACK_STATE } from '../../../src/shared/flows/pack-state.js';
import { INITIAL_RETURN_STATE } from '../../../src/shared/flows/return-state.js';
import type { Parcel } from '../../../src/shared/domain/parcel.js';
import { searchReturnParcels } from '../../../src/app/returns/search-parcels.js';
import { loadBoot } from '../../../src/app/store/boot.js';
import { openLocalStore, type LocalStore } from '../../../src/app/store/local-store.js';
import { pendingForPush } from '../../../src/app/store/outbox-push.js';
import { returnedShipments } from '../../../src/app/store/outbox-lookups.js';
import { catalogue, CUP_JAN, dbName, parcel, TEA_JAN } from '../../helpers/fixtures/device.js';
import { makeSessions, settled } from '../flow/sessions.js';

const NOW = '2026-11-30T09:00:00.000Z';
const withReasons = { ...catalogue, returnReasons: [{ code: 'R01', label: 'サイズ違い', labelEn: 'Wrong size', sortOrder: 1 }] };
const shipped = parcel('S0700001', { status: 'shipped', orderNumber: '202611300001', customerReturnCount: 0 });

/** The device's returns session over `store`, restored from `boot` when given. */
async function session(store: LocalStore, parcels: Parcel[] = [shipped], returnState = INITIAL_RETURN_STATE) {
  const rested = { packState: INITIAL_PACK_STATE, pickState: { step: 'idle' as const, last: null }, returnState, loadState: INITIAL_LOAD_STATE };
  return makeSessions({ store, catalogue: withReasons, parcels, rested, now: NOW }).flows.load('returns');
}

describe('returns session on the device store', () => {
  it('saves the receipt state and its return.received event in the same strict commit path as packing, and both survive a reopen', async () => {
    const name = dbName();
    const store = await openLocalStore(name);
    const s = await session(store);
    for (const action of [
      { type: 'scan', text: 'S0700001' },
      { type: 'scan', text: TEA_JAN },
      { type: 'setCondition', unit: 0, condition: 'opened' },
      { type: 'setReason', unit: 0, reasonCode: 'R01' },
    ] as const) {
      s.dispatch(action);
      await settled(s);
    }
    expect(s.saveState).toBe('saved');
    store.close();

    // A reload mid-receipt brings the receipt back exactly as it was, and leaves packing alone.
    const reopened = await openLocalStore(name);
    const boot = await loadBoot(reopened);
    expect(boot.packState).toEqual(INITIAL_PACK_STATE);
    expect(boot.returnState).toMatchObject({ step: 'receiving', progress: { shipmentId: 'S0700001', units: [{ productCode: 'P-TEA', condition: 'opened', reasonCode: 'R01' }] } });

    const again = await session(reopened, [shipped], boot.returnState);
    again.dispatch({ type: 'save' });
    await settled(again);
    const [entry] = (await pendingForPush(reopened, 10)).entries;
    expect(entry).toMatchObject({ subject: 'parcel:S0700001', status: 'pending', deviceSeq: 1, event: { type: 'return.received', staffId: 'staff-1', at: NOW } });
    expect(entry.event.type === 'return.received' && entry.event.payload.items).toEqual([
      { productCode: 'P-TEA', qty: 1, condition: 'opened', reasonCode: 'R01' },
      { productCode: 'P-TEA', qty: 1, condition: 'missing', reasonCode: null },
      { productCode: 'P-CUP', qty: 1, condition: 'missing', reasonCode: null },
    ]);
    expect((await loadBoot(reopened)).returnState).toEqual({ step: 'find', lastSaved: 'S0700001' });
    expect(await returnedShipments(reopened)).toEqual(['S0700001']);
    // After another reload the returns screen still refuses to log the same parcel twice.
    const later = await session(reopened);
    later.dispatch({ type: 'scan', text: 'S0700001' });
    expect(later.feedback).toMatchObject({ tone: 'error', message: { key: 'return.slip.already' } });
    reopened.close();
  });

  it('keys a receipt logged by order number under that order in the outbox', async () => {
    const store = await openLocalStore(dbName());
    const s = await session(store, []);
    for (const action of [
      { type: 'openByOrder', orderNumber: '202611309999' },
      { type: 'scan', text: CUP_JAN },
      { type: 'setReason', unit: 0, reasonCode: 'R01' },
      { type: 'save' },
    ] as const) {
      s.dispatch(action);
      await settled(s);
    }
    expect(((await pendingForPush(store, 10)).entries).map((e) => e.subject)).toEqual(['order:202611309999']);
    store.close();
  });

  it('shows nothing "saved" and goes back to the last committed state when the commit aborts', async () => {
    // A connection closed under the app (another tab upgraded the database) refuses every write.
    const store = await openLocalStore(dbName());
    const s = await session(store);
    store.close();
    s.dispatch({ type: 'scan', text: 'S0700001' });
    await settled(s);
    expect(s.saveState).toBe('error');
    expect(s.failure?.reason).toBe('InvalidStateError');
    expect(s.state).toEqual(INITIAL_RETURN_STATE);
  });
});

describe('searching parcels to return', () => {
  const parcels = [
    parcel('S0700001', { status: 'shipped', orderNumber: '202611300001', customerName: '岡田 美和' }),
    parcel('S0700002', { status: 'released', orderNumber: '202611300002', customerName: '岡田 美和' }),
    parcel('S0700003', { status: 'packed', orderNumber: '202611300003', customerName: '山田 花子' }),
  ];
  it.each([
    { query: '岡田美和', ids: ['S0700001', 'S0700002'] },
    { query: '202611300003', ids: ['S0700003'] },
    { query: '2026113000', ids: ['S0700001', 'S0700003', 'S0700002'] },
    { query: '鈴木', ids: [] },
    { query: '2', ids: [] },
  ])('"$query" finds $ids, shipped parcels first', ({ query, ids: expected }) => {
    expect(searchReturnParcels(parcels, query).map((p) => p.shipmentId)).toEqual(expected);
  });
});
