/**
 * A parcel's boxes and their labels in SQL: the numbers the carrier's result file expects, the ones
 * bound at packing and loaded onto a truck, and the `shipping` part of a parcel as devices pull it.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { CarrierId, LabelScanMode, ParcelShipping } from '../../shared/domain/carrier.js';
import { nextChangeSeq } from '../db/change-seq.js';
import type { Tx } from '../db/client.js';
import * as t from '../db/schema.js';

/** The label-scan mode of a carrier that has no setting yet. */
export const DEFAULT_LABEL_SCAN: LabelScanMode = 'optional';

/** One box row. */
export type BoxRow = typeof t.parcelBoxes.$inferSelect;

/**
 * Gives the parcel's boxes 1..n the expected numbers `numbers` (others lose theirs) and stamps the parcel
 * so devices pull them. The caller holds the parcel's row lock (lock order: parcel, then the counter).
 */
export async function setExpectedNumbers(tx: Tx, shipmentId: string, numbers: readonly string[]): Promise<void> {
  // Cleared first: a re-printed label may move a number from box 2 to box 1 under the unique index.
  await tx.update(t.parcelBoxes).set({ expectedNumber: null }).where(eq(t.parcelBoxes.shipmentId, shipmentId));
  for (const [i, number] of numbers.entries()) {
    await tx
      .insert(t.parcelBoxes)
      .values({ shipmentId, box: i + 1, expectedNumber: number })
      .onConflictDoUpdate({ target: [t.parcelBoxes.shipmentId, t.parcelBoxes.box], set: { expectedNumber: number } });
  }
  await tx.update(t.parcels).set({ seq: await nextChangeSeq(tx) }).where(eq(t.parcels.shipmentId, shipmentId));
}

/** The boxes of `shipmentIds`, by parcel, in box order. */
export async function boxesOf(tx: Tx, shipmentIds: readonly string[]): Promise<Map<string, BoxRow[]>> {
  const byParcel = new Map<string, BoxRow[]>();
  if (shipmentIds.length === 0) return byParcel;
  const rows = await tx.select().from(t.parcelBoxes).where(inArray(t.parcelBoxes.shipmentId, [...shipmentIds])).orderBy(asc(t.parcelBoxes.shipmentId), asc(t.parcelBoxes.box));
  for (const row of rows) byParcel.set(row.shipmentId, [...(byParcel.get(row.shipmentId) ?? []), row]);
  return byParcel;
}

/** Each carrier's label-scan mode (carriers without a setting read as DEFAULT_LABEL_SCAN). */
export async function labelScanModes(tx: Tx): Promise<(carrierId: CarrierId | null) => LabelScanMode> {
  const rows = await tx.select().from(t.carrierSettings);
  const modes = new Map(rows.map((r) => [r.carrierId, r.labelScan]));
  // A parcel with no carrier has no number to check against: the packer is never asked for a label.
  return (carrierId) => (carrierId ? (modes.get(carrierId) ?? DEFAULT_LABEL_SCAN) : 'off');
}

/** The `shipping` part of a pulled parcel: carrier, boxes and the numbers known for them. */
export function shippingOf(parcel: { carrierId: CarrierId | null; carrierService: string | null; boxCount: number }, boxes: readonly BoxRow[], labelScan: LabelScanMode): ParcelShipping {
  const numbers = (pick: (b: BoxRow) => string | null) => boxes.flatMap((b) => (pick(b) ? [pick(b)!] : []));
  return {
    carrierId: parcel.carrierId,
    service: parcel.carrierService,
    boxCount: Math.max(1, Math.min(99, parcel.boxCount)),
    labelScan,
    expectedTrackingNumbers: numbers((b) => b.expectedNumber),
    boundTrackingNumbers: numbers((b) => b.boundNumber),
    loadedTrackingNumbers: numbers((b) => (b.loadedAt ? (b.boundNumber ?? b.expectedNumber) : null)),
  };
}

/** The box a tracking number is on (bound first, then expected), with its parcel; null when no box has it. */
export async function boxWithNumber(tx: Tx, trackingNumber: string): Promise<BoxRow | null> {
  const [bound] = await tx.select().from(t.parcelBoxes).where(eq(t.parcelBoxes.boundNumber, trackingNumber)).limit(1);
  if (bound) return bound;
  const [expected] = await tx.select().from(t.parcelBoxes).where(eq(t.parcelBoxes.expectedNumber, trackingNumber)).limit(1);
  return expected ?? null;
}

