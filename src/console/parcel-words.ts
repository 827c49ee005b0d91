/** The words of the parcel page: why a parcel has its flags, and its timeline in the floor's language. */
import type { NoshiPlacement } from '../shared/domain/catalogue.js';
import type { AdminParcelDetail, TimelineEntry } from '../shared/protocol/admin-parcel.js';

/** Why the flags are there, e.g. 「購入 1 回目 · 返品 0 回 · 返品後の出荷 0 件 · ルール v3」. */
export function flagBasisText(basis: NonNullable<AdminParcelDetail['flagBasis']>): string {
  const version = basis.ruleVersion === null ? '初期ルール' : `ルール v${basis.ruleVersion}`;
  return `購入 ${basis.purchaseCount} 回目 · 返品 ${basis.returnCount} 回 · 返品後の出荷 ${basis.parcelsSinceFirstReturn} 件 · ${version}`;
}

const NOSHI_PLACEMENT: Record<NoshiPlacement, string> = { inner: '内のし', outer: '外のし' };

/** A gift code's exact instruction in one line (包装 · リボン · のし), or what to do when the code is unknown. */
export function giftInstructionText(gift: NonNullable<AdminParcelDetail['gift']>): string {
  const g = gift.instruction;
  if (!g) return `ギフトコード ${gift.code} は未登録です。梱包できません：ギフトコードを取り込んでください`;
  const noshi = g.noshiInscription ? `${g.noshiPlacement ? NOSHI_PLACEMENT[g.noshiPlacement] : 'のし'}「${g.noshiInscription}」` : null;
  return [g.wrapping, g.ribbon, noshi, g.description].filter(Boolean).join(' · ');
}

const EVENT_LABEL: Record<string, string> = {
  'parcel.packed': '梱包完了',
  'batch.claimed': 'バッチ開始',
  'pick.confirmed': 'ピッキング',
  'pick.short': '欠品報告',
  'batch.completed': 'バッチ完了',
  'return.received': '返品受付',
  seq_gap: '記録の抜け',
  seq_restart: '端末の記録が最初から',
  packed_while_held: '出荷停止中に梱包',
  db_lost: '端末のデータ消失',
  event_failed: 'サーバーで処理できず',
};

const OUTCOME_LABEL: Record<string, string> = { applied: '反映', rejected: '却下', open: '要確認', resolved: '対応済み', recorded: '記録' };

/** What happened, in words: the event type or supervisor-flag kind (an unknown one shows as sent). */
export function timelineWhat(entry: Pick<TimelineEntry, 'type'>): string {
  return EVENT_LABEL[entry.type] ?? entry.type;
}

/** The answer it got: 反映 / 却下 / 要確認 …, with the refusal's reason when there is one. */
export function timelineOutcome(entry: Pick<TimelineEntry, 'outcome' | 'code' | 'message'>): string {
  const outcome = OUTCOME_LABEL[entry.outcome] ?? entry.outcome;
  if (entry.outcome === 'rejected') return `${outcome}：${entry.message ?? entry.code ?? ''}${entry.code ? `（${entry.code}）` : ''}`;
  return entry.message ? `${outcome}：${entry.message}` : outcome;
}

/** Who did it: the staff member's name (or id), and a dash when nobody is recorded. */
export function timelineWho(entry: Pick<TimelineEntry, 'staffId' | 'staffName'>): string {
  return entry.staffName ?? entry.staffId ?? '—';
}

/** On which device: its name (or id), and a dash when no device is recorded. */
export function timelineDevice(entry: Pick<TimelineEntry, 'deviceId' | 'deviceName'>): string {
  return entry.deviceName ?? entry.deviceId ?? '—';
}
