/**
 * Device event-sequence bookkeeping. A device numbers its events 1, 2, 3 … and pushes them oldest
 * first, and never deletes one before the server has it, so every new event should be exactly
 * last + 1. A jump means events recorded on the device never arrived; a restart (a new event at or
 * below the last number) means the device's local database was lost and started over. Either way
 * the device is flagged for a supervisor; the event itself is still applied on its merits.
 */
import { eq } from 'drizzle-orm';
import type { SyncEvent } from '../../shared/protocol/events.js';
import type { Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import { raiseSupervisorFlag } from '../supervision/supervisor-flags.js';
import type { PushContext } from './commands/types.js';

/** Called once per newly recorded event, in its transaction: flags a gap or restart, then advances the device. */
export async function recordDeviceSequence(tx: Tx, ctx: PushContext, event: SyncEvent): Promise<void> {
  // FOR UPDATE: a device's events are numbered one after another; its concurrent pushes take turns here.
  const [device] = await tx.select({ last: t.devices.lastDeviceSeq }).from(t.devices).where(eq(t.devices.id, ctx.deviceId)).for('update');
  const last = device?.last ?? 0;
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
  } else if (seq <= last) {
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
  await tx
    .update(t.devices)
    .set({ lastDeviceSeq: Math.max(last, seq), lastSeenAt: ctx.now })
    .where(eq(t.devices.id, ctx.deviceId));
}
