/**
 * Supervisor flags: recorded inside the transaction that found the problem, so they exist iff it
 * committed; listed for the console and marked resolved there.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { SupervisorFlag, SupervisorFlagKind } from '../../shared/protocol/admin-devices.js';
import type { Database, Tx } from '../db/client.js';
import * as t from '../db/schema.js';

/** What a flag says. */
export interface NewSupervisorFlag {
  warehouseId: string;
  kind: SupervisorFlagKind;
  deviceId?: string | null;
  staffId?: string | null;
  shipmentId?: string | null;
  eventId?: string | null;
  message: string;
  detail?: Record<string, string>;
  at: Date;
}

/** Records one flag in the caller's transaction. */
export async function raiseSupervisorFlag(tx: Tx, flag: NewSupervisorFlag): Promise<void> {
  await tx.insert(t.supervisorFlags).values({
    id: randomUUID(),
    warehouseId: flag.warehouseId,
    kind: flag.kind,
    deviceId: flag.deviceId ?? null,
    staffId: flag.staffId ?? null,
    shipmentId: flag.shipmentId ?? null,
    eventId: flag.eventId ?? null,
    message: flag.message,
    detail: flag.detail ?? {},
    createdAt: flag.at,
  });
}

/** Flags of one warehouse (or all), only the open ones when asked, newest first. */
export async function listSupervisorFlags(database: Database, filter: { warehouseId?: string; openOnly: boolean; limit: number }): Promise<SupervisorFlag[]> {
  const filters: SQL[] = [];
  if (filter.warehouseId) filters.push(eq(t.supervisorFlags.warehouseId, filter.warehouseId));
  if (filter.openOnly) filters.push(isNull(t.supervisorFlags.resolvedAt));
  const rows = await database.read((tx) =>
    selectFlags(tx)
      .where(and(...filters))
      .orderBy(desc(t.supervisorFlags.createdAt), asc(t.supervisorFlags.id))
      .limit(filter.limit),
  );
  return rows.map((r) => toSupervisorFlag(r.flag, r.deviceName));
}

/** Marks a flag dealt with (a second resolve keeps the first time); null when there is no such flag. */
export async function resolveSupervisorFlag(database: Database, id: string, now: Date): Promise<SupervisorFlag | null> {
  const rows = await database.write(async (tx) => {
    const resolved = await tx.update(t.supervisorFlags).set({ resolvedAt: now }).where(and(eq(t.supervisorFlags.id, id), isNull(t.supervisorFlags.resolvedAt))).returning();
    if (resolved[0]?.kind === 'label_mismatch') await clearLabelMismatch(tx, resolved[0]);
    return selectFlags(tx).where(eq(t.supervisorFlags.id, id));
  });
  return rows[0] ? toSupervisorFlag(rows[0].flag, rows[0].deviceName) : null;
}

/**
 * The supervisor re-labelled the box: the wrong label is forgotten (loading then goes by the numbers the
 * carrier's file expects) and both parcels may load again.
 */
async function clearLabelMismatch(tx: Tx, flag: typeof t.supervisorFlags.$inferSelect): Promise<void> {
  if (!flag.shipmentId) return;
  const parcels = [flag.shipmentId, ...(flag.detail.otherShipmentId ? [flag.detail.otherShipmentId] : [])];
  await tx.update(t.parcels).set({ loadingBlock: null }).where(inArray(t.parcels.shipmentId, parcels));
  if (flag.detail.trackingNumber) {
    await tx
      .update(t.parcelBoxes)
      .set({ boundNumber: null, boundAt: null, boundByDeviceId: null })
      .where(and(eq(t.parcelBoxes.shipmentId, flag.shipmentId), eq(t.parcelBoxes.boundNumber, flag.detail.trackingNumber)));
  }
}

function selectFlags(tx: Tx) {
  return tx.select({ flag: t.supervisorFlags, deviceName: t.devices.name }).from(t.supervisorFlags).leftJoin(t.devices, eq(t.devices.id, t.supervisorFlags.deviceId));
}

function toSupervisorFlag(flag: typeof t.supervisorFlags.$inferSelect, deviceName: string | null): SupervisorFlag {
  return {
    id: flag.id,
    kind: flag.kind,
    warehouseId: flag.warehouseId,
    deviceId: flag.deviceId,
    deviceName,
    staffId: flag.staffId,
    shipmentId: flag.shipmentId,
    eventId: flag.eventId,
    message: flag.message,
    detail: flag.detail,
    createdAt: flag.createdAt.toISOString(),
    resolvedAt: flag.resolvedAt?.toISOString() ?? null,
  };
}
