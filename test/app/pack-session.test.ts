// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { indexCatalogue } from '../../src/shared/domain/catalogue-index.js';
import type { Parcel } from '../../src/shared/domain/parcel.js';
import { INITIAL_PACK_STATE, type PackState } from '../../src/shared/flows/pack.js';
import type { Tone } from '../../src/shared/flows/feedback.js';
import { PackSession } from '../../src/app/pack/pack-session.js';
import { loadBoot } from '../../src/app/store/boot.js';
import { commitFlow, type FlowCommit } from '../../src/app/store/flow-commit.js';
import { openLocalStore, type LocalStore } from '../../src/app/store/local-store.js';
import { pendingForPush } from '../../src/app/store/outbox.js';
import { applyPullPage } from '../../src/app/store/pull-page.js';
import { catalogue, CUP_JAN, dbName, ids, LEAFLET_JAN, parcel, TEA_JAN } from '../helpers/fixtures/device.js';

// The real commit path unless a test holds each commit until it says so (deferredStore).
vi.mock(import('../../src/app/store/flow-commit.js'), async (importOriginal) => {
  const actual = await importOriginal();
  return { ...actual, commitFlow: vi.fn(actual.commitFlow) };
});
afterEach(() => vi.mocked(commitFlow).mockReset());

type PackCommit = FlowCommit<PackState>;

function deferredStore() {
  const pending: { commit: PackCommit; resolve: () => void; reject: (e: unknown) => void }[] = [];
  vi.mocked(commitFlow).mockImplementation(
    (_store, _stateKey, commit) =>
      new Promise<never[]>((resolve, reject) => {
        pending.push({ commit: commit as PackCommit, resolve: () => resolve([]), reject });
      }),
  );
  return { pending, store: {} as LocalStore };
}

function session(store: LocalStore, parcels = new Map<string, Parcel>([['S0700001', parcel()]])) {
  const index = indexCatalogue(catalogue);
  const tones: Tone[] = [];
  const committed: Parcel[] = [];
  const s = new PackSession(INITIAL_PACK_STATE, {
    store,
    context: (now) => ({ index, findParcel: (id) => parcels.get(id), now }),
    identity: () => ({ staffId: 'staff-1', staffName: '佐藤', deviceName: 'pack-01' }),
    onFeedback: (f) => tones.push(f.tone),
    onCommitted: (ps) => {
      committed.push(...ps);
      for (const p of ps) parcels.set(p.shipmentId, p);
    },
    onChange: () => undefined,
    now: () => '2026-11-24T09:00:00.000Z',
    newId: ids(),
  });
  return { s, tones, committed, parcels };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('PackSession', () => {
  it('gives feedback at once and shows "saved" only after the commit', async () => {
    const { store, pending } = deferredStore();
    const { s, tones } = session(store);
    s.dispatch({ type: 'scan', text: 'S0700001' });
    expect(tones).toEqual(['ok']);
    expect(s.state.step).toBe('verifying');
    expect(s.saveState).toBe('saving');
    pending[0].resolve();
    await tick();
    expect(s.saveState).toBe('saved');
    expect(s.committed.step).toBe('verifying');
  });

  it('queues scans that arrive during a write and applies each once, in order', async () => {
    const { store, pending } = deferredStore();
    const { s } = session(store);
    s.dispatch({ type: 'scan', text: 'S0700001' });
    s.dispatch({ type: 'scan', text: TEA_JAN });
    s.dispatch({ type: 'scan', text: TEA_JAN });
    s.dispatch({ type: 'scan', text: CUP_JAN });
    expect(pending).toHaveLength(1);
    for (let i = 0; i < 4; i++) {
      pending[i].resolve();
      await tick();
    }
    expect(pending).toHaveLength(4);
    expect(pending.map((p) => (p.commit.next.step === 'verifying' ? p.commit.next.progress.counts : null))).toEqual([
      {},
      { 'P-TEA': 1 },
      { 'P-TEA': 2 },
      { 'P-TEA': 2, 'P-CUP': 1 },
    ]);
    expect(s.busy).toBe(false);
  });

  it('reverts to the last committed state when the transaction aborts, drops the queue and blocks', async () => {
    const { store, pending } = deferredStore();
    const { s, tones } = session(store);
    s.dispatch({ type: 'scan', text: 'S0700001' });
    pending[0].resolve();
    await tick();
    s.dispatch({ type: 'scan', text: TEA_JAN });
    s.dispatch({ type: 'scan', text: TEA_JAN });
    pending[1].reject(new DOMException('disk full', 'QuotaExceededError'));
    await tick();
    expect(s.saveState).toBe('error');
    expect(s.failure).toEqual({ reason: 'QuotaExceededError', dropped: 1 });
    expect(s.state).toEqual(s.committed);
    expect(s.state.step === 'verifying' && s.state.progress.counts).toEqual({});
    // Until acknowledged, scans are refused and nothing is written.
    s.dispatch({ type: 'scan', text: TEA_JAN });
    expect(pending).toHaveLength(2);
    expect(tones.at(-1)).toBe('error');
    s.dismissFailure();
    s.dispatch({ type: 'scan', text: TEA_JAN });
    expect(pending).toHaveLength(3);
  });

  it('does not write refused scans', () => {
    const { store, pending } = deferredStore();
    const { s, tones } = session(store);
    s.dispatch({ type: 'scan', text: TEA_JAN });
    expect(tones).toEqual(['error']);
    expect(pending).toHaveLength(0);
  });

  it('packs a parcel end to end against a real store: state, event and parcel status together', async () => {
    const store = await openLocalStore(dbName());
    await applyPullPage(store, { cursor: '1', more: false, catalogue, parcels: [parcel()] });
    const { s, tones, parcels } = session(store);
    for (const text of ['S0700001', TEA_JAN, TEA_JAN, CUP_JAN, LEAFLET_JAN, 'S0700001']) s.dispatch({ type: 'scan', text });
    for (let i = 0; i < 20 && s.busy; i++) await tick();
    await tick();
    expect(tones).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'complete']);
    expect(s.state).toEqual({ step: 'awaitSlip', lastPacked: 'S0700001' });
    expect(parcels.get('S0700001')).toMatchObject({ status: 'packed', packedBy: { staffName: '佐藤', deviceName: 'pack-01' } });
    const boot = await loadBoot(store);
    expect(boot.packState).toEqual({ step: 'awaitSlip', lastPacked: 'S0700001' });
    expect(boot.parcels[0].status).toBe('packed');
    const [entry] = (await pendingForPush(store, 10)).entries;
    expect(entry.event).toMatchObject({ type: 'parcel.packed', deviceSeq: 1, staffId: 'staff-1', payload: { shipmentId: 'S0700001', insertCodes: ['LEAF'] } });
    // Scanning the slip again is refused as already packed, by whom.
    s.dispatch({ type: 'scan', text: 'S0700001' });
    expect(tones.at(-1)).toBe('error');
    expect(s.feedback?.message).toMatchObject({ key: 'pack.slip.packed', params: { staff: '佐藤', device: 'pack-01' } });
    store.close();
  });
});
