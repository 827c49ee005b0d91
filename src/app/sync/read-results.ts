/**
 * Reads a push reply's results one by one, leniently, so a device keeps syncing after the server
 * learns a new answer. A result the device does not fully understand (an unknown status, an unknown
 * reject code, a missing message) is read as deferred with the server's message when it has one: the
 * event stays queued and is retried. It is never read as applied (that would drop a scan) nor as
 * refused (that would end an event the server may yet take). Loaded with validate.ts, off the main
 * bundle; it needs no zod.
 */
import type { EventResult, PushResponse } from '../../shared/protocol/sync.js';

/** Longest server message kept with an event (it is shown on the sync screen and reported on pull). */
export const RESULT_MESSAGE_MAX = 300;

/** The reply is not even a list of results: nothing in it can be attributed to an event. */
export class UnreadableReply extends Error {
  override readonly name = 'UnreadableReply';
}

/** The results of a push reply; throws UnreadableReply when the body has no `results` list. */
export function readPushResults(body: unknown, knownRejectCodes: ReadonlySet<string>): PushResponse {
  const results = isRecord(body) ? body.results : undefined;
  if (!Array.isArray(results)) throw new UnreadableReply('push reply has no results list');
  const read: EventResult[] = [];
  for (const raw of results) {
    // Without an id no event can be named; the events left unanswered are retried.
    if (!isRecord(raw) || typeof raw.id !== 'string') continue;
    read.push(readOne(raw.id, raw, knownRejectCodes));
  }
  return { results: read };
}

function readOne(id: string, raw: Record<string, unknown>, known: ReadonlySet<string>): EventResult {
  const message = typeof raw.message === 'string' ? raw.message.slice(0, RESULT_MESSAGE_MAX) : null;
  const status = raw.status;
  if (status === 'applied' || status === 'duplicate') return { id, status };
  if (status === 'rejected' && typeof raw.code === 'string' && known.has(raw.code) && message !== null) {
    const detail = stringsOf(raw.detail);
    return { id, status, code: raw.code as Extract<EventResult, { status: 'rejected' }>['code'], message, ...(detail ? { detail } : {}) };
  }
  if (status === 'deferred' && message !== null) return { id, status, message };
  return { id, status: 'deferred', message: message ?? unknownAnswer(raw) };
}

/** Words for an answer that came without a message of its own. */
function unknownAnswer(raw: Record<string, unknown>): string {
  const status = typeof raw.status === 'string' ? raw.status.slice(0, 40) : String(raw.status);
  const code = typeof raw.code === 'string' ? ` (${raw.code.slice(0, 40)})` : '';
  return `the server answered "${status}"${code}, which this app version does not know`;
}

/** The string fields of a detail record; null when there is none. */
function stringsOf(value: unknown): Record<string, string> | null {
  if (!isRecord(value)) return null;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
