// @vitest-environment node
/**
 * What the app restores on start, and what a record that no longer reads as its type does: it is never
 * trusted and never stops the start; pulled data comes back with the next pull; no scan is lost.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { INITIAL_PACK_STATE, type PackState } from '../../../src/shared/flows/pack-state.js';
import { INITIAL_PICK_STATE } from '../../../src/shared/flows/pick-state.js';
import { INITIAL_RETURN_STATE } from '../../../src/shared/flows/return-state.js';
import { DEFAULT_PICK_SETTINGS } from '../../../src/shared/picking/pick-settings.js';
import type { PickBatch } from '../../../src/shared/protocol/pick.js';
import { loadBoot } from '../../../src/app/store/boot.js';
import { commitFlow } from '../../../src/app/store/flow-commit.js';
import { openLocalStore, type LocalStore } from '../../../src/app/store/local-store.js';
import { deleteMeta, getMeta, setMeta } from '../../../src/app/store/meta.js';
import { outboxCounts } from '../../../src/app/store/outbox.js';
import { applyPullPage } from '../../../src/app/store/pull-page.js';
import { catalogue, dbName, ids, parcel } from '../../helpers/fixtures/device.js';
import { packedEvent } from './events.js';
import { getRaw, putRaw } from './raw-records.js';

const AT = '2026-11-24T09:05:00.000Z';
const credential = { deviceId: 'd1', deviceName: 'pack-01', token: 't', warehouseId: 'w1', warehouseName: '東京', enrolledAt: AT };
const session = { staffId: 'staff-1', code: 'ST001', name: '佐藤', signedInAt: AT };
const verifying: PackState = {
  step: 'verifying',
  progress: { shipmentId: 'S0700001', startedAt: AT, counts: { 'P-TEA': 1 }, insertsConfirmed: [], giftConfirmed: false, humanTouchConfirmed: false },
};
const batch = (batchId: string): PickBatch => ({
  batchId,
  shape: 'single',
  insertCodes: [],
  giftCode: null,
  shipmentIds: ['S0700001'],
  status: 'open',
  claimedBy: null,
  createdAt: AT,
});

/** A healthy enrolled device mid-shift: signed in, a parcel half-verified, pulled data, one event waiting. */
async function healthyDevice(): Promise<{ name: string; store: LocalStore }> {
  const name = dbName();
  const store = await openLocalStore(name);
  await setMeta(store, 'credential', credential);
  await setMeta(store, 'session', session);
  await applyPullPage(store, {
    cursor: '30',
    more: false,
    catalogue,
    parcels: [parcel('S0700001'), parcel('S0700002'), parcel('S0700003')],
    batches: [batch('B1'), batch('B2')],
    pickSettings: { ...DEFAULT_PICK_SETTINGS, batchSize: 12 },
  });
  await commitFlow(store, 'packState', { next: INITIAL_PACK_STATE, events: [packedEvent('S0700003')], staffId: 'staff-1', at: AT, newId: ids() });
  await commitFlow(store, 'packState', { next: verifying, events: [], staffId: 'staff-1', at: AT, newId: ids() });
  await commitFlow(store, 'pickState', { next: { step: 'idle', last: { batchId: 'B0', outcome: 'completed', shortShipmentIds: [] } }, events: [], staffId: 'staff-1', at: AT, newId: ids() });
  await commitFlow(store, 'returnState', { next: { step: 'find', lastSaved: 'S0700009' }, events: [], staffId: 'staff-1', at: AT, newId: ids() });
  await setMeta(store, 'lastSyncAt', AT);
  return { name, store };
}

/** Replaces one meta record with `value`, as a damaged disk or an old bug might have left it. */
const damageMeta = (name: string, key: string, value: unknown) => putRaw(name, 'meta', { key, value });

