/** Pick batch rows: read as devices see them, locked for a command, and the parcels of a batch. */
import { and, asc, eq, gt, inArray, lte, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { BatchHolder, PickBatch } from '../../shared/protocol/pick.js';
import type { AdminBatchesResponse } from '../../shared/protocol/pick-admin.js';
import type { Database, Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import { formatInstant } from '../sync/parcel-view.js';

/** A pick batch row. */
export type BatchRow = typeof t.pickBatches.$inferSelect;

const holderStaff = alias(t.staff, 'holder_staff');
const holderDevice = alias(t.devices, 'holder_device');

function selectBatches(tx: Tx) {
  return tx
    .select({ batch: t.pickBatches, staffName: holderStaff.name, deviceName: holderDevice.name })
    .from(t.pickBatches)
    .leftJoin(holderStaff, eq(holderStaff.id, t.pickBatches.claimedByStaffId))
    .leftJoin(holderDevice, eq(holderDevice.id, t.pickBatches.claimedByDeviceId));
}

/** Converts a row (with the holder's names) to the wire shape. */
function toPickBatch(row: BatchRow, names: { staffName: string | null; deviceName: string | null }): PickBatch {
  return {
    batchId: row.id,
    shape: row.shape,
    insertCodes: row.insertCodes,
    giftCode: row.giftCode,
    shipmentIds: row.shipmentIds,
    status: row.status,
    claimedBy: holderOf(row, names),
    createdAt: formatInstant(row.createdAt),
  };
}

function holderOf(row: BatchRow, names: { staffName: string | null; deviceName: string | null }): BatchHolder | null {
  if (!row.claimedByDeviceId || (row.status !== 'claimed' && row.status !== 'completed')) return null;
  return {
    staffId: row.claimedByStaffId ?? '',
    staffName: names.staffName ?? row.claimedByStaffId ?? '',
    deviceId: row.claimedByDeviceId,
    deviceName: names.deviceName ?? row.claimedByDeviceId,
    at: row.claimedAt ? formatInstant(row.claimedAt) : '',
  };
}

/** Batches of `warehouseId` stamped in (after, upTo], oldest stamp first (dissolved ones included). */
export async function batchesChangedBetween(tx: Tx, warehouseId: string, after: number, upTo: number): Promise<PickBatch[]> {
  const rows = await selectBatches(tx)
    .where(and(eq(t.pickBatches.warehouseId, warehouseId), gt(t.pickBatches.seq, after), lte(t.pickBatches.seq, upTo)))
    .orderBy(asc(t.pickBatches.seq));
  // A device starting from zero needs no history of dissolved batches.
  return rows.filter((r) => after > 0 || r.batch.status !== 'dissolved').map((r) => toPickBatch(r.batch, r));
}

/** A batch as the admin list shows it: which warehouse, and its short parcels. */
export type AdminBatch = AdminBatchesResponse['batches'][number];

/** Batches of a warehouse (or all), optionally of some statuses, oldest first. */
export async function listAdminBatches(database: Database, warehouseId: string | null, statuses: BatchRow['status'][]): Promise<AdminBatch[]> {
  const filters: SQL[] = [];
  if (warehouseId) filters.push(eq(t.pickBatches.warehouseId, warehouseId));
  if (statuses.length) filters.push(inArray(t.pickBatches.status, statuses));
  const rows = await database.read((tx) => selectBatches(tx).where(and(...filters)).orderBy(asc(t.pickBatches.createdAt), asc(t.pickBatches.id)));
  return rows.map(toAdminBatch);
}

/** One batch as the admin list shows it, or null when there is no such batch. */
export async function findAdminBatch(database: Database, batchId: string): Promise<AdminBatch | null> {
  const [row] = await database.read((tx) => selectBatches(tx).where(eq(t.pickBatches.id, batchId)));
  return row ? toAdminBatch(row) : null;
}

function toAdminBatch(row: { batch: BatchRow; staffName: string | null; deviceName: string | null }): AdminBatch {
  return { ...toPickBatch(row.batch, row), warehouseId: row.batch.warehouseId, shortShipmentIds: row.batch.shortShipmentIds };
}

/** One batch of `warehouseId`, locked FOR UPDATE: concurrent claims of it queue here (first wins). */
export async function lockBatch(tx: Tx, warehouseId: string, batchId: string): Promise<BatchRow | null> {
  const rows = await tx
    .select()
    .from(t.pickBatches)
    .where(and(eq(t.pickBatches.id, batchId), eq(t.pickBatches.warehouseId, warehouseId)))
    .for('update');
  return rows[0] ?? null;
}

/** Who holds a batch, in words (for a rejection). */
export async function holderInWords(tx: Tx, row: BatchRow): Promise<BatchHolder | null> {
  const [names] = await selectBatches(tx).where(eq(t.pickBatches.id, row.id));
  return holderOf(row, names ?? { staffName: null, deviceName: null });
}

/** Locks parcels (in shipment id order, so two lockers never deadlock) and returns them. */
export async function lockParcels(tx: Tx, warehouseId: string, shipmentIds: readonly string[]) {
  if (shipmentIds.length === 0) return [];
  return tx
    .select({ shipmentId: t.parcels.shipmentId, status: t.parcels.status })
    .from(t.parcels)
    .where(and(eq(t.parcels.warehouseId, warehouseId), inArray(t.parcels.shipmentId, [...shipmentIds])))
    .orderBy(asc(t.parcels.shipmentId))
    .for('update');
}
