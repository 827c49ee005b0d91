/** The loading check in the flow registry: loaded with the loading screen (a precached chunk). */
import { indexLabels } from '../../shared/domain/loading.js';
import type { Parcel } from '../../shared/domain/parcel.js';
import { loadFlow, type LoadAction, type LoadContext } from '../../shared/flows/load.js';
import type { LoadState } from '../../shared/flows/load-state.js';
import type { AppState } from '../app-state.js';
import type { FlowEntry } from '../flow/flow-entry.js';
import { loadedLabels } from '../store/outbox-lookups.js';

// The label index is rebuilt only when the app's parcels may have changed (a pull or a commit bumps the version).
let indexed: { app: AppState; version: number; byLabel: Map<string, Parcel> } | null = null;

/** The parcel each label belongs to, as the device holds them now. */
export function labelIndex(app: AppState): Map<string, Parcel> {
  if (indexed?.app !== app || indexed.version !== app.version) indexed = { app, version: app.version, byLabel: indexLabels(app.parcels.values()) };
  return indexed.byLabel;
}

/** The loading flow's lookups: labels to parcels from the pulled parcels, and what this device loaded before. */
export function loadContext(app: AppState, now: string): LoadContext {
  const byLabel = labelIndex(app);
  return {
    findParcelByLabel: (n) => byLabel.get(n),
    loadedHere: app.loadedLabels,
    now,
    newHandoverId: crypto.randomUUID(),
  };
}

/** The loading screen's flow. */
export const loadEntry: FlowEntry<LoadState, LoadAction, LoadContext> = {
  flow: loadFlow,
  context: loadContext,
  // A box this device loaded is refused a second time, even before the server knows.
  prepare: async (store, app) => {
    for (const n of await loadedLabels(store)) app.loadedLabels.add(n);
  },
};
