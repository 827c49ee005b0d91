// @vitest-environment node
/** The one commit path of the flow screens: state, events and parcels in one strict transaction, all or nothing. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { INITIAL_PACK_STATE, type PackState } from '../../../src/shared/flows/pack-state.js';
import { loadBoot } from '../../../src/app/store/boot.js';
import { commitFlow } from '../../../src/app/store/flow-commit.js';
import { openLocalStore } from '../../../src/app/store/local-store.js';
import { getMeta } from '../../../src/app/store/meta.js';
import { outboxCounts } from '../../../src/app/store/outbox.js';
import { pendingForPush } from '../../../src/app/store/outbox-push.js';
import { dbName, ids, parcel } from '../../helpers/fixtures/device.js';
import { packedEvent } from './events.js';

const verifying: PackState = {
  step: 'verifying',
  progress: { shipmentId: 'S0700001', startedAt: '2026-11-24T09:00:00.000Z', counts: { 'P-TEA': 1 }, insertsConfirmed: [], giftConfirmed: false, humanTouchConfirmed: false },
};

const AT = '2026-11-24T09:05:00.000Z';

describe('commitFlow', () => {
  it('commits the pack state, its outbox events and the packed parcel in one transaction', async () => {
    const name = dbName();
    const store = await openLocalStore(name);
    const packed = { ...parcel(), status: 'packed' as const, packedBy: { staffName: '佐藤', deviceName: 'pack-01', at: AT } };
    const entries = await commitFlow(store, 'packState', {
      next: { step: 'awaitSlip', lastPacked: 'S0700001' },
      events: [packedEvent()],
      staffId: 'staff-1',
      at: AT,
      newId: ids(),
      parcels: [packed],
    });
    expect(entries).toHaveLength(1);
    expect(entries[0].event).toMatchObject({ id: entries[0].id, deviceSeq: 1, staffId: 'staff-1', at: AT, type: 'parcel.packed' });
    expect(entries[0].subject).toBe('parcel:S0700001');
    store.close();

    // Reopen: everything survived, as after a reload.
    const again = await openLocalStore(name);
    const boot = await loadBoot(again);
    expect(boot.packState).toEqual({ step: 'awaitSlip', lastPacked: 'S0700001' });
    expect(boot.parcels[0]).toMatchObject({ shipmentId: 'S0700001', status: 'packed', packedBy: { staffName: '佐藤' } });
    expect(await outboxCounts(again)).toEqual({ pending: 1, rejected: 0, synced: 0 });
    again.close();
  });

  it('stores a state change with no events without touching deviceSeq', async () => {
    const store = await openLocalStore(dbName());
    const entries = await commitFlow(store, 'packState', { next: verifying, events: [], staffId: 'staff-1', at: AT, newId: ids() });
    expect(entries).toEqual([]);
    expect((await loadBoot(store)).packState).toEqual(verifying);
    expect(await getMeta(store, 'deviceSeq')).toBeUndefined();
    store.close();
  });

  it('increments deviceSeq per event across commits', async () => {
    const store = await openLocalStore(dbName());
    const newId = ids();
    const seqs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const entries = await commitFlow(store, 'packState', {
        next: INITIAL_PACK_STATE,
        events: [packedEvent(`S070000${i}`), packedEvent(`S070001${i}`)],
        staffId: 'staff-1',
        at: AT,
        newId,
      });
      seqs.push(...entries.map((e) => e.deviceSeq));
    }
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await getMeta(store, 'deviceSeq')).toBe(6);
    expect((await pendingForPush(store, 10)).entries.map((e) => e.deviceSeq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await pendingForPush(store, 4)).entries.map((e) => e.deviceSeq)).toEqual([1, 2, 3, 4]);
    store.close();
  });

  it('an aborted transaction leaves neither the state nor the event nor the parcel', async () => {
    const store = await openLocalStore(dbName());
    const sameId = () => '00000000-0000-4000-8000-000000000001';
    await commitFlow(store, 'packState', { next: verifying, events: [packedEvent('S0700009')], staffId: 'staff-1', at: AT, newId: sameId });
    // The same event id again: the outbox add fails and the whole transaction must roll back.
    await expect(
      commitFlow(store, 'packState', {
        next: { step: 'awaitSlip', lastPacked: 'S0700001' },
        events: [packedEvent()],
        staffId: 'staff-1',
        at: AT,
        newId: sameId,
        parcels: [{ ...parcel(), status: 'packed' }],
      }),
      // The failed write's own error: the storage dialog names it.
    ).rejects.toMatchObject({ name: 'ConstraintError' });
    const boot = await loadBoot(store);
    expect(boot.packState).toEqual(verifying);
    expect(boot.parcels).toEqual([]);
    expect(await getMeta(store, 'deviceSeq')).toBe(1);
    expect(await outboxCounts(store)).toEqual({ pending: 1, rejected: 0, synced: 0 });
    store.close();
  });

  it('a state that cannot be stored rejects the commit and keeps the last one', async () => {
    const store = await openLocalStore(dbName());
    await commitFlow(store, 'packState', { next: verifying, events: [], staffId: 'staff-1', at: AT, newId: ids() });
    const unclonable = { ...verifying, progress: { ...verifying.progress, startedAt: (() => 'x') as unknown as string } };
    await expect(commitFlow(store, 'packState', { next: unclonable, events: [], staffId: 'staff-1', at: AT, newId: ids() })).rejects.toMatchObject({ name: 'DataCloneError' });
    // The same with an event (the write is issued after reading the device sequence): no event, no state.
    await expect(commitFlow(store, 'packState', { next: unclonable, events: [packedEvent()], staffId: 'staff-1', at: AT, newId: ids() })).rejects.toMatchObject({
      name: 'DataCloneError',
    });
    expect((await loadBoot(store)).packState).toEqual(verifying);
    expect(await outboxCounts(store)).toEqual({ pending: 0, rejected: 0, synced: 0 });
    expect(await getMeta(store, 'deviceSeq')).toBeUndefined();
    store.close();
  });

  it('keeps each flow screen under its own state key and shares one device sequence', async () => {
    const store = await openLocalStore(dbName());
    const newId = ids();
    await commitFlow(store, 'packState', { next: verifying, events: [packedEvent('S1')], staffId: 'staff-1', at: AT, newId });
    const [claim] = await commitFlow(store, 'pickState', {
      next: { step: 'idle', last: null },
      events: [{ type: 'batch.claimed', payload: { batchId: 'B1', shipmentIds: ['S2'] } }],
      staffId: 'staff-1',
      at: AT,
      newId,
    });
    expect(claim).toMatchObject({ deviceSeq: 2, subject: 'batch:B1' });
    const boot = await loadBoot(store);
    expect(boot.packState).toEqual(verifying);
    expect(boot.pickState).toEqual({ step: 'idle', last: null });
    store.close();
  });
});
