// @vitest-environment node
/** The engine every flow runs on (here with the pack flow): feedback at once, one strict commit per action, queued scans, storage failures. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Tone } from '../../../src/shared/flows/feedback.js';
import type { PackState } from '../../../src/shared/flows/pack-state.js';
import { loadBoot } from '../../../src/app/store/boot.js';
import { commitFlow, type FlowCommit } from '../../../src/app/store/flow-commit.js';
import { openLocalStore, type LocalStore } from '../../../src/app/store/local-store.js';
import { pendingForPush } from '../../../src/app/store/outbox-push.js';
import { applyPullPage } from '../../../src/app/store/pull-page.js';
import { catalogue, CUP_JAN, dbName, LEAFLET_JAN, parcel, TEA_JAN } from '../../helpers/fixtures/device.js';
import { makeSessions, settled } from './sessions.js';

// The speaker: every tone a worker would hear, in order (Node has no audio to play it on).
const tones: Tone[] = [];
vi.mock('../../../src/app/feedback/feedback.js', () => ({ playFeedback: (tone: Tone) => void tones.push(tone) }));
beforeEach(() => void tones.splice(0));

// The real commit path unless a test holds each commit until it says so (deferredStore).
vi.mock(import('../../../src/app/store/flow-commit.js'), async (importOriginal) => {
  const actual = await importOriginal();
  return { ...actual, commitFlow: vi.fn(actual.commitFlow) };
});
afterEach(() => vi.mocked(commitFlow).mockReset());

/** A store whose commits complete only when the test says so. */
function deferredStore() {
  const pending: { commit: FlowCommit<PackState>; resolve: () => void; reject: (e: unknown) => void }[] = [];
  vi.mocked(commitFlow).mockImplementation(
    (_store, _stateKey, commit) =>
      new Promise<never[]>((resolve, reject) => {
        pending.push({ commit: commit as FlowCommit<PackState>, resolve: () => resolve([]), reject });
      }),
  );
  return { pending, store: {} as LocalStore };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('flow session', () => {
  it('gives feedback at once and shows "saved" only after the commit', async () => {
    const { store, pending } = deferredStore();
    const s = makeSessions({ store, catalogue, parcels: [parcel()] }).flows.pack;
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
    const s = makeSessions({ store, catalogue, parcels: [parcel()] }).flows.pack;
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

  it('applies a refused scan queued behind a write and then the scans after it, without waiting for another write', async () => {
    const { store, pending } = deferredStore();
    const s = makeSessions({ store, catalogue, parcels: [parcel()] }).flows.pack;
    s.dispatch({ type: 'scan', text: 'S0700001' });
    s.dispatch({ type: 'scan', text: '4900000000000' });
    s.dispatch({ type: 'scan', text: TEA_JAN });
    pending[0].resolve();
    await tick();
    expect(tones).toEqual(['ok', 'error', 'ok']);
    expect(pending).toHaveLength(2);
    expect(s.state.step === 'verifying' && s.state.progress.counts).toEqual({ 'P-TEA': 1 });
  });

  it('holds the scans of a start whose records are still being checked, then applies each once, in order', async () => {
    const { store, pending } = deferredStore();
    let pass!: () => void;
    const ready = new Promise<void>((resolve) => (pass = resolve));
    const s = makeSessions({ store, catalogue, parcels: [parcel()], ready }).flows.pack;
    s.dispatch({ type: 'scan', text: 'S0700001' });
    s.dispatch({ type: 'scan', text: TEA_JAN });
    await tick();
    expect(tones).toEqual([]);
    expect(s.state.step).toBe('awaitSlip');
    expect(s.busy).toBe(true);
    pass();
    await tick();
    expect(tones).toEqual(['ok']);
    pending[0].resolve();
    await tick();
    expect(tones).toEqual(['ok', 'ok']);
    expect(s.state.step === 'verifying' && s.state.progress.counts).toEqual({ 'P-TEA': 1 });
  });

  it('reverts to the last committed state when the transaction aborts, drops the queue and blocks', async () => {
    const { store, pending } = deferredStore();
    const s = makeSessions({ store, catalogue, parcels: [parcel()] }).flows.pack;
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
    const s = makeSessions({ store, catalogue, parcels: [parcel()] }).flows.pack;
    s.dispatch({ type: 'scan', text: TEA_JAN });
    expect(tones).toEqual(['error']);
    expect(pending).toHaveLength(0);
  });

  it('packs a parcel end to end against a real store: state, event and parcel status together, then asks for a sync', async () => {
    const store = await openLocalStore(dbName());
    await applyPullPage(store, { cursor: '1', more: false, catalogue, parcels: [parcel()] });
    const { flows, app, syncRequests } = makeSessions({ store, catalogue, parcels: [parcel()] });
    const s = flows.pack;
    for (const text of ['S0700001', TEA_JAN, TEA_JAN, CUP_JAN, LEAFLET_JAN, 'S0700001']) s.dispatch({ type: 'scan', text });
    await settled(s);
    expect(tones).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'complete']);
    expect(s.state).toEqual({ step: 'awaitSlip', lastPacked: 'S0700001' });
    expect(app.parcels.get('S0700001')).toMatchObject({ status: 'packed', packedBy: { staffName: '佐藤', deviceName: 'pack-01' } });
    expect(app.counts.pending).toBe(1);
    expect(syncRequests).toEqual(['event']);
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

  it('re-renders only its own screen on an item scan, and the whole app when the step changes', async () => {
    const { store, pending } = deferredStore();
    const { flows, app } = makeSessions({ store, catalogue, parcels: [parcel()] });
    const s = flows.pack;
    let screen = 0;
    s.subscribe(() => (screen += 1));
    const appVersion = app.version;
    s.dispatch({ type: 'scan', text: 'S0700001' });
    expect([screen, app.version - appVersion]).toEqual([1, 1]);
    pending[0].resolve();
    await tick();
    s.dispatch({ type: 'scan', text: TEA_JAN });
    expect([screen, app.version - appVersion]).toEqual([2, 1]);
  });
});
