/**
 * return.received: the server's half of a return receipt. In the push's one transaction it records the
 * receipt, counts the customer's return, re-flags the customer's parcels not packed yet (the next one
 * carries FIRST_RETURN) and queues exactly one notification for the dispatcher.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { computeHumanTouchFlags } from '../../../shared/domain/human-touch.js';
import type { ParcelStatus } from '../../../shared/domain/parcel.js';
import { nextChangeSeq } from '../../db/change-seq.js';
import type { Tx } from '../../db/client.js';
import * as t from '../../db/schema.js';
import { enqueueReturnNotice } from '../../notify/outbox.js';
import { returnNoticeOf } from '../../notify/return-notice.js';
import { formatInstant } from '../parcel-view.js';
import { normaliseReturnItems } from './return-items.js';
import type { CommandHandler, CommandOutcome } from './types.js';

/** Statuses of a parcel that has not been packed yet: its flags can still change. */
const OPEN_STATUSES: ParcelStatus[] = ['released', 'picking', 'picked', 'held'];

type ParcelRow = typeof t.parcels.$inferSelect;

/** Records the receipt when the parcel (by id, or by order number) is known here, has left, and has no receipt yet. */
export const applyReturnReceived: CommandHandler<'return.received'> = async (tx, event, ctx): Promise<CommandOutcome> => {
  const payload = event.payload;

  // (a) Resolve the parcel: by shipment id, or by order number for a parcel the device did not hold.
  const target = await resolveTarget(tx, ctx.warehouseId, payload.shipmentId, payload.orderNumber);
  if ('outcome' in target) return target.outcome;

  // (b) Lock every parcel of the customer, in shipment-id order, before anything else: two receipts of
  //     one customer then queue instead of deadlocking, and pack/import (one parcel, then the counter) fit.
  const customerParcels = await tx
    .select()
    .from(t.parcels)
    .where(eq(t.parcels.customerId, target.customerId))
    .orderBy(asc(t.parcels.shipmentId))
    .for('update');
  const parcel = customerParcels.find((p) => p.shipmentId === target.shipmentId);
  if (!parcel || parcel.warehouseId !== ctx.warehouseId) {
    return { status: 'rejected', code: 'parcel_unknown', message: `Parcel ${target.shipmentId} is not known in this warehouse.` };
  }
  if (payload.shipmentId && parcel.orderNumber !== payload.orderNumber) {
    return { status: 'rejected', code: 'invalid', message: `Parcel ${parcel.shipmentId} belongs to order ${parcel.orderNumber}, not ${payload.orderNumber}.` };
  }
  if (parcel.status !== 'packed' && parcel.status !== 'shipped') {
    return { status: 'rejected', code: 'not_shipped', message: `Parcel ${parcel.shipmentId} has not left the warehouse (${parcel.status}): it cannot come back.`, detail: { status: parcel.status } };
  }

  // (c) One receipt per parcel: a second device logging the same parcel is told who logged it first.
  const earlier = await earlierReceiptOf(tx, parcel.shipmentId);
  if (earlier) return earlier;

  // (d) Reasons must be the catalogue's.
  const unknownReasons = await unknownReasonCodes(tx, payload.items);
  if (unknownReasons.length > 0) return { status: 'rejected', code: 'invalid', message: `Unknown return reason ${unknownReasons.join(', ')}.` };

  // (e) Measured against the parcel's lines: unexpected products apart, missing ones written out.
  const { items, unexpectedItems } = normaliseReturnItems(parcel.lines, payload);

  // (f) The customer's history: one more return, and every parcel of theirs re-flagged and re-stamped.
  const customer = await countReturn(tx, parcel);
  await reflagCustomerParcels(tx, customerParcels, customer.returnCount);

  // (g) The receipt, and (h) its one notification, in this same transaction.
  await tx.insert(t.returnReceipts).values({
    id: event.id,
    shipmentId: parcel.shipmentId,
    warehouseId: ctx.warehouseId,
    orderNumber: parcel.orderNumber,
    customerId: parcel.customerId,
    items,
    unexpectedItems,
    note: payload.note,
    staffId: event.staffId,
    deviceId: ctx.deviceId,
    receivedAt: new Date(event.at),
    recordedAt: ctx.now,
  });
  const notice = returnNoticeOf({
    receiptId: event.id,
    receivedAt: new Date(event.at),
    parcel,
    customer,
    items,
    unexpectedItems,
    productNames: await productNamesOf(tx, items.map((i) => i.productCode)),
  });
  await enqueueReturnNotice(tx, notice, ctx.now);
  return { status: 'applied' };
};

type Target = { shipmentId: string; customerId: string } | { outcome: CommandOutcome };

