// @vitest-environment node
/** The outbox: what the server answered, counts, lists, and pending events that no longer read as events. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { INITIAL_PACK_STATE } from '../../../src/shared/flows/pack-state.js';
import { commitFlow } from '../../../src/app/store/flow-commit.js';
import { openLocalStore } from '../../../src/app/store/local-store.js';
import { outboxCounts } from '../../../src/app/store/outbox.js';
import { applyPushResults, pendingForPush } from '../../../src/app/store/outbox-push.js';
import { hasPendingAbout, listOutbox, returnedShipments } from '../../../src/app/store/outbox-lookups.js';
import { purgeSynced } from '../../../src/app/store/retention.js';
import type { OutboxEntry } from '../../../src/app/store/schema.js';
import { batchSubject, parcelSubject } from '../../../src/shared/protocol/event-subject.js';
import { dbName, ids } from '../../helpers/fixtures/device.js';
import { packedEvent } from './events.js';
import { getRaw, putRaw } from './raw-records.js';

const AT = '2026-11-24T09:05:00.000Z';

describe('outbox', () => {
  it('marks applied and duplicate events synced and keeps rejected ones with their reason', async () => {
    const store = await openLocalStore(dbName());
    const entries = await commitFlow(store, 'packState', {
      next: INITIAL_PACK_STATE,
      events: [packedEvent('S0700001'), packedEvent('S0700002'), packedEvent('S0700003'), packedEvent('S0700004')],
      staffId: 'staff-1',
      at: AT,
      newId: ids(),
    });
    const [a, b, c] = entries;
    await applyPushResults(
      store,
      [
        { id: a.id, status: 'applied' },
        { id: b.id, status: 'duplicate' },
        { id: c.id, status: 'rejected', code: 'already_packed', message: 'already packed', detail: { staffName: '鈴木', deviceName: 'pack-02', at: AT } },
      ],
      '2026-11-24T10:00:00.000Z',
    );
    expect(await outboxCounts(store)).toEqual({ pending: 1, rejected: 1, synced: 2 });
    const [rejected] = await listOutbox(store, 'rejected');
    expect(rejected).toMatchObject({ id: c.id, status: 'rejected', rejection: { code: 'already_packed', detail: { staffName: '鈴木' } } });
    expect((await pendingForPush(store, 10)).entries.map((e) => e.id)).toEqual([entries[3].id]);
    // Rejected events are never purged; old synced ones are.
    expect(await purgeSynced(store, '2026-11-25T00:00:00.000Z')).toBe(2);
    expect(await outboxCounts(store)).toEqual({ pending: 1, rejected: 1, synced: 0 });
    store.close();
  });

  it('finds pending events by subject', async () => {
    const store = await openLocalStore(dbName());
    const [claim] = await commitFlow(store, 'pickState', {
      next: { step: 'idle', last: null },
      events: [{ type: 'batch.claimed', payload: { batchId: 'B1', shipmentIds: ['S1'] } }],
      staffId: 'staff-1',
      at: AT,
      newId: ids(),
    });
    expect(await hasPendingAbout(store, batchSubject('B1'))).toBe(true);
    expect(await hasPendingAbout(store, batchSubject('B2'))).toBe(false);
    expect(await hasPendingAbout(store, parcelSubject('S1'))).toBe(false);
    await applyPushResults(store, [{ id: claim.id, status: 'applied' }], AT);
    expect(await hasPendingAbout(store, batchSubject('B1'))).toBe(false);
    store.close();
  });

  it('lists the parcels returned here, pending or accepted, but not those refused or logged by order number', async () => {
    const store = await openLocalStore(dbName());
    const received = (shipmentId: string | null, orderNumber: string) => ({
      type: 'return.received' as const,
      payload: { shipmentId, orderNumber, startedAt: AT, items: [{ productCode: 'P-TEA', qty: 1, condition: 'opened' as const, reasonCode: 'R01' }], unexpectedItems: [], note: null },
    });
    const entries = await commitFlow(store, 'returnState', {
      next: { step: 'find', lastSaved: null },
      events: [received('S1', 'O-1'), received('S2', 'O-2'), received(null, 'O-3'), received('S4', 'O-4')],
      staffId: 'staff-1',
      at: AT,
      newId: ids(),
    });
    expect(entries.map((e) => e.subject)).toEqual(['parcel:S1', 'parcel:S2', 'order:O-3', 'parcel:S4']);
    await applyPushResults(
      store,
      [
        { id: entries[1].id, status: 'applied' },
        { id: entries[3].id, status: 'rejected', code: 'not_shipped', message: 'not shipped' },
      ],
      AT,
    );
    expect((await returnedShipments(store)).sort()).toEqual(['S1', 'S2']);
    store.close();
  });

  it('keeps back, never sends and never deletes a pending event that no longer reads as an event', async () => {
    const name = dbName();
    const store = await openLocalStore(name);
    const entries = await commitFlow(store, 'packState', {
      next: INITIAL_PACK_STATE,
      events: [packedEvent('S1'), packedEvent('S2'), packedEvent('S3'), packedEvent('S4')],
      staffId: 'staff-1',
      at: AT,
      newId: ids(),
    });
    const [first, second, third] = entries;
    // Damaged on disk: an event whose payload is gone, and an entry whose event carries another id.
    await putRaw(
      name,
      'outbox',
      { ...first, event: { ...first.event, payload: 'two teas' } },
      { ...third, event: { ...third.event, id: '00000000-0000-4000-8000-0000000000ff' } },
    );

    // A batch of one: the first two reads find only unreadable events, the push still gets the next good one.
    const batch = await pendingForPush(store, 1);
    expect(batch.entries.map((e) => e.id)).toEqual([second.id]);
    expect(batch.keptBack).toBe(1);
    const rest = await pendingForPush(store, 10);
    expect(rest.entries.map((e) => e.id)).toEqual([second.id, entries[3].id]);
    expect(rest.keptBack).toBe(1);

    expect(await outboxCounts(store)).toEqual({ pending: 2, rejected: 2, synced: 0 });
    const refused = await listOutbox(store, 'rejected');
    expect(refused.map((e) => e.id).sort()).toEqual([first.id, third.id].sort());
    for (const entry of refused) expect(entry.rejection).toMatchObject({ code: 'unreadable', detail: { problem: expect.stringMatching(/^event\./) } });
    expect(refused.find((e) => e.id === first.id)?.rejection?.detail?.problem).toMatch(/^event\.payload:/);
    // Kept as it was stored: a supervisor can still see what it said.
    expect(((await getRaw(name, 'outbox', first.id)) as OutboxEntry).event.payload).toBe('two teas');
    // Refused entries are never purged.
    expect(await purgeSynced(store, '2099-01-01T00:00:00.000Z')).toBe(0);
    expect(await outboxCounts(store)).toEqual({ pending: 2, rejected: 2, synced: 0 });
    store.close();
  });
});
