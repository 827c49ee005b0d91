// @vitest-environment node
/** Push: the outbox oldest first in batches, the server's answer per event, nothing lost on failure. */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { INITIAL_PACK_STATE } from '../../../src/shared/flows/pack-state.js';
import type { EventBody } from '../../../src/shared/protocol/events.js';
import { commitFlow } from '../../../src/app/store/flow-commit.js';
import { openLocalStore } from '../../../src/app/store/local-store.js';
import { outboxCounts } from '../../../src/app/store/outbox.js';
import { listOutbox } from '../../../src/app/store/outbox-lookups.js';
import { ProtocolError, RetryableError, createApiClient } from '../../../src/app/sync/api.js';
import { pushOutbox } from '../../../src/app/sync/push.js';
import { dbName, ids } from '../../helpers/fixtures/device.js';
import { putRaw } from '../store/raw-records.js';

const AT = '2026-11-24T09:05:00.000Z';
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function packed(shipmentId: string): EventBody {
  return { type: 'parcel.packed', payload: { shipmentId, startedAt: AT, items: [{ productCode: 'P-TEA', qty: 2 }], insertCodes: [], giftCode: null, flags: [] } };
}

async function storeWithEvents(n: number) {
  const store = await openLocalStore(dbName());
  const newId = ids();
  const events = Array.from({ length: n }, (_, i) => packed(`S${String(7000000 + i)}`));
  await commitFlow(store, 'packState', { next: INITIAL_PACK_STATE, events, staffId: 'staff-1', at: AT, newId });
  return store;
}

describe('pushOutbox', () => {
  it('pushes oldest first in batches of at most 500 and maps results per event', async () => {
    const store = await storeWithEvents(501);
    const bodies: { events: { id: string; deviceSeq: number }[] }[] = [];
    const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as { events: { id: string; deviceSeq: number }[] };
      bodies.push(body);
      return json(200, {
        results: body.events.map((e, i) =>
          i === 0 && e.deviceSeq === 1
            ? { id: e.id, status: 'rejected', code: 'already_packed', message: 'already packed', detail: { staffName: '佐藤' } }
            : i === 1
              ? { id: e.id, status: 'duplicate' }
              : { id: e.id, status: 'applied' },
        ),
      });
    });
    const summary = await pushOutbox(createApiClient({ fetch, getToken: () => 't' }), store, () => AT);
    expect(bodies.map((b) => b.events.length)).toEqual([500, 1]);
    expect(bodies[0].events.map((e) => e.deviceSeq).slice(0, 3)).toEqual([1, 2, 3]);
    expect(bodies[1].events[0].deviceSeq).toBe(501);
    expect(summary).toMatchObject({ sent: 501, synced: 500, rejected: 1 });
    expect(summary.rejections).toHaveLength(1);
    expect(await outboxCounts(store)).toEqual({ pending: 0, rejected: 1, synced: 500 });
    expect((await listOutbox(store, 'rejected'))[0].rejection).toMatchObject({ code: 'already_packed', detail: { staffName: '佐藤' } });
    store.close();
  });

  it('leaves everything pending when the network fails', async () => {
    const store = await storeWithEvents(3);
    const fetch = vi.fn(async () => json(502, {}));
    await expect(pushOutbox(createApiClient({ fetch, getToken: () => 't' }), store, () => AT)).rejects.toBeInstanceOf(RetryableError);
    expect(await outboxCounts(store)).toEqual({ pending: 3, rejected: 0, synced: 0 });
    store.close();
  });

  it('keeps unanswered events pending and reports the confusion', async () => {
    const store = await storeWithEvents(2);
    const fetch = vi.fn(async (_u: RequestInfo | URL, init?: RequestInit) => {
      const { events } = JSON.parse(String(init?.body)) as { events: { id: string }[] };
      return json(200, { results: [{ id: events[0].id, status: 'applied' }] });
    });
    await expect(pushOutbox(createApiClient({ fetch, getToken: () => 't' }), store, () => AT)).rejects.toBeInstanceOf(ProtocolError);
    expect(await outboxCounts(store)).toEqual({ pending: 1, rejected: 0, synced: 1 });
    store.close();
  });

  it('sends nothing when the outbox is empty', async () => {
    const store = await openLocalStore(dbName());
    const fetch = vi.fn();
    expect(await pushOutbox(createApiClient({ fetch, getToken: () => 't' }), store, () => AT)).toEqual({ sent: 0, synced: 0, rejected: 0, rejections: [], deferred: 0, nextRetryAt: null });
    expect(fetch).not.toHaveBeenCalled();
    store.close();
  });
  it('never sends a pending event that no longer reads as an event: it is kept, refused by this device, and the rest go out', async () => {
    const name = dbName();
    const store = await openLocalStore(name);
    const entries = await commitFlow(store, 'packState', { next: INITIAL_PACK_STATE, events: [packed('S1'), packed('S2'), packed('S3')], staffId: 'staff-1', at: AT, newId: ids() });
    await putRaw(name, 'outbox', { ...entries[1], event: { ...entries[1].event, deviceSeq: 'two' } });
    const sent: string[] = [];
    const fetch = vi.fn(async (_u: RequestInfo | URL, init?: RequestInit) => {
      const { events } = JSON.parse(String(init?.body)) as { events: { id: string }[] };
      sent.push(...events.map((e) => e.id));
      return json(200, { results: events.map((e) => ({ id: e.id, status: 'applied' })) });
    });
    const summary = await pushOutbox(createApiClient({ fetch, getToken: () => 't' }), store, () => AT);
    expect(sent).toEqual([entries[0].id, entries[2].id]);
    expect(summary).toMatchObject({ sent: 2, synced: 2, rejected: 1, rejections: [] });
    expect(await outboxCounts(store)).toEqual({ pending: 0, rejected: 1, synced: 2 });
    const [kept] = await listOutbox(store, 'rejected');
    expect(kept).toMatchObject({ id: entries[1].id, status: 'rejected', rejection: { code: 'unreadable', detail: { problem: expect.stringMatching(/^event\.deviceSeq/) } } });
    store.close();
  });
});

