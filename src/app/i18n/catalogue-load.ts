/** The loading screen's words, in Japanese and English: they load with the screen (see i18n.addWords). */
import type { MessageKey } from '../../shared/flows/feedback.js';
import type { Entry, Params } from './catalogue.js';

const CARRIER_JA: Record<string, string> = { yamato: 'ヤマト運輸', sagawa: '佐川急便', japanpost: '日本郵便', other: 'その他の配送会社' };
const CARRIER_EN: Record<string, string> = { yamato: 'Yamato', sagawa: 'Sagawa', japanpost: 'Japan Post', other: 'another carrier' };
const ja = (p: Params) => CARRIER_JA[String(p.carrier ?? '')] ?? '配送会社未設定';
const en = (p: Params) => CARRIER_EN[String(p.carrier ?? '')] ?? 'no carrier';

/** Everything the loading screen adds to the catalogue. */
export const LOAD_WORDS = {
  /** Messages the loading flow gives (one per shared load.* MessageKey). */
  flow: {
    'load.prompt.carrier': { ja: '積み込む配送会社を選んでください', en: 'Choose the carrier whose truck you are loading' },
    'load.prompt.scan': { ja: '積み込む箱の送り状をスキャンしてください', en: 'Scan the label of each box as it goes on the truck' },
    'load.carrier.first': { ja: '先に配送会社を選んでください', en: 'Choose the carrier first' },
    'load.carrier.ok': { ja: (p) => `${ja(p)} の積込を開始しました`, en: (p) => `Loading for ${en(p)} started` },
    'load.carrier.inProgress': { ja: (p) => `${ja(p)} の積込中です。先に締めてください`, en: (p) => `Loading for ${en(p)} is open. Close it first` },
    'load.label.notLabel': {
      ja: '{code} は送り状のバーコードではありません。送り状（NW-7）をスキャンしてください',
      en: '{code} is not a carrier label. Scan the label (NW-7) on the box',
    },
    'load.label.invalid': {
      ja: (p) => `送り状番号 ${p.number ?? ''} は${ja(p)}の番号ではありません。読み違いか別の配送会社の送り状です。積まずに出荷棚に戻してください`,
      en: (p) => `${p.number ?? ''} is no ${en(p)} number: a misread or another carrier's label. Do not load it; put it back on the shipping shelf`,
    },
    'load.label.unknown': {
      ja: '送り状 {number} の荷物がこの端末にありません。積まずに出荷棚に戻し、同期してからもう一度スキャンしてください',
      en: 'No parcel on this device has label {number}. Do not load it; put it back on the shipping shelf, sync, and scan it again',
    },
    'load.label.already': {
      ja: '送り状 {number}（{shipmentId}）は積込済みです。同じ箱を二度積んでいないか確かめてください',
      en: 'Label {number} ({shipmentId}) is already loaded. Check the same box is not going on twice',
    },
    'load.label.ok': {
      ja: (p) => `積込OK ${p.shipmentId ?? ''} ${p.customer ?? ''}（${p.box ?? ''}/${p.boxes ?? ''}箱）`,
      en: (p) => `Loaded ${p.shipmentId ?? ''} ${p.customer ?? ''} (box ${p.box ?? ''}/${p.boxes ?? ''})`,
    },
    'load.parcel.held': {
      ja: (p) => `出荷停止: ${p.reason || '理由未設定'} — 出荷棚から外してください（${p.shipmentId ?? ''}）`,
      en: (p) => `Shipping stopped: ${p.reason || 'no reason given'} — take it off the shipping shelf (${p.shipmentId ?? ''})`,
    },
    'load.parcel.wrongCarrier': {
      ja: (p) => `${p.shipmentId ?? ''} は${ja(p)}の荷物です。このトラックには積めません。出荷棚に戻してください`,
      en: (p) => `${p.shipmentId ?? ''} goes with ${en(p)} and cannot go on this truck. Put it back on the shipping shelf`,
    },
    'load.parcel.notPacked': {
      ja: '{shipmentId} は梱包完了になっていません。積まずに責任者に確認してください',
      en: '{shipmentId} is not packed. Do not load it; ask your supervisor',
    },
    'load.cancel.loaded': { ja: '{boxes} 箱を積込済みです。やめずに「積込を締める」を押してください', en: '{boxes} boxes are loaded. Close the handover instead' },
    'load.cancel.ok': { ja: '積込をやめました（記録なし）', en: 'Loading stopped (nothing recorded)' },
    'load.close.ok': { ja: (p) => `${ja(p)} の積込を締めました: ${p.boxes ?? 0} 箱`, en: (p) => `Handover to ${en(p)} closed: ${p.boxes ?? 0} boxes` },
  } satisfies Record<Extract<MessageKey, `load.${string}`>, Entry>,
  /** The loading screen's strings. */
  ui: {
    'load.title': { ja: '積込検品', en: 'Loading' },
    'load.waiting': { ja: '送り状をスキャン', en: 'Scan a label' },
    'load.carrier.yamato': { ja: 'ヤマト運輸', en: 'Yamato' },
    'load.carrier.sagawa': { ja: '佐川急便', en: 'Sagawa' },
    'load.carrier.japanpost': { ja: '日本郵便', en: 'Japan Post' },
    'load.carrier.other': { ja: 'その他', en: 'Other' },
    'load.backlog': { ja: '残り {boxes} 箱 / {parcels} 件', en: '{boxes} boxes / {parcels} parcels left' },
    'load.loadedNow': { ja: 'この便 {boxes} 箱', en: 'This truck: {boxes} boxes' },
    'load.close': { ja: '積込を締める', en: 'Close handover' },
    'load.cancel': { ja: 'やめる', en: 'Stop' },
    'load.closeConfirm': {
      ja: 'まだ {boxes} 箱が残っています。この便を締めますか？',
      en: '{boxes} boxes are still waiting. Close this handover?',
    },
    'load.last': {
      ja: (p: Params) => `前の便: ${ja(p)} ${p.boxes ?? 0} 箱`,
      en: (p: Params) => `Last handover: ${en(p)}, ${p.boxes ?? 0} boxes`,
    },
  } satisfies Record<string, Entry>,
};
