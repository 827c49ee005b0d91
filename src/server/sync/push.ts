/**
 * Push: applies a device's events in order, each exactly once, each in its own SQL transaction.
 * Access: an event about another warehouse's parcel is answered per event as rejected `forbidden`
 * (the 403 of that one event) with nothing changed; the push itself stays 200 so one such event
 * cannot block the rest of a device's queue behind it.
 */
import { eq } from 'drizzle-orm';
import type { SyncEvent } from '../../shared/protocol/events.js';
import type { EventResult } from '../../shared/protocol/sync.js';
import type { Database, Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import { COMMAND_HANDLERS } from './commands/index.js';
import { shipmentIdOf, type CommandHandler, type PushContext } from './commands/types.js';
import { recordDeviceSequence } from './device-sequence.js';
import { hashEventBody } from './event-hash.js';

/** Thrown inside a transaction when a concurrent push recorded the same event first: roll back, look again. */
class RecordedConcurrently extends Error {}

/** Applies `events` in the order sent and returns one result per event, in the same order. */
export async function pushEvents(database: Database, ctx: PushContext, events: SyncEvent[]): Promise<EventResult[]> {
  const results: EventResult[] = [];
  for (const event of events) results.push(await pushOne(database, ctx, event));
  return results;
}

async function pushOne(database: Database, ctx: PushContext, event: SyncEvent): Promise<EventResult> {
  try {
    return await database.write((tx) => applyEvent(tx, ctx, event));
  } catch (error) {
    if (!(error instanceof RecordedConcurrently)) throw error;
    // The other transaction has committed the event by now, so step (1) answers from its record.
    return database.write((tx) => applyEvent(tx, ctx, event));
  }
}

async function applyEvent(tx: Tx, ctx: PushContext, event: SyncEvent): Promise<EventResult> {
  const bodyHash = hashEventBody(event);

  // (1) Seen before? The same body is a resend: "duplicate" for an applied event, the same rejection
  //     for a rejected one. A different body under a known id is refused and not recorded.
  const [seen] = await tx.select().from(t.events).where(eq(t.events.id, event.id));
  if (seen) {
    if (seen.bodyHash !== bodyHash) {
      return { id: event.id, status: 'rejected', code: 'id_conflict', message: `Event ${event.id} was already received with different contents.` };
    }
    return seen.status === 'applied' ? { id: event.id, status: 'duplicate' } : seen.result;
  }

  // (2) Can it apply? and (3) apply it: the command handler does both, with the parcel row locked.
  const outcome = (await knownStaff(tx, ctx.warehouseId, event.staffId))
    ? await (COMMAND_HANDLERS[event.type] as CommandHandler<SyncEvent['type']>)(tx, event, ctx)
    : ({ status: 'rejected', code: 'invalid', message: `Staff ${event.staffId} is not known in this warehouse.` } as const);
  const result: EventResult = outcome.status === 'applied' ? { id: event.id, status: 'applied' } : { id: event.id, ...outcome };

  // (4) Record the event and its answer in the same transaction. ON CONFLICT DO NOTHING: if a
  //     concurrent push of the same event committed first, nothing is inserted and we roll back (3).
  const inserted = await tx
    .insert(t.events)
    .values({
      id: event.id,
      deviceId: ctx.deviceId,
      deviceSeq: event.deviceSeq,
      staffId: event.staffId,
      type: event.type,
      body: event,
      bodyHash,
      status: result.status === 'applied' ? 'applied' : 'rejected',
      result,
      shipmentId: shipmentIdOf(event),
      receivedAt: ctx.now,
    })
    .onConflictDoNothing({ target: t.events.id })
    .returning({ id: t.events.id });
  if (inserted.length === 0) throw new RecordedConcurrently();

  // (5) Device bookkeeping: how far its outbox has reached the server, when it was last heard from,
  //     and a supervisor flag when its sequence jumped or restarted (device-sequence.ts).
  await recordDeviceSequence(tx, ctx, event);
  return result;
}

async function knownStaff(tx: Tx, warehouseId: string, staffId: string): Promise<boolean> {
  const rows = await tx.select({ id: t.staff.id, warehouseId: t.staff.warehouseId }).from(t.staff).where(eq(t.staff.id, staffId));
  return rows.length > 0 && rows[0].warehouseId === warehouseId;
}
