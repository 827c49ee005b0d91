// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { INITIAL_PACK_STATE } from '../../src/shared/flows/pack.js';
import type { EventBody } from '../../src/shared/protocol/events.js';
import type { PullResponse } from '../../src/shared/protocol/sync.js';
import { openLocalStore } from '../../src/app/store/db.js';
import { AuthError, HttpError, ProtocolError, RetryableError, createApiClient } from '../../src/app/sync/api.js';
import { PULL_PAGES_HELD, pullAll } from '../../src/app/sync/pull.js';
import { pushOutbox } from '../../src/app/sync/push.js';
import { SYNC_RETRY_MAX_MS, SyncScheduler, backoffMs } from '../../src/app/sync/scheduler.js';
import { catalogue, dbName, ids, parcel } from '../helpers/fixtures/device.js';

const AT = '2026-11-24T09:05:00.000Z';
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function packed(shipmentId: string): EventBody {
  return { type: 'parcel.packed', payload: { shipmentId, startedAt: AT, items: [{ productCode: 'P-TEA', qty: 2 }], insertCodes: [], giftCode: null, flags: [] } };
}

async function storeWithEvents(n: number) {
  const store = await openLocalStore(dbName());
  const newId = ids();
  const events = Array.from({ length: n }, (_, i) => packed(`S${String(7000000 + i)}`));
  await store.commitPack({ next: INITIAL_PACK_STATE, events, staffId: 'staff-1', at: AT, newId });
  return store;
}

describe('api client', () => {
  const client = (fetch: typeof globalThis.fetch, token: string | null = 'tok') => createApiClient({ fetch, getToken: () => token });

  it('sends the bearer token and parses a pull page', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => json(200, { cursor: '5', more: false, catalogue: null, parcels: [parcel()] }));
    const page = await client(fetch).pull('0');
    expect(page.cursor).toBe('5');
    const [url, init] = fetch.mock.calls[0];
    expect(String(url)).toBe('/api/sync/pull?cursor=0&limit=1000');
    expect((init?.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('turns 401 into AuthError, 5xx and network failures into RetryableError, other 4xx into HttpError', async () => {
    await expect(client(async () => json(401, { error: 'unauthorised', message: 'revoked' })).device()).rejects.toBeInstanceOf(AuthError);
    await expect(client(async () => json(503, { error: 'x', message: 'y' })).device()).rejects.toBeInstanceOf(RetryableError);
    await expect(client(async () => json(429, {})).device()).rejects.toBeInstanceOf(RetryableError);
    await expect(
      client(async () => {
        throw new TypeError('Failed to fetch');
      }).device(),
    ).rejects.toBeInstanceOf(RetryableError);
    const err = await client(async () => json(400, { error: 'bad_code', message: 'Unknown enrolment code' }))
      .enrol({ code: 'ABCD', deviceName: 'pack-01' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 400, code: 'bad_code' });
  });

  it('refuses a reply that is not the wire format', async () => {
    await expect(client(async () => json(200, { cursor: 'abc', more: 'yes' })).pull('0')).rejects.toBeInstanceOf(ProtocolError);
  });

  it('does not call the server without a credential', async () => {
    const fetch = vi.fn();
    await expect(client(fetch, null).pull('0')).rejects.toBeInstanceOf(AuthError);
    expect(fetch).not.toHaveBeenCalled();
  });
});

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
    expect(await store.outboxCounts()).toEqual({ pending: 0, rejected: 1, synced: 500 });
    expect((await store.listOutbox('rejected'))[0].rejection).toMatchObject({ code: 'already_packed', detail: { staffName: '佐藤' } });
    store.close();
  });

  it('leaves everything pending when the network fails', async () => {
    const store = await storeWithEvents(3);
    const fetch = vi.fn(async () => json(502, {}));
    await expect(pushOutbox(createApiClient({ fetch, getToken: () => 't' }), store, () => AT)).rejects.toBeInstanceOf(RetryableError);
    expect(await store.outboxCounts()).toEqual({ pending: 3, rejected: 0, synced: 0 });
    store.close();
  });

  it('keeps unanswered events pending and reports the confusion', async () => {
    const store = await storeWithEvents(2);
    const fetch = vi.fn(async (_u: RequestInfo | URL, init?: RequestInit) => {
      const { events } = JSON.parse(String(init?.body)) as { events: { id: string }[] };
      return json(200, { results: [{ id: events[0].id, status: 'applied' }] });
    });
    await expect(pushOutbox(createApiClient({ fetch, getToken: () => 't' }), store, () => AT)).rejects.toBeInstanceOf(ProtocolError);
    expect(await store.outboxCounts()).toEqual({ pending: 1, rejected: 0, synced: 1 });
    store.close();
  });

  it('sends nothing when the outbox is empty', async () => {
    const store = await openLocalStore(dbName());
    const fetch = vi.fn();
    expect(await pushOutbox(createApiClient({ fetch, getToken: () => 't' }), store, () => AT)).toEqual({ sent: 0, synced: 0, rejected: 0, rejections: [] });
    expect(fetch).not.toHaveBeenCalled();
    store.close();
  });
});

