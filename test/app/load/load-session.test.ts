// @vitest-environment node
/** The loading check on the device: the same strict commit path as every flow, restore after reload, a box refused once loaded. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { INITIAL_LOAD_STATE, type LoadState } from '../../../src/shared/flows/load-state.js';
import { INITIAL_PACK_STATE } from '../../../src/shared/flows/pack-state.js';
import { INITIAL_RETURN_STATE } from '../../../src/shared/flows/return-state.js';
import { sevenDrCheckDigit } from '../../../src/shared/domain/tracking-number.js';
import { loadBoot } from '../../../src/app/store/boot.js';
import { openLocalStore, type LocalStore } from '../../../src/app/store/local-store.js';
import { pendingForPush } from '../../../src/app/store/outbox-push.js';
import { listOutbox } from '../../../src/app/store/outbox-lookups.js';
import type { Parcel } from '../../../src/shared/domain/parcel.js';
import { catalogue, dbName, ids, parcel } from '../../helpers/fixtures/device.js';
import { makeSessions, settled } from '../flow/sessions.js';

const NOW = '2026-12-03T15:00:00.000Z';
const LABEL = '44441375870' + String(sevenDrCheckDigit('44441375870'));
const packed = parcel('S0700001', {
  status: 'packed',
  shipping: { carrierId: 'yamato', service: '宅急便', boxCount: 1, labelScan: 'required', expectedTrackingNumbers: [], boundTrackingNumbers: [LABEL], loadedTrackingNumbers: [] },
});

let series = 0;
async function session(store: LocalStore, parcels: Parcel[] = [packed], loadState: LoadState = INITIAL_LOAD_STATE) {
  series += 1;
  const rested = { packState: INITIAL_PACK_STATE, pickState: { step: 'idle' as const, last: null }, returnState: INITIAL_RETURN_STATE, loadState };
  // Each session (one per reload) makes its own event ids, as crypto.randomUUID does on a device.
  return makeSessions({ store, catalogue, parcels, rested, now: NOW, newId: ids(`00000000-0000-4000-800${series}-`) }).flows.load('load');
}

describe('loading session on the device store', () => {
  it('commits each loading scan with its state, survives a reload mid-handover, and refuses the same box after it', async () => {
    const name = dbName();
    const store = await openLocalStore(name);
    const s = await session(store);
    s.dispatch({ type: 'start', carrierId: 'yamato' });
    await settled(s);
    s.dispatch({ type: 'scan', text: `a${LABEL}a` });
    await settled(s);
    expect(s.saveState).toBe('saved');
    store.close();

    const reopened = await openLocalStore(name);
    const boot = await loadBoot(reopened);
    expect(boot.loadState).toMatchObject({ step: 'loading', handover: { carrierId: 'yamato', loaded: [{ trackingNumber: LABEL, shipmentId: 'S0700001' }] } });
    const [entry] = (await pendingForPush(reopened, 10)).entries;
    expect(entry).toMatchObject({ status: 'pending', event: { type: 'load.scanned', staffId: 'staff-1', payload: { trackingNumber: LABEL, shipmentId: 'S0700001', carrierId: 'yamato' } } });
    expect(entry.subject).toBe(`handover:${boot.loadState.step === 'loading' ? boot.loadState.handover.handoverId : ''}`);

    // Closed, then a new handover: the device remembers from its outbox that this box is on a truck.
    const again = await session(reopened, [packed], boot.loadState);
    again.dispatch({ type: 'close' });
    await settled(again);
    const later = await session(reopened, [packed], (await loadBoot(reopened)).loadState);
    later.dispatch({ type: 'start', carrierId: 'yamato' });
    later.dispatch({ type: 'scan', text: LABEL });
    await settled(later);
    expect(later.feedback).toMatchObject({ tone: 'error', message: { key: 'load.label.already' } });
    const types = (await listOutbox(reopened, 'pending')).map((e) => e.event.type);
    expect(types.sort()).toEqual(['handover.closed', 'load.scanned']);
    reopened.close();
  });
});
