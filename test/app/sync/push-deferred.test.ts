// @vitest-environment node
/**
 * No event can jam the queue: an event the server defers (or answers in a way this app does not know)
 * stays queued with the server's reason and retries on its own with backoff; events about other
 * subjects still sync; events about its subject wait behind it in order; a failed request counts as a
 * failed attempt of each event in it; the oldest event that will not sync shows as stuck.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { INITIAL_PACK_STATE } from '../../../src/shared/flows/pack-state.js';
import type { EventBody } from '../../../src/shared/protocol/events.js';
import { STUCK_AFTER_ATTEMPTS, STUCK_AFTER_MS } from '../../../src/shared/protocol/sync.js';
import { commitFlow } from '../../../src/app/store/flow-commit.js';
import { openLocalStore, type LocalStore } from '../../../src/app/store/local-store.js';
import { outboxCounts } from '../../../src/app/store/outbox.js';
import { stuckEvent } from '../../../src/app/store/outbox-push.js';
import { EVENT_RETRY } from '../../../src/app/store/outbox-retry.js';
import { STORES, type OutboxEntry } from '../../../src/app/store/schema.js';
import { RetryableError, createApiClient } from '../../../src/app/sync/api.js';
import { pushOutbox } from '../../../src/app/sync/push.js';
import { dbName, ids } from '../../helpers/fixtures/device.js';

const T0 = Date.parse('2026-11-24T09:05:00.000Z');
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function packed(shipmentId: string): EventBody {
  return { type: 'parcel.packed', payload: { shipmentId, startedAt: new Date(T0).toISOString(), items: [{ productCode: 'P-TEA', qty: 2 }], insertCodes: [], giftCode: null, flags: [] } };
}

type Sent = { id: string; type: string; payload: { shipmentId: string } };

/** A server that answers each event by `answer` (applied when it returns nothing) and keeps every body it got. */
function server(answer: (event: Sent) => unknown = () => undefined) {
  const bodies: Sent[][] = [];
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const { events } = JSON.parse(String(init?.body)) as { events: Sent[] };
    bodies.push(events);
    return json(200, { results: events.map((e) => answer(e) ?? { id: e.id, status: 'applied' }) });
  });
  const shipments = (run: number) => bodies[run]?.map((e) => e.payload.shipmentId);
  return { api: createApiClient({ fetch, getToken: () => 't' }), fetch, bodies, shipments };
}

async function storeWith(shipments: string[]): Promise<{ store: LocalStore; entries: OutboxEntry[] }> {
  const store = await openLocalStore(dbName());
  const entries = await commitFlow(store, 'packState', { next: INITIAL_PACK_STATE, events: shipments.map(packed), staffId: 'staff-1', at: new Date(T0).toISOString(), newId: ids() });
  return { store, entries };
}

const read = (store: LocalStore, id: string) => store.tx('readonly', [STORES.outbox], (tx) => tx.objectStore(STORES.outbox).get(id));
const clock = (ms: number) => () => new Date(ms).toISOString();