describe('pullAll', () => {
  it('follows the cursor while there is more and stores each page', async () => {
    const store = await openLocalStore(dbName());
    const pages: Record<string, PullResponse> = {
      '0': { cursor: '2', more: true, catalogue, parcels: [parcel('S0700001')] },
      '2': { cursor: '4', more: false, catalogue: null, parcels: [parcel('S0700002'), parcel('S0700001', { status: 'held', holdReason: '欠品' })] },
    };
    const seen: string[] = [];
    const fetch = vi.fn(async (url: RequestInfo | URL) => {
      const cursor = new URL(String(url), 'http://x').searchParams.get('cursor')!;
      seen.push(cursor);
      return json(200, pages[cursor]);
    });
    const summary = await pullAll(createApiClient({ fetch, getToken: () => 't' }), store);
    expect(seen).toEqual(['0', '2']);
    expect(summary.pages).toBe(2);
    expect(summary.catalogue?.staff).toHaveLength(1);
    const boot = await store.loadBoot();
    expect(boot.cursor).toBe('4');
    expect(boot.parcels.find((p) => p.shipmentId === 'S0700001')?.status).toBe('held');

    // The next run starts from the saved cursor.
    pages['4'] = { cursor: '4', more: false, catalogue: null, parcels: [] };
    await pullAll(createApiClient({ fetch, getToken: () => 't' }), store);
    expect(seen).toEqual(['0', '2', '4']);
    store.close();
  });

  it('asks for later pages as soon as the headers name them, holding at most PULL_PAGES_HELD pages', async () => {
    const store = await openLocalStore(dbName());
    const seen: string[] = [];
    const release: (() => void)[] = [];
    // Pages at cursors 0, 2, 4 … 8; each one's headers come at once, its body only when the test says so.
    const fetch = vi.fn(async (url: RequestInfo | URL) => {
      const cursor = Number(new URL(String(url), 'http://x').searchParams.get('cursor'));
      seen.push(String(cursor));
      const more = cursor < 8;
      const body = JSON.stringify({ cursor: String(cursor + 2), more, catalogue: cursor === 0 ? catalogue : null, parcels: [parcel(`S070000${cursor / 2 + 1}`)] });
      const stream = new ReadableStream<Uint8Array>({
        start: (controller) => {
          release.push(() => {
            controller.enqueue(new TextEncoder().encode(body));
            controller.close();
          });
        },
      });
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(more ? { 'next-cursor': String(cursor + 2) } : {}) };
      return new Response(stream, { status: 200, headers });
    });
    const run = pullAll(createApiClient({ fetch, getToken: () => 't' }), store);
    await vi.waitFor(() => expect(seen).toEqual(['0', '2', '4'].slice(0, PULL_PAGES_HELD)));
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(PULL_PAGES_HELD);
    for (let i = 0; i < 5; i++) await vi.waitFor(() => release[i]());
    expect((await run).pages).toBe(5);
    expect(seen).toEqual(['0', '2', '4', '6', '8']);
    const boot = await store.loadBoot();
    expect(boot.cursor).toBe('10');
    expect(boot.parcels).toHaveLength(5);
    store.close();
  });

  it('refuses a page whose next-cursor header names another cursor, and keeps the cursor where it was', async () => {
    const store = await openLocalStore(dbName());
    const fetch = vi.fn(async (url: RequestInfo | URL) => {
      const cursor = new URL(String(url), 'http://x').searchParams.get('cursor')!;
      if (cursor !== '0') return json(200, { cursor: '9', more: false, catalogue: null, parcels: [] });
      return new Response(JSON.stringify({ cursor: '2', more: true, catalogue, parcels: [parcel('S0700001')] }), {
        status: 200,
        headers: { 'content-type': 'application/json', 'next-cursor': '3' },
      });
    });
    await expect(pullAll(createApiClient({ fetch, getToken: () => 't' }), store)).rejects.toBeInstanceOf(ProtocolError);
    const boot = await store.loadBoot();
    expect(boot.cursor).toBe('0');
    expect(boot.parcels).toEqual([]);
    store.close();
  });

  it('keeps the pages already stored when a later page fails', async () => {
    const store = await openLocalStore(dbName());
    const fetch = vi.fn(async (url: RequestInfo | URL) =>
      String(url).includes('cursor=0') ? json(200, { cursor: '3', more: true, catalogue, parcels: [parcel()] }) : json(500, {}),
    );
    await expect(pullAll(createApiClient({ fetch, getToken: () => 't' }), store)).rejects.toBeInstanceOf(RetryableError);
    expect((await store.loadBoot()).cursor).toBe('3');
    store.close();
  });
});

