/**
 * Which pending events go in the next push. Read oldest first, an event is taken unless:
 * - an earlier event about the same subject is held back (events about one subject apply in order,
 *   so they wait behind it; events about other subjects do not);
 * - it waits for its backoff after a deferred answer (unless the worker asked for a sync now);
 * - it was already sent in this run (a run sends each event once);
 * - no push could carry it: its body alone is larger than the server's limit (kept, marked, not sent).
 * The batch ends at the server's limits, counted in events and in bytes of the JSON body.
 */
import type { SyncEvent } from '../../shared/protocol/events.js';
import type { OutboxEntry, OutboxSubject, PushLimits } from '../store/schema.js';

/** `{"events":[]}`: the bytes of a push body around its events. */
const BODY_OVERHEAD_BYTES = 13;

const encoder = new TextEncoder();

/** The bytes one event adds to a push body (UTF-8 of its JSON). */
export function eventBytes(event: SyncEvent): number {
  return encoder.encode(JSON.stringify(event)).length;
}

/** The bytes of the push body carrying these events. */
export function pushBodyBytes(events: readonly SyncEvent[]): number {
  return encoder.encode(JSON.stringify({ events })).length;
}

/** How a batch is chosen in one run. */
export interface BatchRules {
  limits: PushLimits;
  nowMs: number;
  /** Send deferred events now, ignoring their backoff (the worker tapped "sync now"). */
  ignoreBackoff: boolean;
  /** Ids sent earlier in this run. */
  sentThisRun: ReadonlySet<string>;
}

/** Collects one batch from the pending events offered in order. */
export class BatchBuilder {
  readonly entries: OutboxEntry[] = [];
  /** Events larger than any push may be, with their size. */
  readonly tooLarge: { entry: OutboxEntry; bytes: number }[] = [];
  private bytes = BODY_OVERHEAD_BYTES;
  private readonly heldBack = new Set<OutboxSubject>();
  private full = false;
  /** The soonest time an event waiting for its backoff may go (epoch ms), or null. */
  nextRetryMs: number | null = null;

  constructor(private readonly rules: BatchRules) {}

  /** Whether the batch can take no more. */
  get isFull(): boolean {
    return this.full;
  }

  /** Offers the next pending event (oldest first); returns false once the batch is full. */
  offer(entry: OutboxEntry): boolean {
    if (this.full) return false;
    const { limits, nowMs, ignoreBackoff, sentThisRun } = this.rules;
    if (this.heldBack.has(entry.subject)) return true;
    const retryMs = typeof entry.retryAt === 'string' ? Date.parse(entry.retryAt) : NaN;
    if (retryMs > nowMs) this.nextRetryMs = Math.min(this.nextRetryMs ?? Infinity, retryMs);
    const waiting = !ignoreBackoff && retryMs > nowMs;
    if (waiting || sentThisRun.has(entry.id)) {
      this.heldBack.add(entry.subject);
      return true;
    }
    const size = eventBytes(entry.event);
    if (BODY_OVERHEAD_BYTES + size > limits.maxBytes) {
      this.tooLarge.push({ entry, bytes: BODY_OVERHEAD_BYTES + size });
      this.heldBack.add(entry.subject);
      return true;
    }
    const separator = this.entries.length > 0 ? 1 : 0;
    if (this.entries.length >= limits.maxEvents || this.bytes + separator + size > limits.maxBytes) {
      this.full = true;
      return false;
    }
    this.entries.push(entry);
    this.bytes += separator + size;
    return true;
  }
}
