/**
 * The pack screen's engine: the shared flow session (flow/flow-session.ts: feedback at once, one
 * strict IndexedDB commit per action, queued actions applied once, storage failures blocking) over
 * the pack state table; a completed parcel is marked packed on this device in the same commit.
 */
import type { Parcel } from '../../shared/domain/parcel.js';
import type { Feedback } from '../../shared/flows/feedback.js';
import { applyPackAction, type PackAction, type PackContext, type PackState } from '../../shared/flows/pack.js';
import { FlowSession, type FlowIdentity } from '../flow/flow-session.js';
import { commitFlow } from '../store/flow-commit.js';
import type { LocalStore } from '../store/local-store.js';
import type { OutboxEntry } from '../store/schema.js';

export type { SaveState, StorageFailure } from '../flow/flow-session.js';

/**
 * A User Timing mark set when a pack commit's strict transaction has completed: the benchmark
 * (test/bench) observes it to measure scan → durable commit. Cheap, and harmless in production.
 */
export const PACK_COMMIT_MARK = 'floorpack:pack-commit';

/** Who is packing on which device (for the envelope and the local "packed by"). */
export type PackIdentity = FlowIdentity;

/** What the session needs from the app. */
export interface PackSessionDeps {
  store: LocalStore;
  /** The lookups for the flow: in-memory catalogue index and parcel map (no IDB reads on the scan path). */
  context: (now: string) => PackContext;
  identity: () => PackIdentity | null;
  /** Called synchronously with each action's feedback (sound, vibration). */
  onFeedback: (feedback: Feedback) => void;
  /** Called after a commit with the parcels it changed and the events it recorded. */
  onCommitted: (parcels: Parcel[], entries: OutboxEntry[]) => void;
  /** Called whenever anything on screen may have changed. */
  onChange: () => void;
  now?: () => string;
  newId?: () => string;
}

/** One pack session per device; survives screen changes. */
export class PackSession extends FlowSession<PackState, PackAction> {
  constructor(initial: PackState, deps: PackSessionDeps) {
    super(initial, {
      ...deps,
      commitMark: PACK_COMMIT_MARK,
      // Only a change of step (a slip scanned, a parcel completed or cancelled) matters beyond the
      // pack screen (the update bar waits while verifying); an item scan re-renders the screen alone.
      isAppChange: (previous, next) => previous.step !== next.step,
      apply: (state, action, now) => applyPackAction(state, action, deps.context(now)),
      commit: (commit) => commitFlow(deps.store, 'packState', commit),
      localParcels: (events, now, identity) => {
        const parcels: Parcel[] = [];
        for (const event of events) {
          if (event.type !== 'parcel.packed') continue;
          const parcel = deps.context(now).findParcel(event.payload.shipmentId);
          if (parcel) {
            parcels.push({
              ...parcel,
              status: 'packed',
              packedBy: { staffName: identity?.staffName ?? '', deviceName: identity?.deviceName ?? '', at: now },
            });
          }
        }
        return parcels;
      },
    });
  }
}
