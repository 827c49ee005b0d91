/** The pick flow's state as the device keeps it. Persisted on every device: never rename fields. */
import type { BatchHolder } from '../protocol/pick.js';

/** A finished stop: picked in full, or short with the units found. */
export interface PickStopResult {
  picked: number;
  allocations: { shipmentId: string; qty: number }[];
  short: boolean;
}

/** The batch in hand. Persisted on the device: never rename fields. */
export interface PickProgress {
  batchId: string;
  /** Slot order, as claimed. */
  shipmentIds: string[];
  claimedAt: string;
  /** Units confirmed per product at stops not finished yet. */
  counts: Record<string, number>;
  /** Products whose location label was scanned. */
  locationOk: string[];
  /** Finished stops by product code. */
  done: Record<string, PickStopResult>;
  /** Parcels short so far (held on sync). */
  shortShipmentIds: string[];
}

/** How the last batch ended: picked, or taken away by the server (another device holds it, it was released or rebuilt). */
export type PickLast =
  | { batchId: string; outcome: 'completed'; shortShipmentIds: string[] }
  | { batchId: string; outcome: 'lost'; holder: BatchHolder | null };

/** The pick screen's state. Persisted on the device: it survives a reload. */
export type PickState = { step: 'idle'; last: PickLast | null } | { step: 'picking'; progress: PickProgress };

/** The state of a device that has picked nothing yet. */
export const INITIAL_PICK_STATE: PickState = { step: 'idle', last: null };
