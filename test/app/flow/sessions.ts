/** Builds the app's flow sessions over a device store, as the composition root does, for the app tests. */
import { AppState } from '../../../src/app/app-state.js';
import { FlowSessions, type FlowSessionsParts, type RestedStates } from '../../../src/app/flow/flow-sessions.js';
import { PickBatches } from '../../../src/app/pick/pick-batches.js';
import type { Catalogue } from '../../../src/shared/domain/catalogue.js';
import type { Parcel } from '../../../src/shared/domain/parcel.js';
import { DEFAULT_PICK_SETTINGS } from '../../../src/shared/picking/pick-settings.js';
import type { PickBatch } from '../../../src/shared/protocol/pick.js';
import type { SyncReason } from '../../../src/app/sync/scheduler.js';
import { ids } from '../../helpers/fixtures/device.js';

/** What a test sets up: the store, what the device holds, who is signed in. */
export interface SessionsSetup {
  store: FlowSessionsParts['store'];
  catalogue: Catalogue;
  parcels?: Parcel[];
  batches?: PickBatch[];
  rested?: RestedStates;
  now?: string;
  /** Settles when the start's record checks pass (the sessions hold actions until then). */
  ready?: Promise<void>;
  /** Event ids (a fresh deterministic series unless given: a test reopening one store gives each session its own). */
  newId?: () => string;
}

/** The app's state and flow sessions, and the sync requests the sessions made. */
export function makeSessions(setup: SessionsSetup) {
  const app = new AppState();
  app.credential = { deviceId: 'dev-1', deviceName: 'pack-01', token: 't', warehouseId: 'wh-1', warehouseName: '東京', enrolledAt: '2026-11-24T08:00:00Z' };
  app.session = { staffId: 'staff-1', code: 'ST001', name: '佐藤', signedInAt: '2026-11-24T08:00:00Z' };
  app.setCatalogue(setup.catalogue);
  app.putParcels(setup.parcels ?? []);
  app.batches = new PickBatches(setup.batches ?? [], DEFAULT_PICK_SETTINGS);
  const syncRequests: SyncReason[] = [];
  const flows = new FlowSessions(
    { store: setup.store, app, scheduler: { request: (reason) => void syncRequests.push(reason) }, newId: setup.newId ?? ids(), now: setup.now ? () => setup.now! : undefined, ready: setup.ready },
    setup.rested,
  );
  return { app, flows, syncRequests };
}

/** Waits until a session has written everything it was given. */
export async function settled(session: { busy: boolean; saveState: string }): Promise<void> {
  for (let i = 0; i < 200 && (session.busy || session.saveState === 'saving'); i++) await new Promise((r) => setTimeout(r, 2));
}
