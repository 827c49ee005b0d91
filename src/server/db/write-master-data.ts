/** Writes master data (catalogue rows, parcels) and stamps each row with the change sequence. */
import { sql } from 'drizzle-orm';
import type { GiftCode, HumanTouchRule, Insert, Product, Rank, ReturnReason, Staff } from '../../shared/domain/catalogue.js';
import { computeHumanTouchFlags } from '../../shared/domain/human-touch.js';
import { withReturnInstruction } from '../../shared/domain/return-instructions.js';
import type { ParcelStatus } from '../../shared/domain/parcel.js';
import { carrierOfMethod } from '../shipping/carrier-mappings.js';
import { nextChangeSeq } from './change-seq.js';
import type { Tx } from './client.js';
import * as t from './schema.js';
import { parcelFieldsOf, type ShipmentInput } from './shipment-input.js';

/** Inserts or updates one product and its barcodes. */
export async function upsertProduct(tx: Tx, product: Product): Promise<void> {
  const seq = await nextChangeSeq(tx);
  const row = { code: product.code, name: product.name, location: product.location, seq };
  await tx.insert(t.products).values(row).onConflictDoUpdate({ target: t.products.code, set: row });
  for (const barcode of product.barcodes) {
    const b = { barcode, productCode: product.code, seq: await nextChangeSeq(tx) };
    await tx.insert(t.productBarcodes).values(b).onConflictDoUpdate({ target: t.productBarcodes.barcode, set: b });
  }
}

/** Inserts or updates one customer rank. */
export async function upsertRank(tx: Tx, rank: Rank): Promise<void> {
  const row = { ...rank, seq: await nextChangeSeq(tx) };
  await tx.insert(t.ranks).values(row).onConflictDoUpdate({ target: t.ranks.code, set: row });
}

/** Inserts or updates one gift code. */
export async function upsertGiftCode(tx: Tx, gift: GiftCode): Promise<void> {
  const row = { ...gift, seq: await nextChangeSeq(tx) };
  await tx.insert(t.giftCodes).values(row).onConflictDoUpdate({ target: t.giftCodes.code, set: row });
}

/** Inserts or updates one insert (同梱物). */
export async function upsertInsert(tx: Tx, insert: Insert): Promise<void> {
  const row = { ...insert, seq: await nextChangeSeq(tx) };
  await tx.insert(t.inserts).values(row).onConflictDoUpdate({ target: t.inserts.code, set: row });
}

/** Inserts or updates the rule of one human-touch flag; a rule without returns-bench words gets the default ones. */
export async function upsertHumanTouchRule(tx: Tx, rule: HumanTouchRule): Promise<void> {
  const row = { ...withReturnInstruction(rule), seq: await nextChangeSeq(tx) };
  await tx.insert(t.humanTouchRules).values(row).onConflictDoUpdate({ target: t.humanTouchRules.flag, set: row });
}

/** Inserts or updates one staff member of a warehouse. */
export async function upsertStaff(tx: Tx, warehouseId: string, member: Staff): Promise<void> {
  const row = { ...member, warehouseId, seq: await nextChangeSeq(tx) };
  await tx.insert(t.staff).values(row).onConflictDoUpdate({ target: t.staff.id, set: row });
}

/** Inserts or updates one return reason (返品理由). */
export async function upsertReturnReason(tx: Tx, reason: ReturnReason): Promise<void> {
  const row = { ...reason, seq: await nextChangeSeq(tx) };
  await tx.insert(t.returnReasons).values(row).onConflictDoUpdate({ target: t.returnReasons.code, set: row });
}

/** Inserts or updates a parcel; its human-touch flags are computed here, from history, never taken as given. */
export async function upsertParcel(tx: Tx, warehouseId: string, s: ShipmentInput): Promise<void> {
  await lockParcelRow(tx, s.shipmentId);
  // Before the change stamp (lock order: parcel, customer, counter — the same as a return receipt).
  await upsertCustomer(tx, s);
  const row = {
    ...parcelFieldsOf(s),
    warehouseId,
    customerEmail: s.customerEmail,
    purchaseCount: s.purchaseCount,
    returnCount: s.returnCount,
    parcelsSinceFirstReturn: s.parcelsSinceFirstReturn,
    flags: computeHumanTouchFlags(s),
    flagRuleVersion: s.flagRuleVersion ?? null,
    ...(await shippingFieldsOf(tx, warehouseId, s)),
    seq: await nextChangeSeq(tx),
  };
  await tx.insert(t.parcels).values(row).onConflictDoUpdate({ target: t.parcels.shipmentId, set: row });
}

/** The carrier (mapped from 配送方法) and the label's data a parcel is stored with. */
async function shippingFieldsOf(tx: Tx, warehouseId: string, s: ShipmentInput) {
  const { carrierId, service } = await carrierOfMethod(tx, warehouseId, s.carrier);
  return {
    carrierId,
    carrierService: service,
    boxCount: s.boxCount ?? 1,
    recipient: s.recipient ?? null,
    deliveryDate: s.deliveryDate ?? null,
    deliveryTimeBand: s.deliveryTimeBand ?? null,
  };
}

/** Sets a parcel's status (e.g. held by the back office) and stamps it so devices pull the change. */
export async function setParcelStatus(tx: Tx, shipmentId: string, status: ParcelStatus, holdReason: string | null = null): Promise<void> {
  await lockParcelRow(tx, shipmentId);
  const seq = await nextChangeSeq(tx);
  await tx.update(t.parcels).set({ status, holdReason, seq }).where(sql`${t.parcels.shipmentId} = ${shipmentId}`);
}

/**
 * Keeps the customer's server-side record: name and contact from the latest import, and the higher of
 * the back office's return count and the returns this server has received.
 */
async function upsertCustomer(tx: Tx, s: ShipmentInput): Promise<void> {
  const row = { id: s.customerId, name: s.customerName, email: s.customerEmail, locale: s.customerLocale ?? null, returnCount: s.returnCount };
  await tx
    .insert(t.customers)
    .values(row)
    .onConflictDoUpdate({
      target: t.customers.id,
      set: {
        name: row.name,
        email: row.email,
        // An import without a locale keeps the one we know.
        locale: sql`coalesce(excluded.locale, ${t.customers.locale})`,
        returnCount: sql`greatest(${t.customers.returnCount}, excluded.return_count)`,
      },
    });
}

/**
 * Lock order rule: parcel row first, change counter second. A push locks the parcel (FOR UPDATE) and
 * then stamps; a writer that stamped first and then touched the parcel could deadlock with it.
 */
async function lockParcelRow(tx: Tx, shipmentId: string): Promise<void> {
  await tx.execute(sql`select 1 from parcels where shipment_id = ${shipmentId} for update`);
}
