/**
 * handover.closed: the driver left. The handover records its manifest (carrier, parcels, staff, device,
 * time); the parcels whose every box is loaded become shipped, and only then, in this same transaction,
 * is each one's shop notification queued (keyed by the parcel: announced once, whoever closes).
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { nextChangeSeq } from '../../db/change-seq.js';
import type { Tx } from '../../db/client.js';
import * as t from '../../db/schema.js';
import { enqueueShippedNotice } from '../../notify/outbox.js';
import { shippedNoticeOf } from '../../notify/shipped-notice.js';
import { boxesOf } from '../../shipping/parcel-boxes.js';
import { lockHandover } from './handover-row.js';
import type { CommandHandler, CommandOutcome } from './types.js';

/** Closes the handover and ships its fully loaded parcels. */
export const applyHandoverClosed: CommandHandler<'handover.closed'> = async (tx, event, ctx): Promise<CommandOutcome> => {
  const { handoverId, carrierId, startedAt, boxesLoaded } = event.payload;
  const locked = await lockHandover(tx, ctx, handoverId, carrierId, new Date(startedAt));
  if ('outcome' in locked) return locked.outcome;

  const loadedHere = await tx.select({ shipmentId: t.parcelBoxes.shipmentId }).from(t.parcelBoxes).where(eq(t.parcelBoxes.loadedHandoverId, handoverId));
  const ids = [...new Set(loadedHere.map((b) => b.shipmentId))].sort();
  const parcels = ids.length ? await tx.select().from(t.parcels).where(inArray(t.parcels.shipmentId, ids)).orderBy(asc(t.parcels.shipmentId)).for('update') : [];
  const boxes = await boxesOf(tx, ids);
  const shippedAt = new Date(event.at);
  const manifest: { shipmentId: string; orderNumber: string; trackingNumbers: string[] }[] = [];
  const names = await productNames(tx, parcels.flatMap((p) => p.lines.map((l) => l.productCode)));
  for (const parcel of parcels) {
    const own = boxes.get(parcel.shipmentId) ?? [];
    const loaded = own.filter((b) => b.loadedAt !== null);
    // Only a packed parcel with every box on a truck leaves; a held or stopped one waits for a supervisor.
    if (parcel.status !== 'packed' || parcel.loadingBlock || loaded.length < parcel.boxCount) continue;
    const numbers = loaded.map((b) => (b.boundNumber ?? b.expectedNumber)!);
    manifest.push({ shipmentId: parcel.shipmentId, orderNumber: parcel.orderNumber, trackingNumbers: numbers });
    await tx.update(t.parcels).set({ status: 'shipped', shippedAt, seq: await nextChangeSeq(tx) }).where(eq(t.parcels.shipmentId, parcel.shipmentId));
    const notice = shippedNoticeOf({
      shipmentId: parcel.shipmentId,
      orderNumber: parcel.orderNumber,
      carrier: carrierId,
      service: parcel.carrierService,
      shippedAt,
      numbers,
      lines: parcel.lines,
      productNames: names,
    });
    await enqueueShippedNotice(tx, notice, ctx.now);
  }
  await tx
    .update(t.handovers)
    .set({ status: 'closed', closedAt: shippedAt, closedByStaffId: event.staffId, closedByDeviceId: ctx.deviceId, boxesReported: boxesLoaded, manifest })
    .where(eq(t.handovers.id, handoverId));
  return { status: 'applied' };
};

async function productNames(tx: Tx, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await tx.select({ code: t.products.code, name: t.products.name }).from(t.products).where(inArray(t.products.code, unique));
  return new Map(rows.map((r) => [r.code, r.name]));
}
