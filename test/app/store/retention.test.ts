// @vitest-environment node
/** Customer data on a shared handheld: revocation wipe and the retention purge. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { INITIAL_PACK_STATE } from '../../../src/shared/flows/pack-state.js';
import { loadBoot } from '../../../src/app/store/boot.js';
import { commitFlow } from '../../../src/app/store/flow-commit.js';
import { openLocalStore } from '../../../src/app/store/local-store.js';
import { setMeta } from '../../../src/app/store/meta.js';
import { applyPushResults } from '../../../src/app/store/outbox-push.js';
import { listOutbox } from '../../../src/app/store/outbox-lookups.js';
import { applyPullPage } from '../../../src/app/store/pull-page.js';
import { purgePackedParcels } from '../../../src/app/store/retention.js';
import { wipeCustomerData } from '../../../src/app/store/wipe.js';
import { catalogue, dbName, ids, parcel } from '../../helpers/fixtures/device.js';
import { packedEvent } from './events.js';

const AT = '2026-11-24T09:05:00.000Z';
const packed = (shipmentId: string) => packedEvent(shipmentId, AT);
const credential = { deviceId: 'dev-1', deviceName: 'pack-01', token: 'tok', warehouseId: 'WH1', warehouseName: '東京DC', enrolledAt: AT };

describe('wipe (revocation or "wipe this device")', () => {
  it('removes customer data and the enrolment but keeps unsent and refused events, and the sequence', async () => {
    const store = await openLocalStore(dbName());
    const newId = ids();
    await setMeta(store, 'credential', credential);
    await setMeta(store, 'session', { staffId: 'staff-1', code: 'ST001', name: '佐藤', signedInAt: AT });
    await applyPullPage(store, { cursor: '9', more: false, catalogue, parcels: [parcel('S1'), parcel('S2'), parcel('S3')] });
    const entries = await commitFlow(store, 'packState', { next: INITIAL_PACK_STATE, events: [packed('S1'), packed('S2'), packed('S3')], staffId: 'staff-1', at: AT, newId });
    await applyPushResults(
      store,
      [
        { id: entries[0].id, status: 'applied' },
        { id: entries[1].id, status: 'rejected', code: 'parcel_held', message: 'held' },
      ],
      AT,
    );

    expect(await wipeCustomerData(store)).toEqual({ parcels: 3, keptEvents: 2 });
    const boot = await loadBoot(store);
    expect(boot).toMatchObject({ credential: null, session: null, catalogue: null, parcels: [], cursor: '0', lastSyncAt: null, packState: INITIAL_PACK_STATE });
    expect((await listOutbox(store, 'pending')).map((e) => e.subject)).toEqual(['parcel:S3']);
    expect((await listOutbox(store, 'rejected')).map((e) => e.subject)).toEqual(['parcel:S2']);
    expect(await listOutbox(store, 'synced')).toEqual([]);
    // Work recorded after re-enrolment continues the sequence: the server sees no restart.
    const [next] = await commitFlow(store, 'packState', { next: INITIAL_PACK_STATE, events: [packed('S4')], staffId: 'staff-1', at: AT, newId });
    expect(next.deviceSeq).toBe(4);
  });
});

describe('retention of packed parcels', () => {
  it('purges parcels packed and synced before the window, keeps the rest, and names those it removed', async () => {
    const store = await openLocalStore(dbName());
    const old = { staffName: '佐藤', deviceName: 'pack-01', at: '2026-11-22T09:00:00.000Z' };
    const recent = { ...old, at: '2026-11-24T08:00:00.000Z' };
    await applyPullPage(store, {
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
    await commitFlow(store, 'packState', { next: INITIAL_PACK_STATE, events: [packed('OLD-UNSENT')], staffId: 'staff-1', at: AT, newId: ids() });

    const removed = await purgePackedParcels(store, '2026-11-23T09:05:00.000Z');
    expect(removed).toHaveLength(2);
    expect(removed.sort()).toEqual(['OLD-SYNCED', 'SHIPPED']);
    const left = (await loadBoot(store)).parcels.map((p) => p.shipmentId).sort();
    expect(left).toEqual(['HELD', 'OLD-UNSENT', 'OPEN', 'RECENT']);
  });
});
