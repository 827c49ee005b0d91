// @vitest-environment node
/** Customer data on a shared handheld: revocation wipe, retention purge, no PII stored, upgrade hand-over. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { INITIAL_PACK_STATE } from '../../src/shared/flows/pack.js';
import type { EventBody } from '../../src/shared/protocol/events.js';
import { openLocalStore } from '../../src/app/store/db.js';
import { createApiClient } from '../../src/app/sync/api.js';
import { pullAll } from '../../src/app/sync/pull.js';
import { catalogue, dbName, ids, parcel } from '../helpers/fixtures/device.js';

const AT = '2026-11-24T09:05:00.000Z';
const packed = (shipmentId: string): EventBody => ({
  type: 'parcel.packed',
  payload: { shipmentId, startedAt: AT, items: [{ productCode: 'P-TEA', qty: 2 }], insertCodes: [], giftCode: null, flags: [] },
});
const credential = { deviceId: 'dev-1', deviceName: 'pack-01', token: 'tok', warehouseId: 'WH1', warehouseName: '東京DC', enrolledAt: AT };

describe('wipe (revocation or "wipe this device")', () => {
  it('removes customer data and the enrolment but keeps unsent and refused events, and the sequence', async () => {
    const store = await openLocalStore(dbName());
    const newId = ids();
    await store.setMeta('credential', credential);
    await store.setMeta('session', { staffId: 'staff-1', code: 'ST001', name: '佐藤', signedInAt: AT });
    await store.applyPullPage({ cursor: '9', more: false, catalogue, parcels: [parcel('S1'), parcel('S2'), parcel('S3')] });
    const entries = await store.commitPack({ next: INITIAL_PACK_STATE, events: [packed('S1'), packed('S2'), packed('S3')], staffId: 'staff-1', at: AT, newId });
    await store.applyPushResults(
      [
        { id: entries[0].id, status: 'applied' },
        { id: entries[1].id, status: 'rejected', code: 'parcel_held', message: 'held' },
      ],
      AT,
    );

    expect(await store.wipeCustomerData()).toEqual({ parcels: 3, keptEvents: 2 });
    const boot = await store.loadBoot();
    expect(boot).toMatchObject({ credential: null, session: null, catalogue: null, parcels: [], cursor: '0', lastSyncAt: null, packState: INITIAL_PACK_STATE });
    expect((await store.listOutbox('pending')).map((e) => e.shipmentId)).toEqual(['S3']);
    expect((await store.listOutbox('rejected')).map((e) => e.shipmentId)).toEqual(['S2']);
    expect(await store.listOutbox('synced')).toEqual([]);
    // Work recorded after re-enrolment continues the sequence: the server sees no restart.
    const [next] = await store.commitPack({ next: INITIAL_PACK_STATE, events: [packed('S4')], staffId: 'staff-1', at: AT, newId });
    expect(next.deviceSeq).toBe(4);
  });
});

describe('retention of packed parcels', () => {
  it('purges parcels packed and synced before the window, and keeps the rest', async () => {
    const store = await openLocalStore(dbName());
    const old = { staffName: '佐藤', deviceName: 'pack-01', at: '2026-11-22T09:00:00.000Z' };
    const recent = { ...old, at: '2026-11-24T08:00:00.000Z' };
    await store.applyPullPage({
      cursor: '5',
      more: false,
      catalogue: null,
      parcels: [
        parcel('OLD-SYNCED', { status: 'packed', packedBy: old }),
        parcel('OLD-UNSENT', { status: 'packed', packedBy: old }),
        parcel('RECENT', { status: 'packed', packedBy: recent }),
        parcel('SHIPPED', { status: 'shipped', packedBy: old }),
        parcel('OPEN', { status: 'picked' }),
        parcel('HELD', { status: 'held', holdReason: 'x' }),
      ],
    });
    await store.commitPack({ next: INITIAL_PACK_STATE, events: [packed('OLD-UNSENT')], staffId: 'staff-1', at: AT, newId: ids() });

    expect(await store.purgePackedParcels('2026-11-23T09:05:00.000Z')).toBe(2);
    const left = (await store.loadBoot()).parcels.map((p) => p.shipmentId).sort();
    expect(left).toEqual(['HELD', 'OLD-UNSENT', 'OPEN', 'RECENT']);
  });
});

describe('what the device stores about customers', () => {
  it('keeps only display name, rank and flags, even when a reply carries e-mail, address or phone', async () => {
    const store = await openLocalStore(dbName());
    const leaky = { ...parcel('S1'), customerEmail: 'a@example.jp', address: '東京都千代田区1-1', phone: '03-0000-0000' };
    const fetch = async () => new Response(JSON.stringify({ cursor: '1', more: false, catalogue: null, parcels: [leaky] }), { status: 200, headers: { 'content-type': 'application/json' } });
    await pullAll(createApiClient({ fetch, getToken: () => 'tok' }), store);
    const [stored] = (await store.loadBoot()).parcels;
    expect(stored).toMatchObject({ customerName: '山田 花子', rankCode: 'G', flags: [] });
    expect(JSON.stringify(stored)).not.toMatch(/example\.jp|千代田|03-0000|mail|address|phone/i);
  });
});

describe('a newer version of the app upgrading the database', () => {
  it('lets the upgrade through: the old connection closes and says to reload', async () => {
    const name = dbName();
    let told = 0;
    const store = await openLocalStore(name, { onVersionChange: () => (told += 1) });
    await store.setMeta('cursor', '7');
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 99);
      req.onblocked = () => reject(new Error('blocked by the old connection'));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    expect(told).toBe(1);
    upgraded.close();
  });
});
