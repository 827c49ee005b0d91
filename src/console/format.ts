/** How the console writes parcels, times (in the warehouse's zone) and import reports for a supervisor. */
import type { ParcelStatus } from '../shared/domain/parcel.js';
import { formatWarehouseTime } from '../shared/domain/warehouse-time.js';
import type { AdminParcel } from '../shared/protocol/admin-console.js';
import type { AdminDevice } from '../shared/protocol/admin-devices.js';
import type { ImportReport } from '../shared/protocol/import.js';

/** The parcel statuses in floor order, as the status chips show them. */
export const PARCEL_STATUSES: readonly ParcelStatus[] = ['released', 'picking', 'picked', 'packed', 'shipped', 'held'];

/** Each status in the words of the floor. */
export const STATUS_LABEL: Record<ParcelStatus, string> = { released: '出荷指示', picking: 'ピッキング中', picked: 'ピッキング済', packed: '梱包済', shipped: '出荷済', held: '出荷停止' };

/** Each human-touch flag in the floor's words. */
export const FLAG_LABEL: Record<string, string> = { FIRST_PURCHASE: '初回購入', SECOND_PURCHASE: '2回目購入', FIRST_RETURN: '初回返品' };

/** A time as `2026-12-03 16:57` in the warehouse's time zone, or a dash when there is none. */
export function formatWhen(iso: string | null | undefined, timeZone: string): string {
  return formatWarehouseTime(iso, timeZone);
}

/** A parcel's human-touch flags in Japanese, joined with ・. */
export function flagsText(flags: readonly string[]): string {
  return flags.map((f) => FLAG_LABEL[f] ?? f).join('・');
}

/** The last column of a parcel row: why it is held, or who packed it and when (in the warehouse's time zone). */
export function holdOrPackedText(parcel: Pick<AdminParcel, 'status' | 'holdReason' | 'packedBy' | 'packedAt'>, timeZone: string): string {
  if (parcel.status === 'held') return parcel.holdReason ?? '';
  if (!parcel.packedBy) return '';
  return parcel.packedAt ? `${parcel.packedBy} ${formatWhen(parcel.packedAt, timeZone)}` : parcel.packedBy;
}

/** How many records confirming a previewed import would write; 0 means there is nothing to confirm. */
export function recordsToWrite(report: ImportReport): number {
  const { created = 0, updated = 0, held = 0, released = 0 } = report.imported;
  return created + updated + held + released;
}

/** The confirm button of a preview: with rejected rows, it says that only the rest is imported. */
export function confirmImportLabel(report: ImportReport): string {
  return report.rejected > 0 ? `エラーの ${report.rejected} 件を除いて取り込む / Import the rest` : '取り込む / Import';
}

/** How long ago, in the floor's words: 分 up to two hours, then 時間, then 日. */
export function ageText(iso: string | null, nowMs: number): string {
  const then = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(then)) return '—';
  const minutes = Math.max(0, Math.floor((nowMs - then) / 60_000));
  if (minutes < 120) return `${minutes} 分前 / ${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} 時間前 / ${hours} h ago`;
  const days = Math.floor(hours / 24);
  return `${days} 日前 / ${days} days ago`;
}

/** A stuck device's event in one line: type, id, age (since the device recorded it), attempts and the reason. */
export function stuckText(stuck: NonNullable<AdminDevice['stuck']>, nowMs: number): string {
  const reason = stuck.reason ? ` · ${stuck.reason}` : '';
  return `${stuck.type} ${stuck.eventId} · ${ageText(stuck.recordedAt, nowMs)} · ${stuck.attempts} 回 / attempts${reason}`;
}
