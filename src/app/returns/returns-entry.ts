/** Return receipts in the flow registry: loaded with the returns screen (a precached chunk). */
import { returnFlow, type ReturnAction, type ReturnContext } from '../../shared/flows/return.js';
import type { ReturnState } from '../../shared/flows/return-state.js';
import type { AppState } from '../app-state.js';
import type { FlowEntry } from '../flow/flow-entry.js';
import { returnedShipments } from '../store/outbox-lookups.js';

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

/** The returns screen's flow. */
export const returnsEntry: FlowEntry<ReturnState, ReturnAction, ReturnContext> = {
  flow: returnFlow,
  context: returnContext,
  // A parcel logged back on this device is refused a second time, even before the server knows.
  prepare: async (store, app) => {
    for (const id of await returnedShipments(store)) app.returnedShipments.add(id);
  },
};
