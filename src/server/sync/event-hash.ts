/** The fingerprint of an event body, to tell a resent event from a different one reusing its id. */
import { createHash } from 'node:crypto';
import type { SyncEvent } from '../../shared/protocol/events.js';

/** JSON with object keys sorted, so equal bodies hash equal whatever order the device wrote them in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * sha256 of everything in the event except its id. The credential is left out on purpose: a device
 * re-enrolled after its reply was lost resends the same outbox and must hear "duplicate", not a conflict.
 */
export function hashEventBody(event: SyncEvent): string {
  const { id: _id, ...body } = event;
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
