/**
 * Every flow's state at rest, apart from the flows themselves: the device's store and start-up code
 * need them, while the pick and return flows' code loads only with their screens.
 */
import type { PackState } from './pack.js';
import type { PickState } from './pick.js';
import type { ReturnState } from './return.js';

/** No parcel in hand, nothing packed yet. */
export const INITIAL_PACK_STATE: PackState = { step: 'awaitSlip', lastPacked: null };
/** No batch in hand, nothing picked yet. */
export const INITIAL_PICK_STATE: PickState = { step: 'idle', last: null };
/** Waiting for a parcel to be found, nothing saved yet. */
export const INITIAL_RETURN_STATE: ReturnState = { step: 'find', lastSaved: null };
