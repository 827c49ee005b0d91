/** One flow screen's entry in the registry (flow-sessions.ts): its flow, its lookups, and what it needs first. */
import type { Flow } from '../../shared/flows/flow.js';
import type { AppState } from '../app-state.js';
import type { LocalStore } from '../store/local-store.js';

/** A flow with what the device must give it: lookups built from the app's state, and a preparation before its first action. */
export interface FlowEntry<S, A, C> {
  flow: Flow<S, A, C>;
  /** The flow's lookups, from what the app holds in memory (nothing is read from IndexedDB on the scan path). */
  context(app: AppState, now: string): C;
  /** Runs once, before the session is built (reading what the flow needs from the store). */
  prepare?(store: LocalStore, app: AppState): Promise<void>;
  /** A User Timing mark set when a commit's strict transaction completes (the benchmark observes it). */
  commitMark?: string;
}
