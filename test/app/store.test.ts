// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { INITIAL_PACK_STATE, type PackState } from '../../src/shared/flows/pack.js';
import type { EventBody } from '../../src/shared/protocol/events.js';
import { openLocalStore } from '../../src/app/store/db.js';
import { catalogue, dbName, ids, parcel } from '../helpers/fixtures/device.js';

const verifying: PackState = {
  step: 'verifying',
  progress: { shipmentId: 'S0700001', startedAt: '2026-11-24T09:00:00.000Z', counts: { 'P-TEA': 1 }, insertsConfirmed: [], giftConfirmed: false, humanTouchConfirmed: false },
};

function packedEvent(shipmentId = 'S0700001'): EventBody {
  return {
    type: 'parcel.packed',
    payload: {
      shipmentId,
      startedAt: '2026-11-24T09:00:00.000Z',
      items: [{ productCode: 'P-TEA', qty: 2 }],
      insertCodes: [],
      giftCode: null,
      flags: [],
    },
  };
}

const AT = '2026-11-24T09:05:00.000Z';

describe('LocalStore', () => {
  it('starts empty with the initial pack state and cursor 0', async () => {
    const store = await openLocalStore(dbName());
    const boot = await store.loadBoot();
    expect(boot).toMatchObject({ credential: null, session: null, packState: INITIAL_PACK_STATE, catalogue: null, cursor: '0', parcels: [] });
    store.close();
  });

  it('commits the pack state, its outbox events and the packed parcel in one transaction', async () => {
    const name = dbName();
    const store = await openLocalStore(name);
    const packed = { ...parcel(), status: 'packed' as const, packedBy: { staffName: '佐藤', deviceName: 'pack-01', at: AT } };
    const entries = await store.commitPack({
      next: { step: 'awaitSlip', lastPacked: 'S0700001' },
      events: [packedEvent()],
      staffId: 'staff-1',
      at: AT,
      newId: ids(),
      parcels: [packed],
    });
    expect(entries).toHaveLength(1);
    expect(entries[0].event).toMatchObject({ id: entries[0].id, deviceSeq: 1, staffId: 'staff-1', at: AT, type: 'parcel.packed' });
    store.close();

    // Reopen: everything survived, as after a reload.
    const again = await openLocalStore(name);
    const boot = await again.loadBoot();
    expect(boot.packState).toEqual({ step: 'awaitSlip', lastPacked: 'S0700001' });
    expect(boot.parcels[0]).toMatchObject({ shipmentId: 'S0700001', status: 'packed', packedBy: { staffName: '佐藤' } });
    expect(await again.outboxCounts()).toEqual({ pending: 1, rejected: 0, synced: 0 });
    again.close();
  });

  it('stores a state change with no events without touching deviceSeq', async () => {
    const store = await openLocalStore(dbName());
    const entries = await store.commitPack({ next: verifying, events: [], staffId: 'staff-1', at: AT, newId: ids() });
    expect(entries).toEqual([]);
    expect((await store.loadBoot()).packState).toEqual(verifying);
    expect(await store.getMeta('deviceSeq')).toBeUndefined();
    store.close();
  });

  it('increments deviceSeq per event across commits', async () => {
    const store = await openLocalStore(dbName());
    const newId = ids();
    const seqs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const entries = await store.commitPack({
        next: INITIAL_PACK_STATE,
        events: [packedEvent(`S070000${i}`), packedEvent(`S070001${i}`)],
        staffId: 'staff-1',
        at: AT,
        newId,
      });
      seqs.push(...entries.map((e) => e.deviceSeq));
    }
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await store.getMeta('deviceSeq')).toBe(6);
    expect((await store.pendingBatch(10)).map((e) => e.deviceSeq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await store.pendingBatch(4)).map((e) => e.deviceSeq)).toEqual([1, 2, 3, 4]);
    store.close();
  });

  it('an aborted transaction leaves neither the state nor the event nor the parcel', async () => {
    const store = await openLocalStore(dbName());
    const sameId = () => '00000000-0000-4000-8000-000000000001';
    await store.commitPack({ next: verifying, events: [packedEvent('S0700009')], staffId: 'staff-1', at: AT, newId: sameId });
    // The same event id again: the outbox add fails and the whole transaction must roll back.
    await expect(
      store.commitPack({
        next: { step: 'awaitSlip', lastPacked: 'S0700001' },
        events: [packedEvent()],
        staffId: 'staff-1',
        at: AT,
        newId: sameId,
        parcels: [{ ...parcel(), status: 'packed' }],
      }),
      // The failed write's own error: the storage dialog names it.
    ).rejects.toMatchObject({ name: 'ConstraintError' });
    const boot = await store.loadBoot();
    expect(boot.packState).toEqual(verifying);
    expect(boot.parcels).toEqual([]);
    expect(await store.getMeta('deviceSeq')).toBe(1);
    expect(await store.outboxCounts()).toEqual({ pending: 1, rejected: 0, synced: 0 });
    store.close();
  });

  it('a state that cannot be stored rejects the commit and keeps the last one', async () => {
    const store = await openLocalStore(dbName());
    await store.commitPack({ next: verifying, events: [], staffId: 'staff-1', at: AT, newId: ids() });
    const unclonable = { ...verifying, progress: { ...verifying.progress, startedAt: (() => 'x') as unknown as string } };
    await expect(store.commitPack({ next: unclonable, events: [], staffId: 'staff-1', at: AT, newId: ids() })).rejects.toMatchObject({ name: 'DataCloneError' });
    // The same with an event (the write is issued after reading the device sequence): no event, no state.
    await expect(store.commitPack({ next: unclonable, events: [packedEvent()], staffId: 'staff-1', at: AT, newId: ids() })).rejects.toMatchObject({
      name: 'DataCloneError',
    });
    expect((await store.loadBoot()).packState).toEqual(verifying);
    expect(await store.outboxCounts()).toEqual({ pending: 0, rejected: 0, synced: 0 });
    expect(await store.getMeta('deviceSeq')).toBeUndefined();
    store.close();
  });

  it('applies a pull page atomically: catalogue, parcels and cursor together', async () => {
    const store = await openLocalStore(dbName());
    await store.applyPullPage({ cursor: '10', more: true, catalogue, parcels: [parcel('S0700001')] });
    let boot = await store.loadBoot();
    expect(boot.cursor).toBe('10');
    expect(boot.catalogue?.staff[0].code).toBe('ST001');
    expect(boot.parcels.map((p) => p.shipmentId)).toEqual(['S0700001']);

    // A page whose second parcel cannot be stored: nothing of it may land, the cursor stays.
    const broken = { ...parcel('S0700003'), customerName: (() => 'x') as unknown as string };
    await expect(store.applyPullPage({ cursor: '20', more: false, catalogue: null, parcels: [parcel('S0700002'), broken] })).rejects.toThrow();
    boot = await store.loadBoot();
    expect(boot.cursor).toBe('10');
    expect(boot.parcels.map((p) => p.shipmentId)).toEqual(['S0700001']);
    store.close();
  });

  it('a pull does not reopen a parcel packed here whose event is still pending, but a synced one follows the server', async () => {
    const store = await openLocalStore(dbName());
    await store.applyPullPage({ cursor: '1', more: false, catalogue, parcels: [parcel('S0700001'), parcel('S0700002')] });
    const packedBy = { staffName: '佐藤', deviceName: 'pack-01', at: AT };
    const [entry] = await store.commitPack({
      next: INITIAL_PACK_STATE,
      events: [packedEvent('S0700001')],
      staffId: 'staff-1',
      at: AT,
      newId: ids(),
      parcels: [{ ...parcel('S0700001'), status: 'packed', packedBy }],
    });
    const stored = await store.applyPullPage({ cursor: '2', more: false, catalogue: null, parcels: [parcel('S0700001', { customerName: '山田 花' })] });
    expect(stored[0]).toMatchObject({ status: 'packed', packedBy, customerName: '山田 花' });

    await store.applyPushResults([{ id: entry.id, status: 'applied' }], AT);
    const after = await store.applyPullPage({ cursor: '3', more: false, catalogue: null, parcels: [parcel('S0700001', { status: 'held', holdReason: 'fraud' })] });
    expect(after[0].status).toBe('held');
    store.close();
  });

  it('marks applied and duplicate events synced and keeps rejected ones with their reason', async () => {
    const store = await openLocalStore(dbName());
    const entries = await store.commitPack({
      next: INITIAL_PACK_STATE,
      events: [packedEvent('S0700001'), packedEvent('S0700002'), packedEvent('S0700003'), packedEvent('S0700004')],
      staffId: 'staff-1',
      at: AT,
      newId: ids(),
    });
    const [a, b, c] = entries;
    await store.applyPushResults(
      [
        { id: a.id, status: 'applied' },
        { id: b.id, status: 'duplicate' },
        { id: c.id, status: 'rejected', code: 'already_packed', message: 'already packed', detail: { staffName: '鈴木', deviceName: 'pack-02', at: AT } },
      ],
      '2026-11-24T10:00:00.000Z',
    );
    expect(await store.outboxCounts()).toEqual({ pending: 1, rejected: 1, synced: 2 });
    const [rejected] = await store.listOutbox('rejected');
    expect(rejected).toMatchObject({ id: c.id, status: 'rejected', rejection: { code: 'already_packed', detail: { staffName: '鈴木' } } });
    expect((await store.pendingBatch(10)).map((e) => e.id)).toEqual([entries[3].id]);
    // Rejected events are never purged; old synced ones are.
    expect(await store.purgeSynced('2026-11-25T00:00:00.000Z')).toBe(2);
    expect(await store.outboxCounts()).toEqual({ pending: 1, rejected: 1, synced: 0 });
    store.close();
  });

  it('keeps the credential and session across reopen until deleted', async () => {
    const name = dbName();
    const store = await openLocalStore(name);
    await store.setMeta('credential', { deviceId: 'd1', deviceName: 'pack-01', token: 't', warehouseId: 'w1', warehouseName: '東京', enrolledAt: AT });
    await store.setMeta('session', { staffId: 'staff-1', code: 'ST001', name: '佐藤', signedInAt: AT });
    store.close();
    const again = await openLocalStore(name);
    expect((await again.loadBoot()).session?.code).toBe('ST001');
    await again.deleteMeta('session');
    const boot = await again.loadBoot();
    expect(boot.session).toBeNull();
    expect(boot.credential?.token).toBe('t');
    again.close();
  });
});
