/** The admin calls whose path or body the console builds itself: import, holds, the parcel list, revoke. */
import type { ParcelStatus } from '../shared/domain/parcel.js';
import { normaliseLabel } from '../shared/scan/carrier-label.js';
import type { ImportEncoding, ImportType } from '../shared/protocol/import.js';

/** What the supervisor chose for an import; the file itself is the body. */
export interface ImportChoice {
  filename: string;
  /** Empty: the server tells the type from the file's headers. */
  type: ImportType | '';
  encoding: ImportEncoding;
  /** Import nothing when any row has an error. */
  strict: boolean;
  /** Preview only: the server reports what it would write and writes nothing. */
  dryRun: boolean;
}

/** The path of an import call. */
export function importPath(choice: ImportChoice): string {
  const q = new URLSearchParams({ filename: choice.filename, encoding: choice.encoding, strict: choice.strict ? '1' : '0', dryRun: choice.dryRun ? '1' : '0' });
  if (choice.type) q.set('type', choice.type);
  return `/api/admin/import?${q}`;
}

/** One line of a holds file: hold a parcel for a reason, or release it. */
export interface HoldChange {
  shipmentId: string;
  action: 'hold' | 'release';
  /** Why it is held (empty on a release). */
  reason: string;
}

/** Holds go through the same import path as the back office's file, so the same rules apply to both. */
export const HOLDS_IMPORT_PATH = '/api/admin/import?type=holds&filename=holds.csv';

const HOLD_ACTION_WORD = { hold: '停止', release: '解除' } as const;

/** The holds file for `changes`, in the back office's columns (出荷ID, 区分, 理由), every cell quoted. */
export function holdsCsv(changes: readonly HoldChange[]): string {
  const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
  const lines = changes.map((c) => [c.shipmentId, HOLD_ACTION_WORD[c.action], c.reason].map(quote).join(','));
  return ['出荷ID,区分,理由', ...lines].join('\r\n');
}

/** The holds file as the body of an import call. */
export function holdsFile(changes: readonly HoldChange[]): Blob {
  return new Blob([holdsCsv(changes)], { type: 'text/csv' });
}

/** Which parcels to list: by status, searched by shipment id, order, customer or product code. */
export interface ParcelFilter {
  limit: number;
  status?: ParcelStatus;
  q?: string;
}

/** The path listing the parcels of `filter` (with the counts per status over the whole store). */
export function parcelsPath(filter: ParcelFilter): string {
  const q = new URLSearchParams({ limit: String(filter.limit) });
  if (filter.status) q.set('status', filter.status);
  if (filter.q) q.set('q', filter.q);
  return `/api/admin/parcels?${q}`;
}

/** The path that revokes a device (its id may hold any character). */
export function revokeDevicePath(deviceId: string): string {
  return `/api/admin/devices/${encodeURIComponent(deviceId)}/revoke`;
}

/** Digits a carrier prints a whole tracking number with (the shortest carrier number has 10). */
const WHOLE_TRACKING_NUMBER = /^\d{10,}$/;

/**
 * The one parcel a search names exactly (its shipment id or order number, case aside, or a whole
 * tracking number as printed on a box: the list holds the one parcel it found), so the console can open
 * its page at once; null when the search is a partial text or names several parcels.
 */
export function exactParcelMatch(parcels: readonly { shipmentId: string; orderNumber: string }[], q: string): string | null {
  const wanted = q.trim().toLowerCase();
  if (!wanted) return null;
  if (parcels.length === 1 && WHOLE_TRACKING_NUMBER.test(normaliseLabel(q))) return parcels[0].shipmentId;
  const hits = parcels.filter((p) => p.shipmentId.toLowerCase() === wanted || p.orderNumber.toLowerCase() === wanted);
  return hits.length === 1 ? hits[0].shipmentId : null;
}
