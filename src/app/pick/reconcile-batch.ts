/**
 * What a sync does to the batch in hand: another device claimed it first, a supervisor released it,
 * or it was rebuilt. The batch is then dropped with a message naming the holder, unless something of
 * ours about it still waits to be sent (the server has not heard this device yet).
 */
import type { SyncEvent } from '../../shared/protocol/events.js';
import type { BatchHolder } from '../../shared/protocol/pick.js';
import type { AppState } from '../app-state.js';
import type { SessionOf } from '../flow/flow-sessions.js';
import type { LocalStore } from '../store/local-store.js';
import { hasPendingAbout } from '../store/outbox-lookups.js';
import { batchSubject } from '../../shared/protocol/event-subject.js';
import type { Rejection } from '../store/schema.js';

/** Server answers that mean "this batch is not yours any more". */
const LOST_CODES = new Set(['batch_taken', 'batch_not_yours', 'batch_changed', 'batch_unknown']);

/**
 * Stops the batch in hand when the server refused one of its events as not ours, or the pull shows it
 * held by another device, open again (released) or gone (rebuilt) while none of our events about it waits.
 */
export async function reconcileBatchInHand(
  session: SessionOf<'pick'>,
  app: AppState,
  store: LocalStore,
  rejections: { event: SyncEvent; rejection: Rejection }[],
): Promise<void> {
  const state = session.state;
  if (state.step !== 'picking') return;
  const batchId = state.progress.batchId;
  const refused = rejections.find((r) => 'batchId' in r.event.payload && r.event.payload.batchId === batchId && LOST_CODES.has(r.rejection.code));
  if (refused) {
    session.dispatch({ type: 'drop', holder: holderFromDetail(refused.rejection.detail) });
    return;
  }
  const batch = app.batches.byId.get(batchId);
  if (batch && batch.status === 'claimed' && batch.claimedBy?.deviceId === app.credential?.deviceId) return;
  if (await hasPendingAbout(store, batchSubject(batchId))) return;
  // The worker may have finished or dropped the batch while the outbox was read.
  if (session.state.step !== 'picking' || session.state.progress.batchId !== batchId) return;
  session.dispatch({ type: 'drop', holder: batch?.claimedBy ?? null });
}

function holderFromDetail(detail: Record<string, string> | undefined): BatchHolder | null {
  if (!detail?.staffName) return null;
  return { staffId: '', staffName: detail.staffName, deviceId: '', deviceName: detail.deviceName ?? '', at: detail.at ?? '' };
}
