/**
 * What the pick events do to a parcel's status, written once for both sides: the device applies them to
 * its own copy in the same transaction as the step that recorded them, the server when they arrive.
 */
import type { ParcelStatus } from '../domain/parcel.js';

/** The hold reason of a parcel that lost a short pick: the device and the server give it, the console lists short picks by it. */
export const SHORT_PICK_HOLD_REASON = '欠品';

/** A status change a pick event makes, or null when the parcel keeps the status it has. */
export type PickStatusChange = { status: 'held'; holdReason: string } | { status: 'picked' } | null;

/** pick.short: a parcel that lost the shortage is held, unless it is packed, shipped or held already. */
export function afterShortPick(status: ParcelStatus): PickStatusChange {
  return status === 'packed' || status === 'shipped' || status === 'held' ? null : { status: 'held', holdReason: SHORT_PICK_HOLD_REASON };
}

/** batch.completed: a parcel still in picking is held when short, else picked; any other keeps its status. */
export function afterBatchCompleted(status: ParcelStatus, short: boolean): PickStatusChange {
  if (status !== 'picking' && status !== 'released') return null;
  return short ? { status: 'held', holdReason: SHORT_PICK_HOLD_REASON } : { status: 'picked' };
}
