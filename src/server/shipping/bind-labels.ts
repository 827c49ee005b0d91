/**
 * Label binding (送り状照合), the server's half: the labels a packer scanned are bound to the parcel's
 * boxes in the pack's own transaction. A label that is not the one the carrier's result file expects,
 * or that another parcel already has, keeps the pack (the box exists) but raises a supervisor flag
 * naming the other parcel and blocks both parcels at loading, so the wrong box cannot leave.
 */
import { and, eq, ne, or, sql } from 'drizzle-orm';
import type { ParcelPackedPayload } from '../../shared/protocol/events.js';
import type { Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import { raiseSupervisorFlag } from '../supervision/supervisor-flags.js';
import type { PushContext } from '../sync/commands/types.js';

/** The event a binding comes from. */
interface PackEvent {
  id: string;
  staffId: string;
  at: string;
  payload: ParcelPackedPayload;
}

/** Binds the event's labels to the parcel's boxes; flags and blocks what does not match. The parcel row is locked by the caller. */
export async function bindLabels(tx: Tx, ctx: PushContext, event: PackEvent): Promise<void> {
  const { shipmentId, labels = [] } = event.payload;
  if (labels.length === 0) return;
  const boxes = await tx.select().from(t.parcelBoxes).where(eq(t.parcelBoxes.shipmentId, shipmentId));
  const expected = boxes.flatMap((b) => (b.expectedNumber ? [b.expectedNumber] : []));
  // One number at a time across all pushes (sorted, so two pushes never wait on each other in a circle):
  // two packers binding the same label concurrently then see each other's binding.
  for (const number of [...new Set(labels.map((l) => l.trackingNumber))].sort()) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`label:${number}`}))`);
  for (const { box, trackingNumber } of labels) {
    const others = await tx
      .select({ shipmentId: t.parcelBoxes.shipmentId })
      .from(t.parcelBoxes)
      .where(and(ne(t.parcelBoxes.shipmentId, shipmentId), or(eq(t.parcelBoxes.expectedNumber, trackingNumber), eq(t.parcelBoxes.boundNumber, trackingNumber))));
    const other = others[0]?.shipmentId ?? null;
    const unexpected = expected.length > 0 && !expected.includes(trackingNumber);
    // Bound even when wrong: it is what is stuck on the box, and a loading scan of it must find this parcel to refuse it.
    await tx
      .insert(t.parcelBoxes)
      .values({ shipmentId, box, boundNumber: trackingNumber, boundAt: new Date(event.at), boundByDeviceId: ctx.deviceId })
      .onConflictDoUpdate({ target: [t.parcelBoxes.shipmentId, t.parcelBoxes.box], set: { boundNumber: trackingNumber, boundAt: new Date(event.at), boundByDeviceId: ctx.deviceId } });
    if (!other && !unexpected) continue;
    const why = other
      ? `送り状 ${trackingNumber} は別の荷物 ${other} のものです`
      : `送り状 ${trackingNumber} は配送会社のデータ (${expected.join(', ')}) と違います`;
    await blockLoading(tx, shipmentId, why);
    if (other) await blockLoading(tx, other, `送り状 ${trackingNumber} が ${shipmentId} にも貼られました`);
    await raiseSupervisorFlag(tx, {
      warehouseId: ctx.warehouseId,
      kind: 'label_mismatch',
      deviceId: ctx.deviceId,
      staffId: event.staffId,
      shipmentId,
      eventId: event.id,
      message: other
        ? `Parcel ${shipmentId} was packed on ${ctx.deviceName} with label ${trackingNumber}, which belongs to parcel ${other}: both are stopped at loading. Check both boxes and re-label them.`
        : `Parcel ${shipmentId} was packed on ${ctx.deviceName} with label ${trackingNumber}, but the carrier's file expects ${expected.join(', ')}: it is stopped at loading. Re-label the box.`,
      detail: { trackingNumber, box: String(box), expected: expected.join(','), ...(other ? { otherShipmentId: other } : {}) },
      at: ctx.now,
    });
  }
}

/** Stops a parcel at loading with a reason the loading screen shows (kept until a supervisor clears it). */
async function blockLoading(tx: Tx, shipmentId: string, reason: string): Promise<void> {
  await tx.update(t.parcels).set({ loadingBlock: reason }).where(eq(t.parcels.shipmentId, shipmentId));
}
