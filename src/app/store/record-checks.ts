/**
 * Records read back from IndexedDB, checked against the shared schemas. Part of the lazily loaded
 * checks chunk (checks.ts): zod stays out of the main bundle and off the scan path.
 */
import { eventBodySchema, eventEnvelopeSchema } from '../../shared/protocol/events.js';
import { catalogueSchema, parcelSchema, pickBatchSchema, pickSettingsSchema } from '../sync/validate.js';
import { credentialSchema, packStateSchema, pickStateSchema, returnStateSchema, staffSessionSchema } from './record-schemas.js';
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
  catalogue: checkWith(catalogueSchema),
  pickSettings: checkWith(pickSettingsSchema),
  parcel: checkWith(parcelSchema),
  batch: checkWith(pickBatchSchema),
} satisfies Record<string, RecordCheck>;

// The event schema is the envelope and the body together (an intersection of two objects): checking
// each half is the same test, and leaves zod's intersection out of the chunk the replies share.
const checkEnvelope = checkWith(eventEnvelopeSchema);
const checkBody = checkWith(eventBodySchema);

/** Why a pending outbox entry cannot be sent as it is (its event is not the wire format, or names another id), or null. */
export function outboxEntryProblem(entry: OutboxEntry): string | null {
  const problem = checkEnvelope(entry.event) ?? checkBody(entry.event);
  if (problem !== null) return `event.${problem}`;
  // The server answers by the event's id; an entry under another id would never hear its answer.
  return entry.event.id === entry.id ? null : 'event.id: not the entry id';
}