describe('backoffMs', () => {
  it('doubles with jitter and caps at about a minute', () => {
    expect(backoffMs(1, () => 0)).toBe(1000);
    expect(backoffMs(1, () => 1)).toBe(2000);
    expect(backoffMs(3, () => 1)).toBe(8000);
    expect(backoffMs(30, () => 1)).toBe(SYNC_RETRY_MAX_MS);
    expect(backoffMs(30, () => 0)).toBe(SYNC_RETRY_MAX_MS / 2);
  });
});

describe('SyncScheduler', () => {
  function harness(run: () => Promise<void>, online = true) {
    const timers: { fn: () => void; ms: number }[] = [];
    const onAuthLost = vi.fn();
    const scheduler = new SyncScheduler({
      run,
      isOnline: () => online,
      onAuthLost,
      random: () => 1,
      now: () => 0,
      setTimer: (fn, ms) => {
        const t = { fn, ms };
        timers.push(t);
        return t;
      },
      clearTimer: (h) => {
        const i = timers.indexOf(h as (typeof timers)[number]);
        if (i >= 0) timers.splice(i, 1);
      },
    });
    const fire = async () => {
      const t = timers.shift();
      t?.fn();
      await new Promise((r) => setTimeout(r, 0));
      return t?.ms;
    };
    return { scheduler, timers, fire, onAuthLost };
  }

  it('retries failures with growing delays and resets after a success', async () => {
    let fail = 3;
    const run = vi.fn(async () => {
      if (fail-- > 0) throw new RetryableError('down', null);
    });
    const h = harness(run);
    h.scheduler.request('start');
    expect(await h.fire()).toBe(0);
    expect(h.timers[0].ms).toBe(2000);
    await h.fire();
    expect(h.timers[0].ms).toBe(4000);
    await h.fire();
    expect(h.timers[0].ms).toBe(8000);
    await h.fire();
    expect(run).toHaveBeenCalledTimes(4);
    expect(h.timers).toHaveLength(0);
    expect(h.scheduler.snapshot.failures).toBe(0);
  });

  it('debounces events by about a second', async () => {
    const run = vi.fn(async () => undefined);
    const h = harness(run);
    h.scheduler.request('event');
    h.scheduler.request('event');
    expect(h.timers).toHaveLength(1);
    expect(await h.fire()).toBe(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('does not try while offline; the online event asks again', async () => {
    const run = vi.fn(async () => undefined);
    const h = harness(run, false);
    h.scheduler.request('start');
    await h.fire();
    expect(run).not.toHaveBeenCalled();
  });

  it('stops and reports on 401', async () => {
    const run = vi.fn(async () => {
      throw new AuthError('revoked');
    });
    const h = harness(run);
    h.scheduler.request('start');
    await h.fire();
    expect(h.onAuthLost).toHaveBeenCalledTimes(1);
    expect(h.timers).toHaveLength(0);
    h.scheduler.request('event');
    expect(h.timers).toHaveLength(0);
  });

  it('coalesces requests made during a run into one more run', async () => {
    let release!: () => void;
    const run = vi.fn(
      () =>
        new Promise<void>((r) => {
          release = r;
        }),
    );
    const h = harness(run);
    h.scheduler.request('start');
    await h.fire();
    h.scheduler.request('manual');
    h.scheduler.request('event');
    expect(h.timers).toHaveLength(0);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(h.timers).toHaveLength(1);
    await h.fire();
    release();
    expect(run).toHaveBeenCalledTimes(2);
  });
});
