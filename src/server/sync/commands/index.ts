/** The named commands the server applies; a new event type adds its handler here. */
import type { EventType } from '../../../shared/protocol/events.js';
import { applyParcelPacked } from './parcel-packed.js';
import { applyBatchClaimed } from './batch-claimed.js';
import { applyPickConfirmed } from './pick-confirmed.js';
import { applyPickShort } from './pick-short.js';
import { applyBatchCompleted } from './batch-completed.js';
import { applyHandoverClosed } from './handover-closed.js';
import { applyLoadScanned } from './load-scanned.js';
import { applyReturnReceived } from './return-received.js';
import type { CommandHandler } from './types.js';

/** One handler per event type (the compiler insists every type has one). */
export const COMMAND_HANDLERS: { [T in EventType]: CommandHandler<T> } = {
  'parcel.packed': applyParcelPacked,
  'batch.claimed': applyBatchClaimed,
  'pick.confirmed': applyPickConfirmed,
  'pick.short': applyPickShort,
  'batch.completed': applyBatchCompleted,
  'return.received': applyReturnReceived,
  'load.scanned': applyLoadScanned,
  'handover.closed': applyHandoverClosed,
};
