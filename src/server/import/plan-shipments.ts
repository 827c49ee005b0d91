/**
 * Plans a shipment import: shipments grouped from their lines, each compared with its stored parcel,
 * with the customer's history computed from the stored parcels and the file together.
 */
import { asc, inArray } from 'drizzle-orm';
import { countParcelsSinceFirstReturn, type EarlierParcel } from '../../shared/domain/human-touch.js';
import type { Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import type { ShipmentInput } from '../db/shipment-input.js';
import { upsertParcel } from '../db/write-master-data.js';
import { currentRuleVersion } from '../rules/human-touch-rules.js';
import { groupShipments, type ShipmentGroup } from './group-shipments.js';
import { importMessage, type ImportLang } from './messages.js';
import { sameRecord, type Plan } from './plan.js';
import { ImportUsageError } from './usage-error.js';
import type { checkRows } from './validate-rows.js';

/** A stored parcel of one of the file's customers (their history). */
type CustomerParcel = EarlierParcel & { customerId: string };

/** Statuses a changed shipment may no longer be rewritten in: the parcel has left the packer's hands. */
const FROZEN_STATUSES = new Set(['packed', 'shipped']);

/** Plans the checked shipment rows; `options` name the warehouse and say whether this is a dry run. */
export async function planShipments(
  tx: Tx,
  checked: ReturnType<typeof checkRows<'shipments'>>,
  lang: ImportLang,
  options: { warehouseId?: string; dryRun?: boolean },
): Promise<Plan> {
  const grouped = groupShipments(checked.rows, checked.columns, lang);
  const errors = [...grouped.errors];
  const warnings = [...grouped.warnings];
  let rejected = grouped.rejected;
  const idColumn = checked.columns.header.get('shipmentId') ?? '出荷ID';

  const { warehouseId, createWarehouse } = await resolveWarehouse(tx, options.warehouseId);
  if (createWarehouse) warnings.push({ row: 0, column: '', message: importMessage(lang, 'noWarehouse', { warehouseId }) });

  const ids = grouped.shipments.map((s) => s.shipmentId);
  const customers = [...new Set(grouped.shipments.map((s) => s.header.customerId))];
  // Lock order (db/change-seq.ts): every parcel row this import may touch is locked before anything is
  // stamped, in one order, so a device's push (parcel, then counter) can never deadlock with us.
  const existingRows = ids.length && !options.dryRun
    ? await tx.select().from(t.parcels).where(inArray(t.parcels.shipmentId, ids)).orderBy(asc(t.parcels.shipmentId)).for('update')
    : ids.length
      ? await tx.select().from(t.parcels).where(inArray(t.parcels.shipmentId, ids))
      : [];
  const existing = new Map(existingRows.map((r) => [r.shipmentId, r]));
  const history: CustomerParcel[] = customers.length
    ? await tx
        .select({ shipmentId: t.parcels.shipmentId, orderDate: t.parcels.orderDate, orderNumber: t.parcels.orderNumber, returnCount: t.parcels.returnCount, customerId: t.parcels.customerId })
        .from(t.parcels)
        .where(inArray(t.parcels.customerId, customers))
    : [];
  const ruleVersion = await currentRuleVersion(tx);

  const toWrite: ShipmentInput[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  let lines = 0;
  for (const s of grouped.shipments) {
    const before = existing.get(s.shipmentId);
    if (before && before.warehouseId !== warehouseId) {
      errors.push({ row: s.firstRow, column: idColumn, message: importMessage(lang, 'otherWarehouse', { shipmentId: s.shipmentId, warehouseId: before.warehouseId }) });
      rejected++;
      continue;
    }
    const input = toShipmentInput(s, before, history, grouped.shipments, ruleVersion);
    if (before && sameRecord(comparable(before), comparable(input))) {
      unchanged++;
      lines += s.lines.length;
      continue;
    }
    if (before && FROZEN_STATUSES.has(before.status)) {
      errors.push({ row: s.firstRow, column: idColumn, message: importMessage(lang, 'shipmentPacked', { shipmentId: s.shipmentId, status: before.status }) });
      rejected++;
      continue;
    }
    if (before && (before.status === 'picking' || before.status === 'picked')) {
      warnings.push({ row: s.firstRow, column: idColumn, message: importMessage(lang, 'shipmentInPicking', { shipmentId: s.shipmentId, status: before.status }) });
    }
    if (before) updated++;
    else created++;
    lines += s.lines.length;
    toWrite.push(input);
  }
  errors.sort((a, b) => a.row - b.row);

  return {
    imported: { shipments: created + updated + unchanged, created, updated, unchanged, lines },
    rejected,
    records: grouped.shipments.length + grouped.rejected,
    errors,
    warnings,
    shipmentIds: toWrite.map((s) => s.shipmentId),
    warehouseId,
    write: async (w) => {
      if (createWarehouse && toWrite.length > 0) await w.insert(t.warehouses).values({ id: warehouseId, name: warehouseId }).onConflictDoNothing();
      for (const s of toWrite) await upsertParcel(w, warehouseId, s);
    },
  };
}

/** The shipment as it will be stored: status and hold kept from the stored parcel, flags' history computed. */
function toShipmentInput(
  s: ShipmentGroup,
  before: typeof t.parcels.$inferSelect | undefined,
  history: CustomerParcel[],
  inFile: ShipmentGroup[],
  ruleVersion: number,
): ShipmentInput {
  const h = s.header;
  const self: EarlierParcel = { shipmentId: s.shipmentId, orderDate: h.orderDate, orderNumber: h.orderNumber, returnCount: h.returnCount };
  const others = [
    ...history.filter((p) => p.customerId === h.customerId && !inFile.some((f) => f.shipmentId === p.shipmentId)),
    ...inFile.filter((f) => f.header.customerId === h.customerId).map((f) => ({ shipmentId: f.shipmentId, orderDate: f.header.orderDate, orderNumber: f.header.orderNumber, returnCount: f.header.returnCount })),
  ];
  return {
    shipmentId: s.shipmentId,
    orderNumber: h.orderNumber,
    orderDate: h.orderDate,
    customerId: h.customerId,
    customerName: h.customerName,
    customerEmail: h.customerEmail,
    rankCode: h.rankCode,
    purchaseCount: h.purchaseCount,
    returnCount: h.returnCount,
    parcelsSinceFirstReturn: countParcelsSinceFirstReturn(self, others),
    giftCode: h.giftCode,
    noshiName: h.noshiName,
    message: h.message,
    insertCodes: h.insertCodes,
    carrier: h.carrier,
    recipient: h.recipientName || h.postalCode || h.address || h.phone ? { name: h.recipientName, postalCode: h.postalCode, address: h.address, phone: h.phone } : null,
    deliveryDate: h.deliveryDate,
    deliveryTimeBand: h.deliveryTimeBand,
    boxCount: h.boxCount,
    // A re-import never undoes the floor's or the back office's status (held stays held).
    status: before?.status ?? 'released',
    holdReason: before?.holdReason ?? null,
    lines: s.lines,
    // Kept when nothing else changes, so re-importing after a rule edit changes nothing.
    flagRuleVersion: ruleVersion,
  };
}

/** The fields an import owns, for "unchanged" (status, packing and the rule version are not the file's). */
function comparable(p: Omit<ShipmentInput, 'status' | 'holdReason'> | typeof t.parcels.$inferSelect) {
  return {
    orderNumber: p.orderNumber,
    orderDate: p.orderDate,
    customerId: p.customerId,
    customerName: p.customerName,
    customerEmail: p.customerEmail,
    rankCode: p.rankCode,
    purchaseCount: p.purchaseCount,
    returnCount: p.returnCount,
    parcelsSinceFirstReturn: p.parcelsSinceFirstReturn,
    giftCode: p.giftCode,
    noshiName: p.noshiName,
    message: p.message,
    insertCodes: p.insertCodes,
    carrier: p.carrier,
    lines: p.lines,
    recipient: p.recipient ?? null,
    deliveryDate: p.deliveryDate ?? null,
    deliveryTimeBand: p.deliveryTimeBand ?? null,
    boxCount: p.boxCount ?? 1,
  };
}

/** The warehouse to import into: the one named, else the only one; a database with none gets WH1. */
async function resolveWarehouse(tx: Tx, wanted: string | undefined): Promise<{ warehouseId: string; createWarehouse: boolean }> {
  const all = await tx.select().from(t.warehouses).orderBy(asc(t.warehouses.id));
  if (wanted) {
    if (!all.some((w) => w.id === wanted)) throw new ImportUsageError(`Unknown warehouse ${wanted} (known: ${all.map((w) => w.id).join(', ') || 'none'})`);
    return { warehouseId: wanted, createWarehouse: false };
  }
  if (all.length === 1) return { warehouseId: all[0].id, createWarehouse: false };
  if (all.length === 0) return { warehouseId: 'WH1', createWarehouse: true };
  throw new ImportUsageError(`There are ${all.length} warehouses (${all.map((w) => w.id).join(', ')}); choose one (--warehouse / ?warehouseId=)`);
}
