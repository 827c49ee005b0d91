/** The console's sections in menu order; the URL hash (#import, #parcels …) remembers the one open. */

/** Each section's id (its hash), Japanese and English names. */
export const SECTIONS = [
  ['import', '取り込み', 'Import'],
  ['batches', 'バッチ', 'Batches'],
  ['parcels', '出荷一覧', 'Parcels'],
  ['holds', '出荷停止・欠品', 'Holds & short picks'],
  ['devices', '端末', 'Devices'],
  ['staff', 'スタッフ', 'Staff'],
  ['rules', 'ヒューマンタッチ設定', 'Human-touch rules'],
  ['notifications', '通知', 'Notifications'],
  ['shipping', '出荷・配送', 'Shipping'],
] as const;

/** A section's id. */
export type SectionId = (typeof SECTIONS)[number][0];

/** The section a hash opens; an unknown or empty hash opens the import, the first job of the day. */
export function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#/, '');
  return SECTIONS.find((s) => s[0] === id)?.[0] ?? 'import';
}
