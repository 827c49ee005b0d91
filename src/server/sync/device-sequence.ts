/**
 * Device event-sequence bookkeeping. A device numbers its events 1, 2, 3 … and pushes them oldest
 * first, and never deletes one before the server has it, so every new event should be exactly
 * last + 1. A jump means events recorded on the device never arrived; a restart (a new event at or
 * below the last number) means the device's local database was lost and started over. Either way
 * the device is flagged for a supervisor; the event itself is still applied on its merits.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/change-seq.js';
import type { SyncEvent } from '../../shared/protocol/events.js';
import type { Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import { raiseSupervisorFlag } from '../supervision/supervisor-flags.js';
import type { PushContext } from './commands/types.js';

/**
 * Called once per push, in its transaction, with the events it newly recorded (in the order sent):
 * flags each gap or restart, then advances the device to the highest number.
 */
export async function recordDeviceSequence(tx: Tx, ctx: PushContext, events: readonly SyncEvent[]): Promise<void> {
  if (events.length === 0) return;
  const highest = Math.max(...events.map((e) => e.deviceSeq));
  // One statement: the row is locked by the UPDATE itself (a device's concurrent pushes take turns
  // here) and the sub-select hands back the number it held before.
  const rows = await tx.execute<{ last: number | string }>(sql`
    update ${t.devices} as d
    set last_device_seq = greatest(prev.last_device_seq, ${highest}::integer), last_seen_at = ${ctx.now.toISOString()}::timestamptz
    from (select id, last_device_seq from ${t.devices} where id = ${ctx.deviceId} for update) as prev
    where d.id = prev.id
    returning prev.last_device_seq as last`);
  const device = rowsOf<{ last: number | string }>(rows)[0];
  let last = device ? Number(device.last) : 0;
  // Each event is judged against the ones before it, as if they had arrived one by one.
  for (const event of events) {
    await flagIrregularSequence(tx, ctx, event, last);
    last = Math.max(last, event.deviceSeq);
  }
}

async function flagIrregularSequence(tx: Tx, ctx: PushContext, event: SyncEvent, last: number): Promise<void> {
  const seq = event.deviceSeq;
  // A device's first event sets the baseline: a device enrolled again keeps numbering where its kept
  // outbox left off (the app wipes customer data on revocation but keeps unsent events).
  if (last > 0 && seq > last + 1) {
    await raiseSupervisorFlag(tx, {
      warehouseId: ctx.warehouseId,
      kind: 'seq_gap',
      deviceId: ctx.deviceId,
      staffId: event.staffId,
      eventId: event.id,
      message: `Device ${ctx.deviceName} skipped events ${last + 1}–${seq - 1}: they were recorded on the device but never arrived. Check the device's sync screen.`,
      detail: { expected: String(last + 1), received: String(seq) },
      at: ctx.now,
    });
  } else if (seq <= last && !(await deferredBefore(tx, ctx.deviceId, seq))) {
    await raiseSupervisorFlag(tx, {
      warehouseId: ctx.warehouseId,
      kind: 'seq_restart',
      deviceId: ctx.deviceId,
      staffId: event.staffId,
      eventId: event.id,
      message: `Device ${ctx.deviceName} started numbering its events again (got ${seq} after ${last}): its local data was probably lost. Anything it had not synced is gone; check what it packed.`,
      detail: { last: String(last), received: String(seq) },
      at: ctx.now,
    });
  }
}

/**
 * True when an event of this device at or below `seq` failed on the server (failed-event.ts): the
 * device's sequence moved past it and the events waiting behind it, so their retry comes in below
 * the last number without the device having started over.
 */
async function deferredBefore(tx: Tx, deviceId: string, seq: number): Promise<boolean> {
  const rows = await tx.execute(sql`
    select 1 from ${t.supervisorFlags}
    where device_id = ${deviceId} and kind = 'event_failed' and (detail->>'deviceSeq')::integer <= ${seq}
    limit 1`);
  return rowsOf(rows).length > 0;
}
