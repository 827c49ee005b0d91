// @vitest-environment node
/**
 * The enrolled mark outside IndexedDB: it keeps the device's id and recovery secret, so a browser whose
 * database vanished can name its old device and prove it was that device when it enrols again.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppState } from '../../../src/app/app-state.js';
import { readEnrolledMark } from '../../../src/app/device/enrolled-mark.js';
import { DeviceSession } from '../../../src/app/device/device-session.js';
import { FlowSessions } from '../../../src/app/flow/flow-sessions.js';
import { loadBoot } from '../../../src/app/store/boot.js';
import { openLocalStore } from '../../../src/app/store/local-store.js';
import { outboxCounts } from '../../../src/app/store/outbox.js';
import { SyncScheduler } from '../../../src/app/sync/scheduler.js';
import type { EnrolRequest, EnrolResponse } from '../../../src/shared/protocol/sync.js';
import { dbName, ids } from '../../helpers/fixtures/device.js';

const MARK = 'floorpack.enrolled';

/** localStorage as the browser keeps it: strings by key, surviving the IndexedDB database. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

/** An unenrolled device (a fresh or a vanished database) whose server answers enrolments with `answer`. */
async function unenrolledDevice(answer: EnrolResponse) {
  const store = await openLocalStore(dbName());
  const app = new AppState();
  const requests: EnrolRequest[] = [];
  const scheduler = new SyncScheduler({ run: async () => undefined, isOnline: () => false, onAuthLost: () => undefined });
  const flows = new FlowSessions({ store, app, scheduler, newId: ids() });
  const api = { enrol: async (request: EnrolRequest) => (requests.push(request), answer) };
  const refreshCounts = async () => void (app.counts = await outboxCounts(store));
  const session = new DeviceSession({ app, store, api, scheduler, flows, refreshCounts });
  return { store, app, session, requests, scheduler };
}

const ANSWER: EnrolResponse = { deviceId: 'dev-new', deviceName: 'pack-01', token: 'token-new', warehouseId: 'WH1', warehouseName: '東京DC', recoverySecret: 'secret-new' };

describe('enrolled mark and re-enrolment', () => {
  beforeEach(() => {
    vi.stubGlobal('localStorage', memoryStorage());
    vi.stubGlobal('navigator', {});
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the recovery secret with the mark, outside IndexedDB, and names no device on a first enrolment', async () => {
    const { store, app, session, requests, scheduler } = await unenrolledDevice(ANSWER);
    expect(await session.enrol(' K7QX-M2PA-W9TD ', 'pack-01')).toBeNull();
    scheduler.stop();
    expect(requests).toEqual([{ code: 'K7QX-M2PA-W9TD', deviceName: 'pack-01' }]);
    expect(readEnrolledMark()).toEqual({ deviceId: 'dev-new', recoverySecret: 'secret-new' });
    expect(app.credential).not.toHaveProperty('recoverySecret');
    const boot = await loadBoot(store);
    expect(boot.credential).toMatchObject({ deviceId: 'dev-new', token: 'token-new' });
    expect(JSON.stringify(boot.credential)).not.toContain('secret-new');
    store.close();
  });

  it('after its database vanished, names the old device and brings its secret, then keeps the new one', async () => {
    localStorage.setItem(MARK, JSON.stringify({ deviceId: 'dev-old', recoverySecret: 'secret-old' }));
    const { store, session, requests, scheduler } = await unenrolledDevice(ANSWER);
    expect(await session.enrol('K7QX-M2PA-W9TD', 'pack-01')).toBeNull();
    scheduler.stop();
    expect(requests).toEqual([{ code: 'K7QX-M2PA-W9TD', deviceName: 'pack-01', previousDeviceId: 'dev-old', previousDeviceSecret: 'secret-old' }]);
    expect(readEnrolledMark()).toEqual({ deviceId: 'dev-new', recoverySecret: 'secret-new' });
    store.close();
  });

  it('reads an older app\'s mark (the bare device id): names the device without a secret', async () => {
    localStorage.setItem(MARK, 'dev-older-app');
    expect(readEnrolledMark()).toEqual({ deviceId: 'dev-older-app', recoverySecret: null });
    const { store, session, requests, scheduler } = await unenrolledDevice(ANSWER);
    await session.enrol('K7QX-M2PA-W9TD', 'pack-01');
    scheduler.stop();
    expect(requests[0]).toEqual({ code: 'K7QX-M2PA-W9TD', deviceName: 'pack-01', previousDeviceId: 'dev-older-app' });
    store.close();
  });

  it('ignores a mark it cannot read, and a wipe forgets the mark', async () => {
    localStorage.setItem(MARK, '{"deviceId":');
    expect(readEnrolledMark()).toBeNull();
    const { store, session, scheduler } = await unenrolledDevice(ANSWER);
    await session.enrol('K7QX-M2PA-W9TD', 'pack-01');
    expect(readEnrolledMark()?.deviceId).toBe('dev-new');
    await session.wipeDevice();
    scheduler.stop();
    expect(readEnrolledMark()).toBeNull();
    store.close();
  });
});