describe('loadBoot', () => {
  it('starts empty with the initial pack state and cursor 0', async () => {
    const store = await openLocalStore(dbName());
    const boot = await loadBoot(store);
    expect(boot).toMatchObject({ credential: null, session: null, packState: INITIAL_PACK_STATE, catalogue: null, cursor: '0', parcels: [], unreadable: [] });
    store.close();
  });

  it('keeps the credential and session across reopen until deleted', async () => {
    const name = dbName();
    const store = await openLocalStore(name);
    await setMeta(store, 'credential', credential);
    await setMeta(store, 'session', session);
    store.close();
    const again = await openLocalStore(name);
    expect((await loadBoot(again)).session?.code).toBe('ST001');
    await deleteMeta(again, 'session');
    const boot = await loadBoot(again);
    expect(boot.session).toBeNull();
    expect(boot.credential?.token).toBe('t');
    again.close();
  });

  it('restores a healthy device exactly as it was, with nothing found unreadable and nothing rewritten', async () => {
    const { name, store } = await healthyDevice();
    const boot = await loadBoot(store);
    expect(boot).toMatchObject({ credential, session, packState: verifying, returnState: { step: 'find', lastSaved: 'S0700009' }, cursor: '30', lastSyncAt: AT, unreadable: [] });
    expect(boot.pickState).toEqual({ step: 'idle', last: { batchId: 'B0', outcome: 'completed', shortShipmentIds: [] } });
    expect(boot.catalogue).toEqual(catalogue);
    expect(boot.parcels.map((p) => p.shipmentId)).toEqual(['S0700001', 'S0700002', 'S0700003']);
    expect(boot.batches.map((b) => b.batchId)).toEqual(['B1', 'B2']);
    expect(boot.pickSettings.batchSize).toBe(12);
    expect(await getRaw(name, 'meta', 'cursor')).toEqual({ key: 'cursor', value: '30' });
    store.close();
  });

  it.each([
    { key: 'packState', bad: { step: 'verifying', progress: { shipmentId: 'S0700001' } }, initial: INITIAL_PACK_STATE },
    { key: 'pickState', bad: { step: 'picking', progress: null }, initial: INITIAL_PICK_STATE },
    { key: 'returnState', bad: { step: 'receiving', progress: { units: 'three' } }, initial: INITIAL_RETURN_STATE },
  ] as const)('a $key that fails its check falls back to that flow’s initial state, and the others stay', async ({ key, bad, initial }) => {
    const { name, store } = await healthyDevice();
    await damageMeta(name, key, bad);
    const boot = await loadBoot(store);
    expect(boot[key]).toEqual(initial);
    expect(boot.unreadable).toEqual([{ record: key, problem: expect.any(String) }]);
    if (key !== 'packState') expect(boot.packState).toEqual(verifying);
    expect(boot.cursor).toBe('30');
    // Unsent work is untouched.
    expect(await outboxCounts(store)).toEqual({ pending: 1, rejected: 0, synced: 0 });
    store.close();
  });

  it('a credential or staff session that fails its check reads as none: enrol or sign in again, nothing else lost', async () => {
    const { name, store } = await healthyDevice();
    await damageMeta(name, 'credential', { ...credential, token: 42 });
    await damageMeta(name, 'session', 'staff-1');
    const boot = await loadBoot(store);
    expect(boot.credential).toBeNull();
    expect(boot.session).toBeNull();
    expect(boot.unreadable.map((u) => u.record).sort()).toEqual(['credential', 'session']);
    expect(boot.unreadable.find((u) => u.record === 'credential')?.problem).toMatch(/^token:/);
    expect(boot.packState).toEqual(verifying);
    expect(await outboxCounts(store)).toEqual({ pending: 1, rejected: 0, synced: 0 });
    store.close();
  });

  it('a parcel that fails its check is left out and deleted, and the cursor goes back to the start so the next pull brings it back', async () => {
    const { name, store } = await healthyDevice();
    await putRaw(name, 'parcels', { ...parcel('S0700002'), lines: [] }, { ...parcel('S0700009'), status: 'lost' });
    const boot = await loadBoot(store);
    expect(boot.parcels.map((p) => p.shipmentId)).toEqual(['S0700001', 'S0700003']);
    expect(boot.unreadable).toEqual([
      { record: 'parcel', id: 'S0700002', problem: expect.stringMatching(/^lines:/) },
      { record: 'parcel', id: 'S0700009', problem: expect.stringMatching(/^status:/) },
    ]);
    expect(boot.cursor).toBe('0');
    expect(await getMeta(store, 'cursor')).toBe('0');
    expect(await getRaw(name, 'parcels', 'S0700002')).toBeUndefined();
    // The catalogue and the rest stay; the next start finds a healthy device.
    expect(boot.catalogue).toEqual(catalogue);
    expect((await loadBoot(store)).unreadable).toEqual([]);
    store.close();
  });

  it('a catalogue that fails its check is left out, and the cursor goes back to the start', async () => {
    const { name, store } = await healthyDevice();
    await damageMeta(name, 'catalogue', { ...catalogue, staff: [{ id: 'staff-1' }] });
    const boot = await loadBoot(store);
    expect(boot.catalogue).toBeNull();
    expect(boot.unreadable).toEqual([{ record: 'catalogue', problem: expect.stringMatching(/^staff\.0\./) }]);
    expect(boot.cursor).toBe('0');
    expect(await getMeta(store, 'cursor')).toBe('0');
    expect(await getMeta(store, 'catalogue')).toBeUndefined();
    expect(boot.parcels).toHaveLength(3);
    store.close();
  });

  it('a pick batch that fails its check is left out, and the cursor goes back to the start; bad settings read as the defaults', async () => {
    const { name, store } = await healthyDevice();
    await damageMeta(name, 'batches', { B1: batch('B1'), B2: { ...batch('B2'), status: 'weird' } });
    await damageMeta(name, 'pickSettings', { batchSize: 0 });
    const boot = await loadBoot(store);
    expect(boot.batches.map((b) => b.batchId)).toEqual(['B1']);
    expect(boot.pickSettings).toEqual(DEFAULT_PICK_SETTINGS);
    expect(boot.unreadable).toEqual(
      expect.arrayContaining([
        { record: 'batch', id: 'B2', problem: expect.stringMatching(/^status:/) },
        { record: 'pickSettings', problem: expect.stringMatching(/^batchSize:/) },
      ]),
    );
    expect(boot.unreadable).toHaveLength(2);
    expect(boot.cursor).toBe('0');
    expect(await getMeta(store, 'batches')).toEqual({ B1: batch('B1') });
    store.close();
  });

  it('a batches record that is not a map of batches is replaced by none', async () => {
    const { name, store } = await healthyDevice();
    await damageMeta(name, 'batches', 'B1,B2');
    const boot = await loadBoot(store);
    expect(boot.batches).toEqual([]);
    expect(boot.unreadable).toEqual([{ record: 'batches', problem: expect.any(String) }]);
    expect(await getMeta(store, 'batches')).toEqual({});
    store.close();
  });

  it('a damaged cursor starts the pulls over; a damaged device sequence carries on from the newest recorded event', async () => {
    const { name, store } = await healthyDevice();
    await damageMeta(name, 'cursor', 'thirty');
    await damageMeta(name, 'deviceSeq', '1');
    const boot = await loadBoot(store);
    expect(boot.cursor).toBe('0');
    expect(await getMeta(store, 'cursor')).toBe('0');
    expect(await getMeta(store, 'deviceSeq')).toBe(1);
    const [next] = await commitFlow(store, 'packState', { next: INITIAL_PACK_STATE, events: [packedEvent('S0700001')], staffId: 'staff-1', at: AT, newId: ids('10000000-0000-4000-8000-') });
    expect(next.deviceSeq).toBe(2);
    store.close();
  });
});
