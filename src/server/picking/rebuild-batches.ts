/**
 * Rebuilds the open pick batches of a warehouse from its released parcels (shared/picking/pick-batch.ts).
 * Call it whenever parcels arrive or become released again, and after a hold or a release: the demo
 * seed does, the admin release does, and every import that committed shipments does.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { PickSettings } from '../../shared/picking/pick-settings.js';
import { planBatches } from '../../shared/picking/pick-batch.js';
import { nextChangeSeq } from '../db/change-seq.js';
import type { Database, Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import type { AfterShipmentsImported } from '../import/run-import.js';

/** What a rebuild changed. */
export interface RebuildSummary {
  kept: number;
  dissolved: number;
  created: number;
}

/** Rebuilds in its own transaction. */
export function rebuildBatches(database: Database, warehouseId: string, batchSize: number, now: Date = new Date()): Promise<RebuildSummary> {
  return database.write((tx) => rebuildBatchesInTx(tx, warehouseId, batchSize, now));
}

/** New parcels join pick batches as soon as an import commits them (a rebuild never moves parcels being picked). */
export function rebuildBatchesAfterImport(database: Database, pickSettings: PickSettings, now: () => Date = () => new Date()): AfterShipmentsImported {
  return async ({ warehouseId }) => {
    await rebuildBatches(database, warehouseId, pickSettings.batchSize, now());
  };
}

/**
 * One rebuild per warehouse at a time (two would both batch the same new parcels). NO KEY UPDATE, so
 * rows that merely reference the warehouse (new parcels, devices) are not blocked by it.
 */
export async function lockWarehouseForRebuild(tx: Tx, warehouseId: string): Promise<void> {
  await tx.select({ id: t.warehouses.id }).from(t.warehouses).where(eq(t.warehouses.id, warehouseId)).for('no key update');
}

/** Locks the open batches of a warehouse (before any parcel or counter lock: see the lock order at pick_batches in db/tables/parcels.ts). */
export async function lockOpenBatches(tx: Tx, warehouseId: string) {
  return tx
    .select({ id: t.pickBatches.id, shipmentIds: t.pickBatches.shipmentIds })
    .from(t.pickBatches)
    .where(and(eq(t.pickBatches.warehouseId, warehouseId), eq(t.pickBatches.status, 'open')))
    .for('update');
}

/** Rebuilds inside the caller's transaction; the caller must not hold parcel or counter locks yet (lock order). */
export async function rebuildBatchesInTx(tx: Tx, warehouseId: string, batchSize: number, now: Date): Promise<RebuildSummary> {
  await lockWarehouseForRebuild(tx, warehouseId);
  // Open batches locked: a claim waiting on one sees it claimed (and we skip it) or gets it dissolved.
  const open = await lockOpenBatches(tx, warehouseId);
  const claimed = await tx
    .select({ id: t.pickBatches.id, shipmentIds: t.pickBatches.shipmentIds })
    .from(t.pickBatches)
    .where(and(eq(t.pickBatches.warehouseId, warehouseId), eq(t.pickBatches.status, 'claimed')));
  const candidates = await tx
    .select({
      shipmentId: t.parcels.shipmentId,
      orderDate: t.parcels.orderDate,
      lines: t.parcels.lines,
      insertCodes: t.parcels.insertCodes,
      giftCode: t.parcels.giftCode,
    })
    .from(t.parcels)
    .where(and(eq(t.parcels.warehouseId, warehouseId), eq(t.parcels.status, 'released')));
  const plan = planBatches(
    candidates,
    [
      ...open.map((b) => ({ batchId: b.id, status: 'open' as const, shipmentIds: b.shipmentIds })),
      ...claimed.map((b) => ({ batchId: b.id, status: 'claimed' as const, shipmentIds: b.shipmentIds })),
    ],
    batchSize,
  );
  if (plan.dissolve.length > 0) {
    await tx.update(t.pickBatches).set({ status: 'dissolved', seq: await nextChangeSeq(tx) }).where(inArray(t.pickBatches.id, plan.dissolve));
  }
  for (const batch of plan.create) {
    const seq = await nextChangeSeq(tx);
    // The creation stamp is unique, so it makes a short id a supervisor can read out (PB42).
    await tx.insert(t.pickBatches).values({
      id: `PB${seq}`,
      warehouseId,
      shape: batch.shape,
      insertCodes: batch.insertCodes,
      giftCode: batch.giftCode,
      shipmentIds: batch.shipmentIds,
      status: 'open',
      createdAt: now,
      seq,
    });
  }
  return { kept: plan.keep.length, dissolved: plan.dissolve.length, created: plan.create.length };
}
