/** Each flow's lookups, built from what the app holds in memory (nothing is read from IndexedDB on the scan path). */
import type { PackContext } from '../../shared/flows/pack.js';
import type { PickContext } from '../../shared/flows/pick.js';
import type { ReturnContext } from '../../shared/flows/return.js';
import type { AppState } from '../app-state.js';

/** The pack flow's lookups: the catalogue and the parcels on this device. */
export function packContext(app: AppState, now: string): PackContext {
  return { index: app.index, findParcel: (id) => app.parcels.get(id), now };
}

/** The pick flow's lookups: the parcels, the pulled batches and the picking settings in force. */
export function pickContext(app: AppState, now: string): PickContext {
  return {
    index: app.index,
    findParcel: (id) => app.parcels.get(id),
    findBatch: (id) => app.batches.byId.get(id),
    deviceId: app.credential?.deviceId ?? '',
    settings: app.batches.settings,
    format: app.batches.format,
    now,
  };
}

/** The return flow's lookups: the parcels that left (by id or order number) and those already logged back. */
export function returnContext(app: AppState, now: string): ReturnContext {
  return {
    index: app.index,
    findParcel: (id) => app.parcels.get(id),
    findParcelByOrder: (order) => {
      for (const p of app.parcels.values()) if (p.orderNumber === order && (p.status === 'packed' || p.status === 'shipped')) return p;
      return undefined;
    },
    alreadyReturned: (id) => app.returnedShipments.has(id),
    now,
  };
}
