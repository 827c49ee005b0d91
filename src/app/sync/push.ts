/**
 * Push: sends the pending outbox oldest first, in batches cut by the server's limits (events and
 * bytes), and records the server's answer per event. No one event can hold up the queue: an event the
 * server defers waits for its own backoff while the events after it about other subjects are sent;
 * only the events about its subject wait behind it, in order.
 */
import type { SyncEvent } from '../../shared/protocol/events.js';
import type { LocalStore } from '../store/local-store.js';
import { getMeta } from '../store/meta.js';
import { applyPushResults, pendingAfter, recordFailedAttempts } from '../store/outbox-push.js';
import type { OutboxEntry, PushLimits, Rejection } from '../store/schema.js';
import { AuthError, HttpError, ProtocolError, type ApiClient } from './api.js';
import { BatchBuilder, pushBodyBytes } from './push-batch.js';

/** What one push run did. */
export interface PushSummary {
  sent: number;
  synced: number;
  /** Events refused in this run: by the server, or kept back by this device as unreadable. */
  rejected: number;
  /** Of `rejected`, the events refused by the server in this run, with the reason (the pick screen stops a batch it lost). */
  rejections: { event: SyncEvent; rejection: Rejection }[];
  /** Events the server deferred in this run (still pending, retried after their backoff). */
  deferred: number;
  /** When the soonest event waiting for its backoff may be sent (epoch ms), or null when none waits. */
  nextRetryAt: number | null;
}

/** How a run is asked for. */
export interface PushOptions {
  /** Send deferred events now, ignoring their backoff (the worker tapped "sync now"). */
  ignoreBackoff?: boolean;
  random?: () => number;
}

/** Answers that refuse a request for its body (one event in it the server will not read). */
const REFUSED_BODY: ReadonlySet<number> = new Set([400, 422]);

/** Pending entries read per page while a batch is chosen. */
const PAGE = 200;

/**
 * Pushes every pending event that may go now. A request that fails as a whole (network, 5xx, a reply
 * it cannot read) counts as a failed attempt of each event in it and throws, leaving them pending.
 * A request refused for its body is split until the event at fault is alone: a 413 halves the batch
 * (for the rest of the run: something on the way takes less than announced), a 400/422 halves it until
 * the one event the server will not read is found; that event is kept, marked, and retried with
 * backoff, and the rest go on.
 */
export async function pushOutbox(
  api: Pick<ApiClient, 'push'>,
  store: LocalStore,
  now: () => string,
  signal?: AbortSignal,
  options: PushOptions = {},
): Promise<PushSummary> {
  const limits = await pushLimits(store);
  const random = options.random ?? Math.random;
  const summary: PushSummary = { sent: 0, synced: 0, rejected: 0, rejections: [], deferred: 0, nextRetryAt: null };
  const sentThisRun = new Set<string>();
  let sizeCap = limits.maxEvents;
  let splitCap: number | null = null;
  for (;;) {
    // 1. The next batch: oldest first, held back by subject, backoff, size; unreadable ones kept back, refused.
    const maxEvents = Math.min(sizeCap, splitCap ?? Infinity);
    const { entries: batch, keptBack, nextRetryMs } = await nextBatch(store, { ...limits, maxEvents }, now(), options.ignoreBackoff === true, sentThisRun, random);
    summary.rejected += keptBack;
    if (batch.length === 0) return { ...summary, nextRetryAt: nextRetryMs };
    // 2. Send them. A failed request is a failed attempt of each of its events.
    let results;
    try {
      ({ results } = await api.push(
        batch.map((e) => e.event),
        signal,
      ));
    } catch (error) {
      const refusedBody = error instanceof HttpError && (error.status === 413 || REFUSED_BODY.has(error.status));
      if (refusedBody && batch.length > 1) {
        if (error.status === 413) sizeCap = Math.ceil(batch.length / 2);
        else splitCap = Math.ceil(batch.length / 2);
        continue;
      }
      if (refusedBody) {
        // The one event at fault: kept, marked, retried with backoff; the queue goes on without it.
        const tooLarge = error.status === 413 ? pushBodyBytes([batch[0].event]) : undefined;
        await recordFailedAttempts(store, [{ id: batch[0].id, reason: failureReason(error), ...(tooLarge ? { tooLarge } : {}) }], now(), true, random);
        sentThisRun.add(batch[0].id);
        splitCap = null;
        continue;
      }
      if (!(error instanceof AuthError) && !signal?.aborted) {
        await recordFailedAttempts(store, batch.map((e) => ({ id: e.id, reason: failureReason(error) })), now(), false);
      }
      throw error;
    }
    for (const e of batch) sentThisRun.add(e.id);
    summary.sent += batch.length;
    // 3. Keep only answers for events we sent; an answer for nothing we sent means a confused server.
    const sentIds = new Set(batch.map((e) => e.id));
    const answered = results.filter((r) => sentIds.has(r.id));
    if (answered.length === 0) {
      await recordFailedAttempts(store, batch.map((e) => ({ id: e.id, reason: 'the server answered none of the events sent' })), now(), false);
      throw new ProtocolError('push answered none of the events sent');
    }
    // 4. applied/duplicate → synced; rejected → kept with the reason; deferred → pending, with backoff.
    await applyPushResults(store, answered, now(), random);
    for (const r of answered) {
      if (r.status === 'rejected') {
        summary.rejected += 1;
        const entry = batch.find((e) => e.id === r.id);
        if (entry) summary.rejections.push({ event: entry.event, rejection: { code: r.code, message: r.message, ...(r.detail ? { detail: r.detail } : {}) } });
      } else if (r.status === 'deferred') summary.deferred += 1;
      else summary.synced += 1;
    }
    // 5. Unanswered events stay pending: a failed attempt each, retried on the next run.
    if (answered.length < batch.length) {
      const answeredIds = new Set(answered.map((r) => r.id));
      const missing = batch.filter((e) => !answeredIds.has(e.id));
      await recordFailedAttempts(store, missing.map((e) => ({ id: e.id, reason: 'the server did not answer this event' })), now(), false);
      throw new ProtocolError('push answered only some of the events sent');
    }
  }
}

