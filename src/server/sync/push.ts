/**
 * Push: applies a device's events in order, each exactly once, all of one request in ONE SQL
 * transaction: every event's effect, its record and its answer commit together or not at all.
 * When that transaction fails, the events are applied one transaction each, and an event whose
 * handler throws is answered `deferred` on its own (with the events after it about the same subject):
 * nothing an event contains can make the push answer 5xx and jam the device's queue.
 * Access: an event about another warehouse's parcel is answered per event as rejected `forbidden`
 * (the 403 of that one event) with nothing changed; the push itself stays 200 so one such event
 * cannot block the rest of a device's queue behind it.
 */
import { inArray, sql } from 'drizzle-orm';
import { subjectOf, type EventSubject } from '../../shared/protocol/event-subject.js';
import type { SyncEvent } from '../../shared/protocol/events.js';
import type { EventResult } from '../../shared/protocol/sync.js';
import { rowsOf } from '../db/change-seq.js';
import type { Database, Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import { COMMAND_HANDLERS } from './commands/index.js';
import { shipmentIdOf, type CommandHandler, type PushContext } from './commands/types.js';
import { recordDeviceSequence } from './device-sequence.js';
import { hashEventBody } from './event-hash.js';
import { LockedParcels } from './locked-parcels.js';
import { deferBehind, deferFailed, requireDatabase } from './failed-event.js';

/** Thrown inside a transaction when a concurrent push recorded one of its events first: roll back, look again. */
class RecordedConcurrently extends Error {}

/** An event as the push sees it: the body (its id in lower case), the id as the device sent it, and its fingerprint. */
interface Pushed {
  event: SyncEvent;
  sentId: string;
  bodyHash: string;
}

/** What the server holds for an event id: the fingerprint of its body and the answer it was given. */
interface EventRecord {
  bodyHash: string;
  status: 'applied' | 'rejected';
  result: EventResult;
}

/** What a push tells its caller besides the results. */
export interface PushListeners {
  /** Why the push's one transaction failed, heard before its events are applied one transaction each. */
  onFallback?: (error: unknown) => void;
  /**
   * Called after each of the push's transactions committed: what it wrote (a return's notification
   * row, say) is visible to other connections from then on.
   */
  afterCommit?: () => void;
  /** Why one event could not be applied (it is answered deferred); heard while the database still answers. */
  onEventFailed?: (event: SyncEvent, error: unknown) => void;
}

/**
 * Applies `events` in the order sent and returns one result per event, in the same order. Every event
 * is applied, rejected with a reason, or deferred (an error of the server's own); the push fails as a
 * whole only when the database no longer answers (DatabaseUnavailableError, a 503).
 */
export async function pushEvents(database: Database, ctx: PushContext, events: SyncEvent[], listeners: PushListeners = {}): Promise<EventResult[]> {
  // PostgreSQL hands uuids back in lower case: the server keys every id that way, and answers with the id as sent.
  const pushed = events.map((event) => ({ event: { ...event, id: event.id.toLowerCase() }, sentId: event.id, bodyHash: hashEventBody(event) }));
  try {
    // The fast path: the whole push in one transaction.
    return await applyOnce(database, ctx, pushed, listeners);
  } catch (error) {
    listeners.onFallback?.(error);
    // A failure of the whole transaction (a deadlock with another writer, or a bug one event
    // triggers) left nothing behind. Apply the events one transaction each, as if they had come in
    // one-event pushes, so one event's failure is answered for that event alone.
    return applyOneByOne(database, ctx, pushed, listeners);
  }
}

/**
 * The fallback: one transaction per event. An event whose handler throws is answered deferred and
 * flagged, and so is every later event of the push about the same subject (it depends on it); the
 * events about other subjects still apply.
 */
async function applyOneByOne(database: Database, ctx: PushContext, pushed: Pushed[], listeners: PushListeners): Promise<EventResult[]> {
  // The failed event each subject now waits for.
  const waiting = new Map<EventSubject, SyncEvent>();
  const results: EventResult[] = [];
  for (const one of pushed) {
    const subject = subjectOf(one.event);
    const blocker = waiting.get(subject);
    if (blocker) {
      results.push(await deferBehind(database, ctx, one.event, one.sentId, blocker));
      continue;
    }
    try {
      results.push(...(await applyOnce(database, ctx, [one], listeners)));
    } catch (error) {
      // A database that no longer answers fails the whole push (503): what committed so far is kept,
      // and the device's retry is answered "duplicate" for it.
      await requireDatabase(database, error);
      listeners.onEventFailed?.(one.event, error);
      waiting.set(subject, one.event);
      results.push(await deferFailed(database, ctx, one.event, one.sentId, error));
    }
  }
  return results;
}

/** One transaction; when a concurrent push recorded one of the events first, a second one answers from its record. */
async function applyOnce(database: Database, ctx: PushContext, pushed: Pushed[], listeners: PushListeners): Promise<EventResult[]> {
  let results: EventResult[];
  try {
    results = await database.write((tx) => applyInTransaction(tx, ctx, pushed));
  } catch (error) {
    if (!(error instanceof RecordedConcurrently)) throw error;
    // The other transaction has committed those events by now, so step (1) answers from its record.
    results = await database.write((tx) => applyInTransaction(tx, ctx, pushed));
  }
  listeners.afterCommit?.();
  return results;
}

async function applyInTransaction(tx: Tx, ctx: PushContext, pushed: Pushed[]): Promise<EventResult[]> {
  // (1) Seen before? One lookup for the whole push. An event recorded earlier in this push counts too.
  const records = await recordsOf(tx, pushed.map((p) => p.event.id));
  // (2) Who: the staff members the new events name, once each.
  const staffHere = await staffOfWarehouse(tx, ctx.warehouseId, pushed.filter((p) => !records.has(p.event.id)).map((p) => p.event.staffId));
  const scope = { parcels: new LockedParcels(tx, ctx.warehouseId) };
  const recorded: (Pushed & { result: EventResult })[] = [];
  const results: EventResult[] = [];
  let packRunLocked = false;

  for (const [i, { event, sentId, bodyHash }] of pushed.entries()) {
    // (3) A known id with the same body is a resend: "duplicate" for an applied event, the same
    //     rejection for a rejected one. A different body under a known id is refused and not recorded.
    const known = records.get(event.id);
    if (known) {
      results.push(answerResend(sentId, bodyHash, known));
      continue;
    }
    // (4) Can it apply? and (5) apply it: the command handler does both. A run of packs locks its
    //     parcels in one query; any other command reads parcels itself, so the packs before it are
    //     written first.
    if (event.type !== 'parcel.packed') {
      await scope.parcels.handOver();
      packRunLocked = false;
    } else if (!packRunLocked) {
      await scope.parcels.lock(packRunFrom(pushed, i, records));
      packRunLocked = true;
    }
    const outcome = staffHere.has(event.staffId)
      ? await (COMMAND_HANDLERS[event.type] as CommandHandler<SyncEvent['type']>)(tx, event, ctx, scope)
      : ({ status: 'rejected', code: 'invalid', message: `Staff ${event.staffId} is not known in this warehouse.` } as const);
    const result: EventResult = outcome.status === 'applied' ? { id: sentId, status: 'applied' } : { id: sentId, ...outcome };
    records.set(event.id, { bodyHash, status: result.status === 'applied' ? 'applied' : 'rejected', result });
    recorded.push({ event, sentId, bodyHash, result });
    results.push(result);
  }

  // (6) Record the new events and their answers in this same transaction, in one INSERT. ON CONFLICT
  //     DO NOTHING: if a concurrent push of one of them committed first, we roll back everything.
  await insertRecords(tx, ctx, recorded);
  // (7) Device bookkeeping: how far its outbox has reached the server, when it was last heard from,
  //     and a supervisor flag when its sequence jumped or restarted (device-sequence.ts).
  await recordDeviceSequence(tx, ctx, recorded.map((r) => r.event));
  // (8) The packs, written and stamped last: the change counter stays locked only until the commit.
  await scope.parcels.write();
  return results;
}

/** The answer to an id the server holds, under the id as the device sent it this time. */
function answerResend(sentId: string, bodyHash: string, known: EventRecord): EventResult {
  if (known.bodyHash !== bodyHash) {
    return { id: sentId, status: 'rejected', code: 'id_conflict', message: `Event ${sentId} was already received with different contents.` };
  }
  return known.status === 'applied' ? { id: sentId, status: 'duplicate' } : { ...known.result, id: sentId };
}

/** The parcels of the new `parcel.packed` events from `start` up to the next new event of another type. */
function packRunFrom(pushed: Pushed[], start: number, records: Map<string, EventRecord>): string[] {
  const ids: string[] = [];
  for (const { event } of pushed.slice(start)) {
    if (records.has(event.id)) continue;
    if (event.type !== 'parcel.packed') break;
    ids.push(event.payload.shipmentId);
  }
  return ids;
}

async function recordsOf(tx: Tx, ids: string[]): Promise<Map<string, EventRecord>> {
  const rows = await tx
    .select({ id: t.events.id, bodyHash: t.events.bodyHash, status: t.events.status, result: t.events.result })
    .from(t.events)
    .where(inArray(t.events.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

async function staffOfWarehouse(tx: Tx, warehouseId: string, staffIds: string[]): Promise<Set<string>> {
  const wanted = [...new Set(staffIds)];
  if (wanted.length === 0) return new Set();
  const rows = await tx.select({ id: t.staff.id, warehouseId: t.staff.warehouseId }).from(t.staff).where(inArray(t.staff.id, wanted));
  return new Set(rows.filter((r) => r.warehouseId === warehouseId).map((r) => r.id));
}

/**
 * One INSERT for the whole push, its rows in one JSON parameter: drizzle's multi-row builder binds
 * 11 parameters per row, and building and binding them cost more than the insert itself.
 */
async function insertRecords(tx: Tx, ctx: PushContext, recorded: (Pushed & { result: EventResult })[]): Promise<void> {
  if (recorded.length === 0) return;
  const rows = recorded.map(({ event, bodyHash, result }) => ({
    id: event.id,
    device_seq: event.deviceSeq,
    staff_id: event.staffId,
    type: event.type,
    body: event,
    body_hash: bodyHash,
    status: result.status === 'applied' ? 'applied' : 'rejected',
    result,
    shipment_id: shipmentIdOf(event),
  }));
  const inserted = await tx.execute(sql`
    insert into ${t.events} (id, device_id, device_seq, staff_id, type, body, body_hash, status, result, shipment_id, received_at)
    select r.id, ${ctx.deviceId}::text, r.device_seq, r.staff_id, r.type, r.body, r.body_hash, r.status, r.result, r.shipment_id, ${ctx.now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r(id uuid, device_seq integer, staff_id text, type text, body jsonb, body_hash text, status text, result jsonb, shipment_id text)
    on conflict (id) do nothing
    returning id`);
  if (rowsOf(inserted).length < recorded.length) throw new RecordedConcurrently();
}