async function resolveTarget(tx: Tx, warehouseId: string, shipmentId: string | null, orderNumber: string): Promise<Target> {
  const rows = await tx
    .select({ shipmentId: t.parcels.shipmentId, customerId: t.parcels.customerId, status: t.parcels.status })
    .from(t.parcels)
    .where(and(eq(t.parcels.warehouseId, warehouseId), shipmentId ? eq(t.parcels.shipmentId, shipmentId) : eq(t.parcels.orderNumber, orderNumber)));
  if (rows.length === 0) {
    return shipmentId
      ? { outcome: { status: 'rejected', code: 'parcel_unknown', message: `Parcel ${shipmentId} is not known in this warehouse.` } }
      : { outcome: { status: 'rejected', code: 'order_unknown', message: `No parcel of order ${orderNumber} is known in this warehouse: check the number on the return slip.`, detail: { orderNumber } } };
  }
  // An order split over several parcels: only the ones that left can come back; more than one is ambiguous.
  const left = rows.filter((r) => r.status === 'packed' || r.status === 'shipped');
  if (!shipmentId && left.length > 1) {
    return { outcome: { status: 'rejected', code: 'invalid', message: `Order ${orderNumber} left in ${left.length} parcels: scan the slip of the one that came back.`, detail: { orderNumber } } };
  }
  const row = left[0] ?? rows[0];
  return { shipmentId: row.shipmentId, customerId: row.customerId };
}

/** The rejection naming who already received this parcel's return, or null when nobody has. */
async function earlierReceiptOf(tx: Tx, shipmentId: string): Promise<CommandOutcome | null> {
  const [existing] = await tx
    .select({ id: t.returnReceipts.id, at: t.returnReceipts.receivedAt, staffName: t.staff.name, deviceName: t.devices.name })
    .from(t.returnReceipts)
    .leftJoin(t.staff, eq(t.staff.id, t.returnReceipts.staffId))
    .leftJoin(t.devices, eq(t.devices.id, t.returnReceipts.deviceId))
    .where(eq(t.returnReceipts.shipmentId, shipmentId));
  if (!existing) return null;
  const detail = { staffName: existing.staffName ?? '', deviceName: existing.deviceName ?? '', at: formatInstant(existing.at) };
  return {
    status: 'rejected',
    code: 'already_returned',
    message: `The return of parcel ${shipmentId} was already received by ${detail.staffName} on ${detail.deviceName} at ${detail.at}.`,
    detail,
  };
}

/** The reason codes of `items` that the catalogue does not have. */
async function unknownReasonCodes(tx: Tx, items: readonly { reasonCode: string | null }[]): Promise<string[]> {
  const reasonCodes = [...new Set(items.flatMap((i) => (i.reasonCode ? [i.reasonCode] : [])))];
  if (reasonCodes.length === 0) return [];
  const known = await tx.select({ code: t.returnReasons.code }).from(t.returnReasons).where(inArray(t.returnReasons.code, reasonCodes));
  return reasonCodes.filter((c) => !known.some((k) => k.code === c));
}

/** Counts one more return for the parcel's customer; the row is created from the parcel if the import predates it. */
async function countReturn(tx: Tx, parcel: ParcelRow): Promise<typeof t.customers.$inferSelect> {
  const [customer] = await tx
    .insert(t.customers)
    .values({ id: parcel.customerId, name: parcel.customerName, email: parcel.customerEmail, returnCount: parcel.returnCount + 1 })
    .onConflictDoUpdate({ target: t.customers.id, set: { returnCount: sql`${t.customers.returnCount} + 1` } })
    .returning();
  return customer;
}

/**
 * Re-flags and re-stamps every parcel of the customer: the ones not packed yet get their flags from the
 * new history (the earliest one is "the first parcel since the return"), and all of them carry the new
 * return count to devices.
 */
async function reflagCustomerParcels(tx: Tx, customerParcels: readonly ParcelRow[], returnCount: number): Promise<void> {
  let sinceReturn = 0;
  const open = customerParcels
    .filter((p) => OPEN_STATUSES.includes(p.status))
    .sort((a, b) => a.orderDate.localeCompare(b.orderDate) || a.shipmentId.localeCompare(b.shipmentId));
  for (const p of open) {
    const history = { purchaseCount: p.purchaseCount, returnCount, parcelsSinceFirstReturn: sinceReturn++ };
    await tx
      .update(t.parcels)
      .set({ returnCount: history.returnCount, parcelsSinceFirstReturn: history.parcelsSinceFirstReturn, flags: computeHumanTouchFlags(history), seq: await nextChangeSeq(tx) })
      .where(eq(t.parcels.shipmentId, p.shipmentId));
  }
  for (const p of customerParcels) {
    if (OPEN_STATUSES.includes(p.status)) continue;
    await tx.update(t.parcels).set({ seq: await nextChangeSeq(tx) }).where(eq(t.parcels.shipmentId, p.shipmentId));
  }
}

/** Product names by code, for the customer's message. */
async function productNamesOf(tx: Tx, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await tx.select({ code: t.products.code, name: t.products.name }).from(t.products).where(inArray(t.products.code, unique));
  return new Map(rows.map((r) => [r.code, r.name]));
}