/** The limits the server last announced, or the wire format's defaults. */
async function pushLimits(store: LocalStore): Promise<PushLimits> {
  const stored = await getMeta(store, 'pushLimits');
  // The defaults live with the wire schemas, which stay out of the main bundle (validate.ts).
  const { PUSH_MAX_BYTES, PUSH_MAX_EVENTS } = await import('./validate.js');
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0;
  return {
    maxEvents: ok(stored?.maxEvents) ? Math.min(stored.maxEvents, PUSH_MAX_EVENTS) : PUSH_MAX_EVENTS,
    maxBytes: ok(stored?.maxBytes) ? stored.maxBytes : PUSH_MAX_BYTES,
  };
}

/** The next batch read page by page; events too large for any push are marked on the way. */
async function nextBatch(
  store: LocalStore,
  limits: PushLimits,
  nowIso: string,
  ignoreBackoff: boolean,
  sentThisRun: ReadonlySet<string>,
  random: () => number,
): Promise<{ entries: OutboxEntry[]; keptBack: number; nextRetryMs: number | null }> {
  let keptBack = 0;
  for (;;) {
    const builder = new BatchBuilder({ limits, nowMs: Date.parse(nowIso), ignoreBackoff, sentThisRun });
    let afterSeq = -Infinity;
    while (!builder.isFull) {
      const page = await pendingAfter(store, afterSeq, PAGE);
      for (const entry of page) if (!builder.offer(entry)) break;
      if (page.length < PAGE) break;
      afterSeq = page[page.length - 1].deviceSeq;
    }
    const tooLarge = builder.tooLarge.filter(({ entry, bytes }) => entry.tooLarge !== bytes || !entry.retryAt);
    await recordFailedAttempts(
      store,
      tooLarge.map(({ entry, bytes }) => ({ id: entry.id, reason: `${bytes} bytes, larger than the server takes (${limits.maxBytes})`, tooLarge: bytes })),
      nowIso,
      true,
      random,
    );
    const { nextRetryMs } = builder;
    if (builder.entries.length === 0) return { entries: [], keptBack, nextRetryMs };
    // An empty outbox (most syncs) needs no checks: their chunk is loaded only for events to send.
    const entries = await (await import('../store/checks.js')).keepBackUnreadable(store, builder.entries);
    keptBack += builder.entries.length - entries.length;
    // A batch of nothing but unreadable events is not the end of the queue: read on.
    if (entries.length > 0) return { entries, keptBack, nextRetryMs };
  }
}

/** How a whole request failed, in a few words kept with each of its events. */
function failureReason(error: unknown): string {
  if (error instanceof HttpError) return `HTTP ${error.status}: ${error.message}`.slice(0, 300);
  if (error instanceof ProtocolError) return `unreadable reply: ${error.message}`.slice(0, 300);
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}
