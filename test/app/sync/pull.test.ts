// @vitest-environment node
/** Pull: page by page from the saved cursor, later pages asked for early, each page stored in one transaction. */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { PullResponse } from '../../../src/shared/protocol/sync.js';
import { loadBoot } from '../../../src/app/store/boot.js';
import { getMeta } from '../../../src/app/store/meta.js';
import { openLocalStore } from '../../../src/app/store/local-store.js';
import { ProtocolError, RetryableError, createApiClient } from '../../../src/app/sync/api.js';
import { PULL_PAGES_HELD, pullAll } from '../../../src/app/sync/pull.js';
import { catalogue, dbName, parcel } from '../../helpers/fixtures/device.js';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('pullAll', () => {
  it('keeps the push limits the server announces, and keeps the last ones when a server announces none', async () => {
    const store = await openLocalStore(dbName());
    let announce = true;
    const fetch = vi.fn(async () => json(200, { cursor: '1', more: false, catalogue: null, parcels: [], ...(announce ? { pushLimits: { maxEvents: 200, maxBytes: 262_144 } } : {}) }));
    expect(await getMeta(store, 'pushLimits')).toBeUndefined();
    await pullAll(createApiClient({ fetch, getToken: () => 't' }), store);
    expect(await getMeta(store, 'pushLimits')).toEqual({ maxEvents: 200, maxBytes: 262_144 });
    announce = false;
    await pullAll(createApiClient({ fetch, getToken: () => 't' }), store);
    expect(await getMeta(store, 'pushLimits')).toEqual({ maxEvents: 200, maxBytes: 262_144 });
    store.close();
  });

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
    const boot = await loadBoot(store);
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
    const boot = await loadBoot(store);
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
    const boot = await loadBoot(store);
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
    expect((await loadBoot(store)).cursor).toBe('3');
    store.close();
  });
});