describe('an event the server cannot apply now', () => {
  it('an old app reads a newer server’s answers (an unknown status, an unknown reject code) as deferred: kept with the reason, the rest synced', async () => {
    const { store, entries } = await storeWith(['S1', 'S2', 'S3', 'S4']);
    const srv = server((e) =>
      e.payload.shipmentId === 'S1'
        ? { id: e.id, status: 'postponed', message: 'warehouse closing: try after 10:00', retryAfterSec: 600 }
        : e.payload.shipmentId === 'S3'
          ? { id: e.id, status: 'rejected', code: 'carrier_cutoff', message: 'carrier cut-off passed' }
          : undefined,
    );
    const summary = await pushOutbox(srv.api, store, clock(T0), undefined, { random: () => 0 });
    expect(summary).toMatchObject({ sent: 4, synced: 2, rejected: 0, deferred: 2 });
    expect(await outboxCounts(store)).toEqual({ pending: 2, rejected: 0, synced: 2 });
    expect(await read(store, entries[0].id)).toMatchObject({ status: 'pending', attempts: 1, lastReason: 'warehouse closing: try after 10:00', failingSince: new Date(T0).toISOString() });
    expect(await read(store, entries[2].id)).toMatchObject({ status: 'pending', attempts: 1, lastReason: 'carrier cut-off passed' });
    store.close();
  });

  it('an answer with no message, or none at all, never counts as applied', async () => {
    const { store, entries } = await storeWith(['S1', 'S2']);
    const srv = server((e) => (e.payload.shipmentId === 'S1' ? { id: e.id, status: 'queued' } : { id: e.id }));
    await pushOutbox(srv.api, store, clock(T0), undefined, { random: () => 0 });
    expect(await outboxCounts(store)).toEqual({ pending: 2, rejected: 0, synced: 0 });
    expect((await read(store, entries[0].id))?.lastReason).toMatch(/"queued".*does not know/);
    store.close();
  });

  it('retries a deferred event on its own after its backoff; events about other parcels go on, its own parcel’s wait behind it in order', async () => {
    // S1 is deferred; S1's second event must not overtake it; S2 and S3 are about other parcels.
    const { store, entries } = await storeWith(['S1', 'S2', 'S1', 'S3']);
    let defer = true;
    // As the server does: the events after a deferred one about the same parcel are deferred too.
    const srv = server((e) => (defer && e.payload.shipmentId === 'S1' ? { id: e.id, status: 'deferred', message: 'parcel row locked' } : undefined));
    const first = await pushOutbox(srv.api, store, clock(T0), undefined, { random: () => 0 });
    expect(srv.shipments(0)).toEqual(['S1', 'S2', 'S1', 'S3']);
    expect(first).toMatchObject({ synced: 2, deferred: 2, nextRetryAt: T0 + EVENT_RETRY.baseMs / 2 });
    expect(await outboxCounts(store)).toEqual({ pending: 2, rejected: 0, synced: 2 });

    // Before its backoff: nothing is sent.
    srv.fetch.mockClear();
    expect(await pushOutbox(srv.api, store, clock(T0 + 1000), undefined, { random: () => 0 })).toMatchObject({ sent: 0, nextRetryAt: T0 + EVENT_RETRY.baseMs / 2 });
    expect(srv.fetch).not.toHaveBeenCalled();

    // A new event about S1 waits behind it; one about S4 goes at once.
    await commitFlow(store, 'packState', { next: INITIAL_PACK_STATE, events: [packed('S1'), packed('S4')], staffId: 'staff-1', at: new Date(T0).toISOString(), newId: ids('00000000-0000-4000-9000-') });
    await pushOutbox(srv.api, store, clock(T0 + 1000), undefined, { random: () => 0 });
    expect(srv.shipments(1)).toEqual(['S4']);

    // After it: S1 first, then the S1 events that waited behind it, in the order recorded.
    defer = false;
    await pushOutbox(srv.api, store, clock(T0 + EVENT_RETRY.baseMs), undefined, { random: () => 0 });
    expect(srv.shipments(2)).toEqual(['S1', 'S1', 'S1']);
    expect(srv.bodies[2].slice(0, 2).map((e) => e.id)).toEqual([entries[0].id, entries[2].id]);
    expect(await outboxCounts(store)).toEqual({ pending: 0, rejected: 0, synced: 6 });
    store.close();
  });

  it('backs off exponentially, capped, and a manual sync tries it at once', async () => {
    const { store, entries } = await storeWith(['S1']);
    const srv = server((e) => ({ id: e.id, status: 'deferred', message: 'not now' }));
    const waits: number[] = [];
    let now = T0;
    for (let i = 0; i < 9; i++) {
      const { nextRetryAt } = await pushOutbox(srv.api, store, clock(now), undefined, { random: () => 0.999999 });
      waits.push(nextRetryAt! - now);
      now = nextRetryAt!;
    }
    expect(waits.slice(0, 4).map((w) => Math.round(w / 1000))).toEqual([5, 10, 20, 40]);
    expect(Math.max(...waits)).toBeLessThanOrEqual(EVENT_RETRY.maxMs);
    expect(waits.at(-1)).toBeGreaterThan(EVENT_RETRY.maxMs * 0.99);
    expect((await read(store, entries[0].id))?.attempts).toBe(9);
    srv.fetch.mockClear();
    await pushOutbox(srv.api, store, clock(now - 1000), undefined, { ignoreBackoff: true });
    expect(srv.fetch).toHaveBeenCalledTimes(1);
    store.close();
  });

  it('a request that fails as a whole is a failed attempt of each of its events (the scheduler backs off the next run)', async () => {
    const { store, entries } = await storeWith(['S1', 'S2']);
    const fetch = vi.fn(async () => json(503, { error: 'unavailable', message: 'down' }));
    const api = createApiClient({ fetch, getToken: () => 't' });
    for (let i = 0; i < 2; i++) await expect(pushOutbox(api, store, clock(T0 + i * 1000))).rejects.toBeInstanceOf(RetryableError);
    for (const e of entries) {
      const stored = await read(store, e.id);
      expect(stored).toMatchObject({ status: 'pending', attempts: 2, failingSince: new Date(T0).toISOString(), lastReason: 'HTTP 503' });
      expect(stored?.retryAt).toBeUndefined();
    }
    store.close();
  });

  it('shows the oldest queued event as stuck after STUCK_AFTER_ATTEMPTS failed attempts, or STUCK_AFTER_MS', async () => {
    const { store, entries } = await storeWith(['S1', 'S2']);
    const srv = server((e) => (e.id === entries[0].id ? { id: e.id, status: 'deferred', message: 'parcel row locked' } : undefined));
    for (let i = 1; i < STUCK_AFTER_ATTEMPTS; i++) {
      await pushOutbox(srv.api, store, clock(T0 + i), undefined, { ignoreBackoff: true });
      expect(await stuckEvent(store, T0 + i)).toBeUndefined();
    }
    // Not yet by attempts, but by time.
    expect(await stuckEvent(store, T0 + STUCK_AFTER_MS + 1)).toMatchObject({ id: entries[0].id });
    await pushOutbox(srv.api, store, clock(T0 + 10), undefined, { ignoreBackoff: true });
    expect(await stuckEvent(store, T0 + 10)).toEqual({
      id: entries[0].id,
      type: 'parcel.packed',
      recordedAt: entries[0].recordedAt,
      attempts: STUCK_AFTER_ATTEMPTS,
      failingSince: new Date(T0 + 1).toISOString(),
      reason: 'parcel row locked',
    });
    expect(await outboxCounts(store)).toEqual({ pending: 1, rejected: 0, synced: 1 });
    store.close();
  });
});

