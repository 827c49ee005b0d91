/**
 * The retry record of a queued event: when a deferred event may be tried again, and when a queue
 * counts as stuck. Pure (time and randomness come in), part of the main bundle: no zod here, so the
 * stuck thresholds come in as arguments (they live with the wire schemas, shared/protocol/sync.ts).
 */
import { backoffDelayMs, type BackoffPolicy } from '../../shared/notify/backoff.js';
import type { OutboxEntry } from './schema.js';

/** A deferred event waits 5 s, 10 s, 20 s … at most 5 minutes before it is sent again (equal jitter). */
export const EVENT_RETRY: BackoffPolicy = { baseMs: 5_000, maxMs: 5 * 60_000 };

/** When an event that has now failed `attempts` times may be sent again (epoch ms). */
export function nextEventRetry(attempts: number, nowMs: number, random: number): number {
  return nowMs + backoffDelayMs(attempts, random, EVENT_RETRY);
}

/** What the device reports, and shows, about the oldest queued event when it will not sync. */
export interface StuckEvent {
  id: string;
  type: string;
  /** When the event was recorded on the device (ISO). */
  recordedAt: string;
  attempts: number;
  /** When its first attempt failed (ISO); absent for an event too large to send. */
  failingSince?: string;
  /** The server's last answer for it, or how its requests failed. */
  reason: string;
  /** Its size in bytes when it is larger than any push may be. */
  tooLarge?: number;
}

/** The stuck thresholds: STUCK_AFTER_ATTEMPTS and STUCK_AFTER_MS of the wire format. */
export interface StuckThresholds {
  attempts: number;
  ms: number;
}

/** Whether an entry has failed at all (cheap: decides whether the thresholds need loading). */
export function hasFailed(entry: OutboxEntry): boolean {
  return (entry.attempts ?? 0) > 0 || entry.tooLarge !== undefined;
}

/** The entry as a stuck event when it has failed for `thresholds.attempts` attempts or `thresholds.ms`, or is too large to send; else null. */
export function stuckEventOf(entry: OutboxEntry, nowMs: number, thresholds: StuckThresholds): StuckEvent | null {
  if (entry.status !== 'pending' || !hasFailed(entry)) return null;
  const attempts = entry.attempts ?? 0;
  const since = entry.failingSince ? Date.parse(entry.failingSince) : NaN;
  const stuck = entry.tooLarge !== undefined || attempts >= thresholds.attempts || (Number.isFinite(since) && nowMs - since >= thresholds.ms);
  if (!stuck) return null;
  return {
    id: entry.id,
    type: entry.event.type,
    recordedAt: entry.recordedAt,
    attempts,
    ...(entry.failingSince ? { failingSince: entry.failingSince } : {}),
    reason: entry.lastReason ?? '',
    ...(entry.tooLarge !== undefined ? { tooLarge: entry.tooLarge } : {}),
  };
}
