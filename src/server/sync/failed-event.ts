/**
 * An event the server could not apply for a reason of its own (its handler threw): answered
 * `deferred`, so the device keeps it and retries it with backoff, never recorded as rejected (a resend
 * would then be refused and the scan lost), and flagged for a supervisor. The events after it about
 * the same subject wait with it. Only a database that no longer answers fails the whole push.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { shipmentOfSubject, subjectOf } from '../../shared/protocol/event-subject.js';
import type { SyncEvent } from '../../shared/protocol/events.js';
import type { EventResult } from '../../shared/protocol/sync.js';
import type { Database, Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import { raiseSupervisorFlag } from '../supervision/supervisor-flags.js';
import type { PushContext } from './commands/types.js';
import { recordDeviceSequence } from './device-sequence.js';

/** The database did not answer `select 1` after an event failed: the server cannot work (HTTP 503). */
export class DatabaseUnavailableError extends Error {
  readonly statusCode = 503;
  constructor(readonly causeError: unknown) {
    super('The server cannot reach its database.');
  }
}

/** Returns when the database still answers; throws DatabaseUnavailableError (carrying `failure`) when it does not. */
export async function requireDatabase(database: Database, failure: unknown): Promise<void> {
  try {
    await database.read((tx) => tx.execute(sql`select 1`));
  } catch {
    throw new DatabaseUnavailableError(failure);
  }
}

/** The error in a few words for the flag (the full error is in the request log). */
function errorInWords(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/**
 * Answers a failed event deferred and, once per event, flags it for a supervisor; the device's
 * sequence moves past it, so the events after it do not read as a gap. Best effort: the answer is
 * deferred even when the flag cannot be written.
 */
export async function deferFailed(database: Database, ctx: PushContext, event: SyncEvent, sentId: string, error: unknown): Promise<EventResult> {
  await database
    .write(async (tx) => {
      if (!(await hasOpenFailureFlag(tx, event.id))) {
        await raiseSupervisorFlag(tx, {
          warehouseId: ctx.warehouseId,
          kind: 'event_failed',
          deviceId: ctx.deviceId,
          staffId: event.staffId,
          shipmentId: shipmentOfSubject(subjectOf(event)),
          eventId: event.id,
          message: `Device ${ctx.deviceName} sent event ${event.id} (${event.type}) that the server could not apply. It stays queued on the device and is retried; the events after it about the same ${subjectInWords(event)} wait for it. The server log has the error.`,
          detail: { eventType: event.type, deviceSeq: String(event.deviceSeq), error: errorInWords(error) },
          at: ctx.now,
        });
      }
      await recordDeviceSequence(tx, ctx, [event]);
    })
    .catch(() => undefined);
  return { id: sentId, status: 'deferred', message: `The server could not apply this ${event.type} event; a supervisor has been told. It stays queued and is sent again later.` };
}

/** Answers an event that depends on a failed one (same subject) deferred, and moves the device's sequence past it. */
export async function deferBehind(database: Database, ctx: PushContext, event: SyncEvent, sentId: string, blocker: SyncEvent): Promise<EventResult> {
  await database.write((tx) => recordDeviceSequence(tx, ctx, [event])).catch(() => undefined);
  return { id: sentId, status: 'deferred', message: `Waits for an earlier event about the same ${subjectInWords(event)} (${blocker.id}), which the server could not apply yet.` };
}

/** "parcel S0000001", "batch B-1" or "order 1001". */
function subjectInWords(event: SyncEvent): string {
  const subject = subjectOf(event);
  const colon = subject.indexOf(':');
  return `${subject.slice(0, colon)} ${subject.slice(colon + 1)}`;
}

async function hasOpenFailureFlag(tx: Tx, eventId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: t.supervisorFlags.id })
    .from(t.supervisorFlags)
    .where(and(eq(t.supervisorFlags.kind, 'event_failed'), eq(t.supervisorFlags.eventId, eventId), isNull(t.supervisorFlags.resolvedAt)))
    .limit(1);
  return rows.length > 0;
}
