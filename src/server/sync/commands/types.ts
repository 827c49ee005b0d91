/** The shape of a named command handler: validate an event against the database, then apply it. */
import type { EventType, SyncEvent } from '../../../shared/protocol/events.js';
import type { RejectCode } from '../../../shared/protocol/sync.js';
import type { Tx } from '../../db/client.js';

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

/** Validates (step 2) and applies (step 3) one event inside the caller's transaction. */
export type CommandHandler<T extends EventType> = (tx: Tx, event: Extract<SyncEvent, { type: T }>, ctx: PushContext) => Promise<CommandOutcome>;

/** The shipment an event is about, for the audit index (null for events about no parcel). */
export function shipmentIdOf(event: SyncEvent): string | null {
  return 'shipmentId' in event.payload ? event.payload.shipmentId : null;
}
