/**
 * The console's sections in menu order; the URL hash (#import, #parcels …) remembers the one open.
 * A parcel's own page is `#parcel/<shipment id>`: reached from every list and by search, not from the menu.
 */

/** Each section's id (its hash), Japanese and English names. */
export const SECTIONS = [
  ['import', '取り込み', 'Import'],
  ['batches', 'バッチ', 'Batches'],
  ['parcels', '出荷一覧', 'Parcels'],
  ['holds', '出荷停止・欠品', 'Holds & short picks'],
  ['flags', '要確認', 'Supervisor flags'],
  ['devices', '端末', 'Devices'],
  ['staff', 'スタッフ', 'Staff'],
  ['catalogue', '商品・同梱物', 'Products & inserts'],
  ['rules', 'ヒューマンタッチ設定', 'Human-touch rules'],
  ['notifications', '通知', 'Notifications'],
  ['shipping', '出荷・配送', 'Shipping'],
  ['practice', '練習用バーコード', 'Practice barcodes'],
  ['settings', '倉庫設定', 'Warehouse settings'],
] as const;

/** A section's id (the parcel page included). */
export type SectionId = (typeof SECTIONS)[number][0] | 'parcel';

const PARCEL_PREFIX = '#parcel/';

/** The hash of a parcel's page (its id may hold any character). */
export function parcelHash(shipmentId: string): string {
  return `${PARCEL_PREFIX}${encodeURIComponent(shipmentId)}`;
}

/** The shipment id of a parcel page's hash, or null for any other hash. */
export function parcelIdFromHash(hash: string): string | null {
  if (!hash.startsWith(PARCEL_PREFIX) || hash.length === PARCEL_PREFIX.length) return null;
  try {
    return decodeURIComponent(hash.slice(PARCEL_PREFIX.length));
  } catch {
    return null;
  }
}

/** The section a hash opens; an unknown or empty hash opens the import, the first job of the day. */
export function sectionFromHash(hash: string): SectionId {
  if (parcelIdFromHash(hash) !== null) return 'parcel';
  const id = hash.replace(/^#/, '');
  return SECTIONS.find((s) => s[0] === id)?.[0] ?? 'import';
}
