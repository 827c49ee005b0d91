/**
 * The resting states of the pick and returns flows, apart from the flows themselves: the device's
 * store and start-up code need them, the flows' code only the screens that load them on first use.
 */
import type { PickState } from './pick.js';
import type { ReturnState } from './return.js';

/** No batch in hand, nothing picked yet. */
export const INITIAL_PICK_STATE: PickState = { step: 'idle', last: null };
/** Waiting for a parcel to be found, nothing saved yet. */
export const INITIAL_RETURN_STATE: ReturnState = { step: 'find', lastSaved: null };
