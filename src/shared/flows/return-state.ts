/** The return flow's state as the device keeps it. Persisted on every device: never rename fields. */
import type { ReturnCondition } from '../protocol/events.js';

/** The condition of a unit that arrived (missing units are never confirmed, they are what is left). */
export type ReceivedCondition = Exclude<ReturnCondition, 'missing'>;

/** One unit confirmed by scan. Persisted on the device: never rename fields. */
export interface ReturnUnit {
  productCode: string;
  condition: ReceivedCondition;
  reasonCode: string | null;
  note: string | null;
}

/** Something in the box the parcel never held. Persisted on the device. */
export interface UnexpectedItem {
  code: string;
  productCode: string | null;
  qty: number;
}

/** The receipt in progress. Persisted on the device: it survives a reload. */
export interface ReturnProgress {
  /** null when logged by order number for a parcel this device does not hold (resolved on sync). */
  shipmentId: string | null;
  orderNumber: string;
  startedAt: string;
  units: ReturnUnit[];
  unexpected: UnexpectedItem[];
  note: string;
}

/** The returns screen's state. */
export type ReturnState = { step: 'find'; lastSaved: string | null } | { step: 'receiving'; progress: ReturnProgress };

/** The state of a device that has logged no return yet. */
export const INITIAL_RETURN_STATE: ReturnState = { step: 'find', lastSaved: null };
