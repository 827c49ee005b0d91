/** Push: sends the outbox oldest first in batches and records the server's answer per event. */
import type { SyncEvent } from '../../shared/protocol/events.js';
import type { LocalStore } from '../store/local-store.js';
import { applyPushResults, pendingForPush } from '../store/outbox.js';
import type { Rejection } from '../store/schema.js';
import { ProtocolError, type ApiClient } from './api.js';

/** What one push run did. */
export interface PushSummary {
  sent: number;
  synced: number;
  /** Events refused in this run: by the server, or kept back by this device as unreadable. */
  rejected: number;
  /** Of `rejected`, the events refused by the server in this run, with the reason (the pick screen stops a batch it lost). */
  rejections: { event: SyncEvent; rejection: Rejection }[];
}

/** Pushes every pending event; stops (throwing) at the first failed request, leaving the rest pending. */
export async function pushOutbox(
  api: Pick<ApiClient, 'push'>,
  store: LocalStore,
  now: () => string,
  signal?: AbortSignal,
): Promise<PushSummary> {
  // The batch limit lives with the wire schemas, which stay out of the main bundle (validate.ts).
  const { PUSH_MAX_EVENTS } = await import('./validate.js');
  const summary: PushSummary = { sent: 0, synced: 0, rejected: 0, rejections: [] };
  for (;;) {
    // 1. The oldest pending events, at most one batch; any that no longer read as events are kept back, refused.
    const { entries: batch, keptBack } = await pendingForPush(store, PUSH_MAX_EVENTS);
    summary.rejected += keptBack;
    if (batch.length === 0) return summary;
    // 2. Send them; a network error or 5xx throws and leaves them all pending.
    const { results } = await api.push(
      batch.map((e) => e.event),
      signal,
    );
    // 3. Keep only answers for events we sent; an answer for nothing we sent means a confused server.
    const sentIds = new Set(batch.map((e) => e.id));
    const answered = results.filter((r) => sentIds.has(r.id));
    if (answered.length === 0) throw new ProtocolError('push answered none of the events sent');
    // 4. applied/duplicate → synced; rejected → kept with the reason. Unanswered ones stay pending.
    await applyPushResults(store, answered, now());
    summary.sent += batch.length;
    for (const r of answered) {
      if (r.status === 'rejected') {
        summary.rejected += 1;
        const entry = batch.find((e) => e.id === r.id);
        if (entry) summary.rejections.push({ event: entry.event, rejection: { code: r.code, message: r.message, ...(r.detail ? { detail: r.detail } : {}) } });
      } else if (r.status !== 'deferred') summary.synced += 1;
    }
    // A deferred event is still pending: sending the queue again now would only send it again.
    if (answered.some((r) => r.status === 'deferred')) return summary;
    // An incomplete answer is retried on the next run rather than looping on it now.
    if (answered.length < batch.length) throw new ProtocolError('push answered only some of the events sent');
  }
}

