/** The shape of a named command handler: validate an event against the database, then apply it. */
import type { EventType, SyncEvent } from '../../../shared/protocol/events.js';
import type { RejectCode } from '../../../shared/protocol/sync.js';
import type { Tx } from '../../db/client.js';
import type { LockedParcels } from '../locked-parcels.js';

/** Who sent the push: taken from the credential, never from the request body. */
export interface PushContext {
  deviceId: string;
  deviceName: string;
  warehouseId: string;
  /** Server time the push arrived. */
  now: Date;
}

/** What a handler decided; the push loop turns it into the wire result and records it. */
export type CommandOutcome =
  | { status: 'applied' }
  | { status: 'rejected'; code: RejectCode; message: string; detail?: Record<string, string> };

/** What a push shares between the commands of its one transaction. */
export interface PushScope {
  /** The parcels `parcel.packed` works on; other commands find it handed over (empty, all written). */
  parcels: LockedParcels;
}

/**
 * Validates (step 2) and applies (step 3) one event inside the push's transaction, which holds the
 * push's other events too. So a handler decides before it writes: a rejection leaves no change
 * behind except a supervisor flag recording it.
 */
export type CommandHandler<T extends EventType> = (tx: Tx, event: Extract<SyncEvent, { type: T }>, ctx: PushContext, scope: PushScope) => Promise<CommandOutcome>;

/** The shipment an event is about, for the audit index (null for events about no parcel). */
export function shipmentIdOf(event: SyncEvent): string | null {
  return 'shipmentId' in event.payload ? event.payload.shipmentId : null;
}
