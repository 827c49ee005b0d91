/**
 * Plans a tracking import: the carrier software's result file (お客様管理番号 = 出荷ID, 伝票番号) gives
 * each parcel's boxes, in file order, the numbers their labels carry. A number is checked against its
 * carrier's check digit and must belong to no other parcel; devices pull the numbers and refuse any
 * other label at packing.
 */
import { and, asc, inArray, isNotNull, or } from 'drizzle-orm';
import { isValidTrackingNumber } from '../../shared/domain/tracking-number.js';
import type { ImportIssue } from '../../shared/protocol/import.js';
import type { Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import { setExpectedNumbers } from '../shipping/parcel-boxes.js';
import { importMessage, type ImportLang } from './messages.js';
import { splitChecked, type Plan } from './plan.js';
import type { checkRows } from './validate-rows.js';

const CARRIER_NAME = { yamato: 'ヤマト運輸', sagawa: '佐川急便', japanpost: '日本郵便', other: 'その他' } as const;

/** Plans the result file's rows against the stored parcels and boxes; a dry run locks nothing. */
export async function planTracking(tx: Tx, checked: ReturnType<typeof checkRows<'tracking'>>, lang: ImportLang, options: { dryRun?: boolean }): Promise<Plan> {
  const { good, errors, warnings, bad } = splitChecked(checked.rows);
  const idColumn = checked.columns.header.get('shipmentId') ?? 'お客様管理番号';
  const numberColumn = checked.columns.header.get('trackingNumber') ?? '伝票番号';
  const ids = [...new Set(good.map((r) => r.value.shipmentId))].sort();
  const numbers = [...new Set(good.map((r) => r.value.trackingNumber))];
  const select = () => tx.select().from(t.parcels).where(inArray(t.parcels.shipmentId, ids)).orderBy(asc(t.parcels.shipmentId));
  const parcels = ids.length === 0 ? [] : options.dryRun ? await select() : await select().for('update');
  const byId = new Map(parcels.map((p) => [p.shipmentId, p]));
  // Who holds each number today (expected or bound), to refuse a number of another parcel.
  const owners = numbers.length
    ? await tx
        .select({ shipmentId: t.parcelBoxes.shipmentId, box: t.parcelBoxes.box, expected: t.parcelBoxes.expectedNumber, bound: t.parcelBoxes.boundNumber })
        .from(t.parcelBoxes)
        .where(or(inArray(t.parcelBoxes.expectedNumber, numbers), and(isNotNull(t.parcelBoxes.boundNumber), inArray(t.parcelBoxes.boundNumber, numbers))))
    : [];
  const ownerOf = new Map<string, string>();
  for (const o of owners) for (const n of [o.expected, o.bound]) if (n) ownerOf.set(n, o.shipmentId);
  const current = ids.length ? await tx.select().from(t.parcelBoxes).where(inArray(t.parcelBoxes.shipmentId, ids)) : [];

  let rejected = bad;
  const perParcel = new Map<string, { row: number; numbers: string[] }>();
  for (const { row, value } of good) {
    const fail = (issue: ImportIssue) => {
      errors.push(issue);
      rejected++;
    };
    const parcel = byId.get(value.shipmentId);
    if (!parcel) {
      fail({ row, column: idColumn, message: importMessage(lang, 'trackingUnknownShipment', { value: value.shipmentId }) });
      continue;
    }
    if (!parcel.carrierId) {
      fail({ row, column: idColumn, message: importMessage(lang, 'trackingNoCarrier', { value: value.shipmentId }) });
      continue;
    }
    if (!isValidTrackingNumber(parcel.carrierId, value.trackingNumber)) {
      fail({ row, column: numberColumn, message: importMessage(lang, 'badTrackingNumber', { value: value.trackingNumber, carrier: lang === 'ja' ? CARRIER_NAME[parcel.carrierId] : parcel.carrierId }) });
      continue;
    }
    const other = ownerOf.get(value.trackingNumber);
    if (other && other !== parcel.shipmentId) {
      fail({ row, column: numberColumn, message: importMessage(lang, 'trackingTaken', { value: value.trackingNumber, other }) });
      continue;
    }
    ownerOf.set(value.trackingNumber, parcel.shipmentId);
    const entry = perParcel.get(parcel.shipmentId) ?? { row, numbers: [] };
    if (!entry.numbers.includes(value.trackingNumber)) entry.numbers.push(value.trackingNumber);
    perParcel.set(parcel.shipmentId, entry);
  }

  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const writes: { shipmentId: string; numbers: string[] }[] = [];
  for (const [shipmentId, { row, numbers: wanted }] of perParcel) {
    const parcel = byId.get(shipmentId)!;
    const before = current.filter((b) => b.shipmentId === shipmentId).sort((a, b) => a.box - b.box).map((b) => b.expectedNumber);
    if (wanted.length > parcel.boxCount) {
      errors.push({ row, column: numberColumn, message: importMessage(lang, 'trackingTooMany', { value: shipmentId, boxes: parcel.boxCount }) });
      rejected++;
      continue;
    }
    if (before.length === wanted.length && before.every((n, i) => n === wanted[i])) {
      unchanged++;
      continue;
    }
    if (parcel.status === 'shipped') {
      errors.push({ row, column: numberColumn, message: importMessage(lang, 'trackingShipped', { value: shipmentId }) });
      rejected++;
      continue;
    }
    if (before.some((n) => n !== null)) updated++;
    else created++;
    writes.push({ shipmentId, numbers: wanted });
  }
  errors.sort((a, b) => a.row - b.row);
  return {
    imported: { tracking: created + updated + unchanged, created, updated, unchanged },
    rejected,
    records: checked.rows.length,
    errors,
    warnings,
    write: async (w) => {
      for (const { shipmentId, numbers: wanted } of writes) await setExpectedNumbers(w, shipmentId, wanted);
    },
  };
}

