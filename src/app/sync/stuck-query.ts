/** The stuck-event report of a pull query, loaded only when the device has a stuck event to report. */
import type { StuckEvent } from '../store/outbox-retry.js';

/** Reason text longest the pull query takes (pullQuerySchema). */
const STUCK_REASON_MAX = 300;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * The stuck-event fields of a pull query. Each is sent only in the shape the server takes: a report the
 * server refused would fail the pull itself (an entry written by an older app may hold odd values).
 */
export function stuckQuery(stuck: StuckEvent): string {
  if (!UUID.test(stuck.id)) return '';
  const fields: [string, string][] = [
    ['stuckId', stuck.id],
    ['stuckType', wellFormed(stuck.type, 40)],
    ['stuckAttempts', String(Number.isFinite(stuck.attempts) ? Math.max(0, Math.min(10_000_000, Math.floor(stuck.attempts))) : 0)],
    ['stuckReason', wellFormed(stuck.reason, STUCK_REASON_MAX)],
  ];
  if (ISO_UTC.test(stuck.recordedAt) && !Number.isNaN(Date.parse(stuck.recordedAt))) fields.push(['stuckSince', stuck.recordedAt]);
  return fields.map(([k, v]) => `&${k}=${encodeURIComponent(v)}`).join('');
}

/** At most `max` UTF-16 units, without a half character (encodeURIComponent throws on one). */
function wellFormed(text: string, max: number): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '').slice(0, max).replace(/[\uD800-\uDBFF]$/, '');
}
