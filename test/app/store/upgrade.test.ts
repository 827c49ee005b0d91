// @vitest-environment node
/** Version 1 → 2: the outbox's `shipmentId` becomes a typed subject; nothing recorded is lost or changes its fate. */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { INITIAL_PACK_STATE } from '../../../src/shared/flows/pack-state.js';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';
import { loadBoot } from '../../../src/app/store/boot.js';
import { commitFlow } from '../../../src/app/store/flow-commit.js';
import { openLocalStore } from '../../../src/app/store/local-store.js';
import { outboxCounts } from '../../../src/app/store/outbox.js';
import { hasPendingAbout, listOutbox, returnedShipments } from '../../../src/app/store/outbox-lookups.js';
import { purgePackedParcels } from '../../../src/app/store/retention.js';
import { DB_VERSION } from '../../../src/app/store/schema.js';
import { batchSubject } from '../../../src/shared/protocol/event-subject.js';
import { createApiClient } from '../../../src/app/sync/api.js';
import { pushOutbox } from '../../../src/app/sync/push.js';
import { dbName, parcel } from '../../helpers/fixtures/device.js';
import { packedEvent } from './events.js';
import { indexNames, rawTx } from './raw-records.js';

const OLD = '2026-11-20T09:00:00.000Z';
const AT = '2026-11-24T09:05:00.000Z';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const envelope = (n: number) => ({ id: id(n), deviceSeq: n, staffId: 'staff-1', at: AT });
const packed = (n: number, shipmentId: string): SyncEvent => ({
  ...envelope(n),
  type: 'parcel.packed',
  payload: { shipmentId, startedAt: AT, items: [{ productCode: 'P-TEA', qty: 2 }], insertCodes: [], giftCode: null, flags: [] },
});
const returned = (n: number, shipmentId: string | null, orderNumber: string): SyncEvent => ({
  ...envelope(n),
  type: 'return.received',
  payload: { shipmentId, orderNumber, startedAt: AT, items: [{ productCode: 'P-TEA', qty: 1, condition: 'opened', reasonCode: 'R01' }], unexpectedItems: [], note: null },
});

/** An outbox entry exactly as version 1 wrote it. */
function v1Entry(event: SyncEvent, shipmentId: string, status: 'pending' | 'synced' | 'rejected') {
  return {
    id: event.id,
    deviceSeq: event.deviceSeq,
    shipmentId,
    event,
    status,
    recordedAt: AT,
    syncedAt: status === 'pending' ? null : OLD,
    rejection: status === 'rejected' ? { code: 'parcel_held', message: 'held' } : null,
  };
}

/** A database left by the released version 1 of the app: its stores, indexes and records, written with the raw API. */
async function version1Database(name: string): Promise<void> {
  await rawTx(
    name,
    ['meta', 'parcels', 'outbox'],
    (tx) => {
      const outbox = tx.objectStore('outbox');
      outbox.put(v1Entry(packed(1, 'S1'), 'S1', 'pending'));
      outbox.put(v1Entry(packed(2, 'S2'), 'S2', 'synced'));
      outbox.put(v1Entry(packed(3, 'S3'), 'S3', 'rejected'));
      outbox.put(v1Entry({ ...envelope(4), type: 'batch.claimed', payload: { batchId: 'B1', shipmentIds: ['S7'] } }, 'batch:B1', 'pending'));
      outbox.put(v1Entry(returned(5, null, 'O-9'), 'order:O-9', 'pending'));
      outbox.put(v1Entry(returned(6, 'S6', 'O-6'), 'S6', 'synced'));
      // A parcel whose id happens to look like another subject is still a parcel.
      outbox.put(v1Entry(packed(7, 'batch:odd'), 'batch:odd', 'synced'));
      const packedBy = { staffName: '佐藤', deviceName: 'pack-01', at: OLD };
      for (const p of ['S1', 'S2', 'S3']) tx.objectStore('parcels').put(parcel(p, { status: 'packed', packedBy }));
      tx.objectStore('parcels').put(parcel('S6', { status: 'shipped', packedBy }));
      tx.objectStore('meta').put({ key: 'deviceSeq', value: 7 });
      tx.objectStore('meta').put({ key: 'packState', value: INITIAL_PACK_STATE });
      tx.objectStore('meta').put({ key: 'cursor', value: '42' });
    },
    1,
    (db) => {
      db.createObjectStore('meta', { keyPath: 'key' });
      db.createObjectStore('parcels', { keyPath: 'shipmentId' });
      const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
      outbox.createIndex('by-status-seq', ['status', 'deviceSeq']);
      outbox.createIndex('by-shipment', 'shipmentId');
    },
  );
}

describe('upgrading a version-1 device database', () => {
  it('keeps every entry under its subject, sends the pending ones, and returns and retention still work', async () => {
    expect(DB_VERSION).toBe(2);
    const name = dbName();
    await version1Database(name);
    const store = await openLocalStore(name);

    expect((await indexNames(name, 'outbox')).sort()).toEqual(['by-status-seq', 'by-subject']);
    expect(await outboxCounts(store)).toEqual({ pending: 3, rejected: 1, synced: 3 });
    const all = [...(await listOutbox(store, 'pending')), ...(await listOutbox(store, 'synced')), ...(await listOutbox(store, 'rejected'))];
    expect(Object.fromEntries(all.map((e) => [e.deviceSeq, e.subject]))).toEqual({
      1: 'parcel:S1',
      2: 'parcel:S2',
      3: 'parcel:S3',
      4: 'batch:B1',
      5: 'order:O-9',
      6: 'parcel:S6',
      7: 'parcel:batch:odd',
    });
    for (const entry of all) expect(entry).not.toHaveProperty('shipmentId');
    expect(all.find((e) => e.deviceSeq === 3)?.rejection).toEqual({ code: 'parcel_held', message: 'held' });
    expect((await loadBoot(store)).cursor).toBe('42');

    // The subject index answers for the batch; the returned parcels are those named by a parcel subject.
    expect(await hasPendingAbout(store, batchSubject('B1'))).toBe(true);
    expect(await returnedShipments(store)).toEqual(['S6']);
    // Retention still spares the parcels an unsent or refused event names.
    expect((await purgePackedParcels(store, AT)).sort()).toEqual(['S2', 'S6']);
    expect((await loadBoot(store)).parcels.map((p) => p.shipmentId).sort()).toEqual(['S1', 'S3']);

    // The pending events go out, oldest first, and are recorded as synced.
    const sent: number[] = [];
    const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const { events } = JSON.parse(String(init?.body)) as { events: SyncEvent[] };
      sent.push(...events.map((e) => e.deviceSeq));
      return new Response(JSON.stringify({ results: events.map((e) => ({ id: e.id, status: 'applied' })) }), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    expect(await pushOutbox(createApiClient({ fetch, getToken: () => 't' }), store, () => AT)).toMatchObject({ sent: 3, synced: 3, rejected: 0 });
    expect(sent).toEqual([1, 4, 5]);
    expect(await outboxCounts(store)).toEqual({ pending: 0, rejected: 1, synced: 6 });

    // The device sequence carries on.
    const [next] = await commitFlow(store, 'packState', { next: INITIAL_PACK_STATE, events: [packedEvent('S8')], staffId: 'staff-1', at: AT, newId: () => id(8) });
    expect(next).toMatchObject({ deviceSeq: 8, subject: 'parcel:S8' });
    store.close();
  });
});
