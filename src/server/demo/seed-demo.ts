/** Loads the demo data once (first start with DEMO=1); running it again changes nothing. */
import { eq, sql } from 'drizzle-orm';
import { DEFAULT_PICK_SETTINGS } from '../../shared/picking/pick-settings.js';
import type { Database } from '../db/client.js';
import { rebuildBatches } from '../picking/rebuild-batches.js';
import * as t from '../db/schema.js';
import {
  upsertGiftCode,
  upsertHumanTouchRule,
  upsertInsert,
  upsertParcel,
  upsertProduct,
  upsertRank,
  upsertReturnReason,
  upsertStaff,
} from '../db/write-master-data.js';
import {
  DEMO_GIFT_CODES,
  DEMO_HUMAN_TOUCH_RULES,
  DEMO_INSERTS,
  DEMO_PRODUCTS,
  DEMO_RANKS,
  DEMO_RETURN_REASONS,
  DEMO_SHIPMENTS,
  DEMO_STAFF,
  DEMO_WAREHOUSE,
} from './demo-data.js';

/** Seeds the demo warehouse, catalogue and parcels in one transaction; returns false if already seeded. */
export async function seedDemo(database: Database, batchSize = DEFAULT_PICK_SETTINGS.batchSize): Promise<boolean> {
  const seeded = await database.write(async (tx) => {
    const existing = await tx.select({ id: t.warehouses.id }).from(t.warehouses).where(eq(t.warehouses.id, DEMO_WAREHOUSE.id));
    // The warehouse row is the "already seeded" marker: a restarted demo server keeps its packed parcels.
    if (existing.length > 0) return false;
    await tx.insert(t.warehouses).values(DEMO_WAREHOUSE);
    for (const rank of DEMO_RANKS) await upsertRank(tx, rank);
    for (const gift of DEMO_GIFT_CODES) await upsertGiftCode(tx, gift);
    for (const insert of DEMO_INSERTS) await upsertInsert(tx, insert);
    for (const rule of DEMO_HUMAN_TOUCH_RULES) await upsertHumanTouchRule(tx, rule);
    for (const product of DEMO_PRODUCTS) await upsertProduct(tx, product);
    for (const reason of DEMO_RETURN_REASONS) await upsertReturnReason(tx, reason);
    for (const member of DEMO_STAFF) await upsertStaff(tx, DEMO_WAREHOUSE.id, member);
    for (const s of DEMO_SHIPMENTS) await upsertParcel(tx, DEMO_WAREHOUSE.id, s);
    return true;
  });
  // Parcels arrived: batch them for picking (its own transaction: a rebuild locks before it stamps).
  if (seeded) await rebuildBatches(database, DEMO_WAREHOUSE.id, batchSize);
  return seeded;
}

/** Empties every table (devices and events included); tests use it to start each case from the demo. */
async function clearAllData(database: Database): Promise<void> {
  await database.write(async (tx) => {
    await tx.execute(sql`truncate table parcel_boxes, handovers, carrier_mappings, carrier_settings, supervisor_flags, pick_batches, notifications, return_receipts, customers, return_reasons, events, devices, enrolment_codes,
      parcels, staff, product_barcodes, products, ranks, gift_codes, inserts, human_touch_rules, human_touch_rule_versions, warehouses, change_counter`);
  });
}

/** Clears everything and seeds the demo again. */
export async function resetDemo(database: Database): Promise<void> {
  await clearAllData(database);
  await seedDemo(database);
}