describe('push size', () => {
  it('cuts batches by the bytes the server announced as well as by count', async () => {
    const { store } = await storeWith(Array.from({ length: 30 }, (_, i) => `S${1000 + i}`));
    await store.tx('readwrite', [STORES.meta], (tx) => tx.objectStore(STORES.meta).put({ key: 'pushLimits', value: { maxEvents: 500, maxBytes: 2048 } }));
    const sizes: number[] = [];
    const srv = server();
    srv.fetch.mockImplementation(async (_u, init) => {
      sizes.push(new TextEncoder().encode(String(init?.body)).length);
      const { events } = JSON.parse(String(init?.body)) as { events: Sent[] };
      srv.bodies.push(events);
      return json(200, { results: events.map((e) => ({ id: e.id, status: 'applied' })) });
    });
    await pushOutbox(srv.api, store, clock(T0));
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2048);
    expect(srv.bodies.flat().map((e) => e.payload.shipmentId)).toEqual(Array.from({ length: 30 }, (_, i) => `S${1000 + i}`));
    expect(await outboxCounts(store)).toEqual({ pending: 0, rejected: 0, synced: 30 });
    store.close();
  });

  it('a 413 halves the batch and tries again until everything is through', async () => {
    const { store } = await storeWith(Array.from({ length: 20 }, (_, i) => `S${2000 + i}`));
    const counts: number[] = [];
    const fetch = vi.fn(async (_u: RequestInfo | URL, init?: RequestInit) => {
      const { events } = JSON.parse(String(init?.body)) as { events: Sent[] };
      counts.push(events.length);
      if (events.length > 6) return json(413, { error: 'payload_too_large', message: 'body too large' });
      return json(200, { results: events.map((e) => ({ id: e.id, status: 'applied' })) });
    });
    await pushOutbox(createApiClient({ fetch, getToken: () => 't' }), store, clock(T0));
    expect(counts.slice(0, 3)).toEqual([20, 10, 5]);
    expect(await outboxCounts(store)).toEqual({ pending: 0, rejected: 0, synced: 20 });
    store.close();
  });

  it('a push refused for one event in its body (400) is split until that event is alone: it is kept and retried later, the rest sync', async () => {
    const shipments = Array.from({ length: 16 }, (_, i) => (i === 5 ? 'BAD' : `S${3000 + i}`));
    const { store, entries } = await storeWith(shipments);
    const counts: number[] = [];
    const fetch = vi.fn(async (_u: RequestInfo | URL, init?: RequestInit) => {
      const { events } = JSON.parse(String(init?.body)) as { events: Sent[] };
      counts.push(events.length);
      if (events.some((e) => e.payload.shipmentId === 'BAD')) return json(400, { error: 'bad_request', message: 'body/events/0/payload: too big' });
      return json(200, { results: events.map((e) => ({ id: e.id, status: 'applied' })) });
    });
    await pushOutbox(createApiClient({ fetch, getToken: () => 't' }), store, clock(T0), undefined, { random: () => 0 });
    expect(await outboxCounts(store)).toEqual({ pending: 1, rejected: 0, synced: 15 });
    expect(await read(store, entries[5].id)).toMatchObject({ status: 'pending', attempts: 1, lastReason: 'HTTP 400: body/events/0/payload: too big', retryAt: new Date(T0 + EVENT_RETRY.baseMs / 2).toISOString() });
    // Halving narrows it down (the good halves on the way are applied); once it is alone, the rest go in one batch again.
    expect(counts).toEqual([16, 8, 4, 4, 2, 1, 1, 10]);
    store.close();
  });

  it('never sends an event larger than any push may be: kept, marked, shown as stuck; the rest sync', async () => {
    const { store, entries } = await storeWith(['S1', 'S2']);
    // An event as an older app could have stored it: far larger than the server's body limit.
    const big = { ...entries[0], event: { ...entries[0].event, payload: { ...(entries[0].event.payload as object), note: 'x'.repeat(4000) } } } as OutboxEntry;
    await store.tx('readwrite', [STORES.outbox, STORES.meta], async (tx) => {
      await tx.objectStore(STORES.outbox).put(big);
      await tx.objectStore(STORES.meta).put({ key: 'pushLimits', value: { maxEvents: 500, maxBytes: 2048 } });
    });
    const srv = server();
    await pushOutbox(srv.api, store, clock(T0));
    expect(srv.shipments(0)).toEqual(['S2']);
    expect(await outboxCounts(store)).toEqual({ pending: 1, rejected: 0, synced: 1 });
    const kept = await read(store, entries[0].id);
    expect(kept).toMatchObject({ status: 'pending', tooLarge: expect.any(Number) });
    expect(kept!.tooLarge).toBeGreaterThan(2048);
    expect(await stuckEvent(store, T0)).toMatchObject({ id: entries[0].id, tooLarge: kept!.tooLarge });
    // A later run does not send it either.
    await pushOutbox(srv.api, store, clock(T0 + 3_600_000));
    expect(srv.bodies).toHaveLength(1);
    store.close();
  });

  it('an entry written by the previous app version (no retry fields) is sent and synced as before', async () => {
    const { store, entries } = await storeWith(['S1']);
    const stored = await read(store, entries[0].id);
    expect(Object.keys(stored!).sort()).toEqual(['deviceSeq', 'event', 'id', 'recordedAt', 'rejection', 'status', 'subject', 'syncedAt']);
    await pushOutbox(server().api, store, clock(T0));
    expect(await outboxCounts(store)).toEqual({ pending: 0, rejected: 0, synced: 1 });
    store.close();
  });
});
