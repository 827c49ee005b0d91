// @vitest-environment node
/** Who works on the device: badge sign-in (with a PIN checked offline), sign-out, and the wipe that keeps unsent work. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AppState } from '../../../src/app/app-state.js';
import { DeviceSession } from '../../../src/app/device/device-session.js';
import { FlowSessions } from '../../../src/app/flow/flow-sessions.js';
import { loadBoot } from '../../../src/app/store/boot.js';
import { commitFlow } from '../../../src/app/store/flow-commit.js';
import { openLocalStore, type LocalStore } from '../../../src/app/store/local-store.js';
import { outboxCounts } from '../../../src/app/store/outbox.js';
import { createApiClient } from '../../../src/app/sync/api.js';
import { SyncScheduler } from '../../../src/app/sync/scheduler.js';
import { INITIAL_PACK_STATE } from '../../../src/shared/flows/pack-state.js';
import { hashStaffPin } from '../../../src/server/auth/staff-pin.js';
import { catalogue, dbName, ids, parcel } from '../../helpers/fixtures/device.js';
import { packedEvent } from '../store/events.js';

const credential = { deviceId: 'dev-1', deviceName: 'pack-01', token: 't', warehouseId: 'wh-1', warehouseName: '東京', enrolledAt: '2026-11-24T08:00:00Z' };

/** The device session over a real store, as the composition root builds it (the network is never reached here). */
async function device(staffPin?: string) {
  const store = await openLocalStore(dbName());
  const app = new AppState();
  app.credential = credential;
  const staff = [{ id: 'staff-1', code: 'ST001', name: '佐藤', ...(staffPin ? { pinHash: await hashStaffPin(staffPin) } : {}) }];
  app.setCatalogue({ ...catalogue, staff });
  app.putParcels([parcel()]);
  const scheduler = new SyncScheduler({ run: async () => undefined, isOnline: () => false, onAuthLost: () => undefined });
  const flows = new FlowSessions({ store, app, scheduler, newId: ids() });
  const api = createApiClient({ fetch: () => Promise.reject(new Error('no network in this test')), getToken: () => null, outboxCounts: () => app.counts });
  const refreshCounts = async () => void (app.counts = await outboxCounts(store));
  const session = new DeviceSession({ app, store, api, scheduler, flows, refreshCounts });
  return { store, app, flows, session };
}

describe('device session', () => {
  it('signs a badge in offline against the pulled staff list, and refuses one it does not know', async () => {
    const { app, session, store } = await device();
    expect(await session.signIn('st999')).toBe('signin.unknown');
    expect(await session.signIn(' st001 ')).toBeNull();
    expect(app.session).toMatchObject({ staffId: 'staff-1', name: '佐藤' });
    expect(app.screen).toBe('home');
    expect((await loadBoot(store)).session?.staffId).toBe('staff-1');
    await session.signOut();
    expect([app.session, app.screen]).toEqual([null, 'signIn']);
    expect((await loadBoot(store)).session).toBeNull();
    store.close();
  });

  it('asks for the PIN of a badge that has one, refuses a wrong one, and signs in with the right one', async () => {
    const { app, session, store } = await device('4821');
    expect(await session.signIn('ST001')).toBe('signin.pinRequired');
    expect(await session.signIn('ST001', '0000')).toBe('signin.pinWrong');
    expect(app.session).toBeNull();
    expect(await session.signIn('ST001', '4821')).toBeNull();
    expect(app.session?.staffId).toBe('staff-1');
    store.close();
  });

  it('brings a worker back to the parcel in hand after signing in', async () => {
    const { app, session, flows, store } = await device();
    await session.signIn('ST001');
    flows.pack.dispatch({ type: 'scan', text: 'S0700001' });
    await session.signOut();
    await session.signIn('ST001');
    expect(app.screen).toBe('pack');
    store.close();
  });

  it('wipes customer data and this enrolment, keeps the unsent events, and goes back to enrolment', async () => {
    const { app, session, flows, store } = await device();
    await commitFlow(store, 'packState', { next: INITIAL_PACK_STATE, events: [packedEvent('S0700001')], staffId: 'staff-1', at: '2026-11-24T09:00:00Z', newId: ids() });
    await session.signIn('ST001');
    flows.pack.dispatch({ type: 'scan', text: 'S0700001' });
    await session.wipeDevice();
    expect([app.credential, app.session, app.parcels.size, app.screen]).toEqual([null, null, 0, 'enrol']);
    expect(flows.pack.state).toEqual(INITIAL_PACK_STATE);
    expect(app.counts.pending).toBe(1);
    const boot = await loadBoot(store);
    expect([boot.credential, boot.parcels.length]).toEqual([null, 0]);
    store.close();
  });
});
