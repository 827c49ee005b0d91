/**
 * Groups shipment lines (one row per line) into shipments, all or nothing: a shipment with any bad
 * line, or with lines that disagree about the customer, the gift or the delivery, is rejected whole.
 */
import type { ParcelLine } from '../../shared/domain/parcel.js';
import type { ImportIssue } from '../../shared/protocol/import.js';
import type { ColumnIndex } from './header-map.js';
import { importMessage, type ImportLang } from './messages.js';
import { SHIPMENT_HEADER_FIELDS, type CheckedRow, type ShipmentRow } from './validate-rows.js';

/** A complete, consistent shipment from the file. */
export interface ShipmentGroup {
  shipmentId: string;
  /** The spreadsheet row of its first line (where shipment-level problems are reported). */
  firstRow: number;
  header: Omit<ShipmentRow, 'productCode' | 'qty'>;
  lines: ParcelLine[];
}

/** The outcome of grouping: good shipments, and the errors that rejected the others. */
export interface GroupedShipments {
  shipments: ShipmentGroup[];
  /** Rejected shipments plus bad rows that name no shipment. */
  rejected: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/** Groups checked rows by shipment id, in the order shipments first appear. */
export function groupShipments(rows: CheckedRow<'shipments'>[], columns: ColumnIndex, lang: ImportLang): GroupedShipments {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const byId = new Map<string, CheckedRow<'shipments'>[]>();
  let orphans = 0;
  for (const row of rows) {
    const id = row.ok ? row.value.shipmentId : row.key;
    if (!id) {
      // No shipment id: the row belongs to nothing we could import.
      if (!row.ok) errors.push(...row.errors);
      orphans++;
      continue;
    }
    byId.set(id, [...(byId.get(id) ?? []), row]);
  }

  const shipments: ShipmentGroup[] = [];
  let rejected = orphans;
  for (const [shipmentId, group] of byId) {
    const groupErrors: ImportIssue[] = [];
    const badRows = new Set<number>();
    for (const row of group) {
      if (!row.ok) {
        groupErrors.push(...row.errors);
        badRows.add(row.row);
      } else warnings.push(...row.warnings);
    }
    const good = group.filter((r): r is Extract<CheckedRow<'shipments'>, { ok: true }> => r.ok);
    const first = good[0];
    if (first) {
      for (const row of good.slice(1)) {
        for (const field of SHIPMENT_HEADER_FIELDS) {
          const [a, b] = [show(first.value[field]), show(row.value[field])];
          if (a === b) continue;
          const column = columns.header.get(field) ?? field;
          groupErrors.push({ row: row.row, column, message: importMessage(lang, 'disagree', { shipmentId, column, firstRow: first.row, first: a, value: b }) });
          badRows.add(row.row);
        }
      }
    }
    if (groupErrors.length > 0 || !first) {
      errors.push(...groupErrors);
      errors.push({
        row: group[0].row,
        column: columns.header.get('shipmentId') ?? 'shipmentId',
        message: importMessage(lang, 'shipmentRejected', { shipmentId, bad: badRows.size, lines: group.length }),
      });
      rejected++;
      continue;
    }
    const { productCode: _p, qty: _q, ...header } = first.value;
    shipments.push({ shipmentId, firstRow: first.row, header, lines: good.map((r) => ({ productCode: r.value.productCode, qty: r.value.qty })) });
  }
  errors.sort((a, b) => a.row - b.row);
  return { shipments, rejected, errors, warnings };
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  return Array.isArray(value) ? value.join(';') : String(value);
}
