/**
 * Records read back from IndexedDB, checked against the shared schemas. Part of the lazily loaded
 * checks chunk (checks.ts): zod stays out of the main bundle and off the scan path.
 */
import { EVENT_TYPES } from '../../shared/protocol/event-types.js';
import { catalogueSchema, parcelSchema, pickBatchSchema, pickSettingsSchema } from '../sync/validate.js';
import { credentialSchema, loadStateSchema, packStateSchema, pickStateSchema, returnStateSchema, staffSessionSchema } from './record-schemas.js';
import type { OutboxEntry } from './schema.js';

/** The first problem found in a record, as "path: issue code", or null when the record reads as its type. */
export type RecordCheck = (value: unknown) => string | null;

interface Checkable {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; code: string }[] } };
}

function checkWith(schema: Checkable): RecordCheck {
  return (value) => {
    const result = schema.safeParse(value);
    if (result.success) return null;
    const issue = result.error.issues[0];
    return `${issue?.path.map(String).join('.') || '(record)'}: ${issue?.code ?? 'invalid'}`;
  };
}

/** The check of each kind of record the app restores on start. */
export const checkRecord = {
  credential: checkWith(credentialSchema),
  session: checkWith(staffSessionSchema),
  packState: checkWith(packStateSchema),
  pickState: checkWith(pickStateSchema),
  returnState: checkWith(returnStateSchema),
  loadState: checkWith(loadStateSchema),
  catalogue: checkWith(catalogueSchema),
  pickSettings: checkWith(pickSettingsSchema),
  parcel: checkWith(parcelSchema),
  batch: checkWith(pickBatchSchema),
} satisfies Record<string, RecordCheck>;

const KNOWN_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);

/**
 * Why a pending outbox entry cannot be sent as it is, or null. The device checks what it needs to send
 * the event and hear its answer — an event under the entry's id, of a type this app records, with its
 * sequence number, staff, time and payload — and leaves the payload's fields to the server, which
 * checks every event against the full schema and answers each one. (The full event schema would bring
 * zod's UUID and date-time checks into the chunk every device loads for its first pull.)
 */
export function outboxEntryProblem(entry: OutboxEntry): string | null {
  const event = entry.event as unknown as Record<string, unknown> | null;
  if (typeof event !== 'object' || event === null) return 'event: not an object';
  // The server answers by the event's id; an entry under another id would never hear its answer.
  if (event.id !== entry.id) return 'event.id: not the entry id';
  if (typeof event.type !== 'string' || !KNOWN_TYPES.has(event.type)) return 'event.type: not an event type';
  if (!Number.isInteger(event.deviceSeq) || event.deviceSeq !== entry.deviceSeq) return 'event.deviceSeq: not the entry sequence';
  if (typeof event.staffId !== 'string' || event.staffId === '') return 'event.staffId: missing';
  if (typeof event.at !== 'string' || Number.isNaN(Date.parse(event.at))) return 'event.at: not a time';
  if (typeof event.payload !== 'object' || event.payload === null) return 'event.payload: not an object';
  return null;
}
