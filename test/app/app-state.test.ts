// @vitest-environment node
/** What the screens render: where a worker may go, and what a committed step changes at once on this device. */
import { describe, expect, it } from 'vitest';
import { AppState } from '../../src/app/app-state.js';
import type { OutboxEntry } from '../../src/app/store/schema.js';
import type { SyncEvent } from '../../src/shared/protocol/events.js';
import { catalogue, parcel } from '../helpers/fixtures/device.js';

const credential = { deviceId: 'dev-1', deviceName: 'pick-01', token: 't', warehouseId: 'wh-1', warehouseName: '東京', enrolledAt: '2026-11-24T08:00:00Z' };
const session = { staffId: 'staff-1', code: 'ST001', name: '佐藤', signedInAt: '2026-11-24T08:00:00Z' };

function entryOf(event: Partial<SyncEvent> & Pick<SyncEvent, 'type' | 'payload'>): OutboxEntry {
  const full = { id: 'e1', deviceSeq: 1, staffId: 'staff-1', at: '2026-11-24T09:00:00Z', ...event } as SyncEvent;
  return { id: full.id, deviceSeq: 1, subject: 'parcel:S1', event: full, status: 'pending', recordedAt: full.at, syncedAt: null, rejection: null };
}

describe('app state', () => {
  it('sends a device with no credential to enrolment and a device with no staff to sign-in, wherever asked', () => {
    const app = new AppState();
    app.navigate('pack');
    expect(app.screen).toBe('enrol');
    app.credential = credential;
    app.navigate('pack');
    expect(app.screen).toBe('signIn');
    app.session = session;
    app.navigate('pack');
    expect(app.screen).toBe('pack');
  });

  it('takes in a commit: its parcels, one pending event each, a batch claimed as this device’s and a parcel returned', () => {
    const app = new AppState();
    app.credential = credential;
    app.session = session;
    app.batches.onPullPage({ cursor: '1', more: false, catalogue: null, parcels: [], batches: [{ batchId: 'B1', shape: 'single', insertCodes: [], giftCode: null, shipmentIds: ['S1'], status: 'open', claimedBy: null, createdAt: '2026-11-24T08:00:00Z' }] });
    const version = app.version;
    app.takeCommit(
      [parcel('S1', { status: 'packed' })],
      [
        entryOf({ type: 'batch.claimed', payload: { batchId: 'B1', shipmentIds: ['S1'] } }),
        entryOf({ type: 'return.received', payload: { shipmentId: 'S2', orderNumber: 'O-2', startedAt: '2026-11-24T08:59:00Z', items: [], unexpectedItems: [], note: null } }),
      ],
    );
    expect(app.parcels.get('S1')?.status).toBe('packed');
    expect(app.counts.pending).toBe(2);
    expect(app.batches.byId.get('B1')).toMatchObject({ status: 'claimed', claimedBy: { deviceId: 'dev-1', deviceName: 'pick-01', staffName: '佐藤' } });
    expect(app.returnedShipments.has('S2')).toBe(true);
    // Taking in a commit does not re-render by itself: the session says when the screens must.
    expect(app.version).toBe(version);
  });

  it('forgets the device and its customers on a wipe, and keeps its banners', () => {
    const app = new AppState();
    app.credential = credential;
    app.session = session;
    app.setCatalogue(catalogue);
    app.putParcels([parcel()]);
    app.notices.add('revoked');
    app.forgetDevice();
    expect([app.credential, app.session, app.catalogue, app.parcels.size, app.batches.byId.size]).toEqual([null, null, null, 0, 0]);
    expect(app.notices.has('revoked')).toBe(true);
  });

  it('lets a sign-in wait for the first catalogue, and no longer than asked', async () => {
    const app = new AppState();
    const waiting = app.waitForCatalogue(5_000);
    app.setCatalogue(catalogue);
    await expect(waiting).resolves.toBeUndefined();
    const bare = new AppState();
    const started = Date.now();
    await bare.waitForCatalogue(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });
});
