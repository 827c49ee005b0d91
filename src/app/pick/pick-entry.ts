/** Picking in the flow registry: loaded with the pick screen (a precached chunk). */
import { pickFlow, type PickAction, type PickContext } from '../../shared/flows/pick.js';
import type { PickState } from '../../shared/flows/pick-state.js';
import type { AppState } from '../app-state.js';
import type { FlowEntry } from '../flow/flow-entry.js';

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

/** The pick screen's flow. */
export const pickEntry: FlowEntry<PickState, PickAction, PickContext> = { flow: pickFlow, context: pickContext };
