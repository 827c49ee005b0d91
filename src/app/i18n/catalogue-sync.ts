/** The sync screen's words, in Japanese and English: they load with the screen (see i18n.addWords). */
import type { RejectCode } from '../../shared/protocol/sync.js';
import type { DeviceRejectCode } from '../store/schema.js';
import { formatTime, type Entry, type Words } from './catalogue.js';

/** Everything the sync screen adds to the catalogue. */
export const SYNC_WORDS = {
  /** How the server's reject codes (and this device's own) read; detail fills the holes when sent. */
  reject: {
    parcel_unknown: { ja: 'サーバーにない伝票です。責任者に確認してください', en: 'The server does not know this slip. Ask your supervisor' },
    parcel_held: {
      ja: (p) => `出荷停止になっていました${p.reason ? `（${p.reason}）` : ''}。荷物を責任者に渡してください`,
      en: (p) => `The parcel was held${p.reason ? ` (${p.reason})` : ''}. Hand the parcel to your supervisor`,
    },
    already_packed: {
      ja: (p) => `既に ${p.staff || '別の担当者'} が ${p.device || '別の端末'} で${p.at ? ` ${formatTime(p.at, 'ja')} に` : ''}梱包済みです。二重梱包を確認してください`,
      en: (p) => `Already packed by ${p.staff || 'someone else'} on ${p.device || 'another device'}${p.at ? ` at ${formatTime(p.at, 'en')}` : ''}. Check for a double pack`,
    },
    items_mismatch: { ja: '数量がサーバーの指示と合いません。荷物を開けて確認してください', en: 'Quantities do not match the server. Open the parcel and check' },
    id_conflict: { ja: 'イベントIDの衝突です。責任者に連絡してください', en: 'Event id conflict. Tell your supervisor' },
    invalid: { ja: 'サーバーが受け付けない記録です。責任者に連絡してください', en: 'The server refused this record as invalid. Tell your supervisor' },
    batch_unknown: { ja: 'サーバーにないバッチです。同期して別のバッチを選んでください', en: 'The server does not know this batch. Sync and choose another' },
    batch_taken: {
      ja: (p) => `${p.staff || '別の担当者'}（${p.device || '別の端末'}）が先にこのバッチを取りました。ピッキングをやめてください`,
      en: (p) => `${p.staff || 'Someone else'} (${p.device || 'another device'}) took this batch first. Stop picking it`,
    },
    batch_changed: { ja: 'バッチが組み直されていました。同期して選び直してください', en: 'The batch was rebuilt. Sync and choose again' },
    batch_not_yours: {
      ja: (p) => (p.staff ? `このバッチは ${p.staff}（${p.device}）が担当しています` : 'このバッチは責任者が解除しました') + '。取った商品を責任者に渡してください',
      en: (p) => (p.staff ? `This batch is held by ${p.staff} (${p.device})` : 'A supervisor released this batch') + '. Hand what you took to your supervisor',
    },
    batch_closed: { ja: 'このバッチは完了済みです', en: 'This batch is already completed' },
    order_unknown: {
      ja: (p) => `注文番号 ${p.orderNumber ?? ''} がサーバーにありません。返品伝票の番号を確かめ、責任者に確認してください`,
      en: (p) => `The server knows no order ${p.orderNumber ?? ''}. Check the number on the return slip and ask your supervisor`,
    },
    not_shipped: { ja: 'この荷物はまだ出荷されていません。返品として受け付けられません。責任者に確認してください', en: 'This parcel was never shipped, so it cannot be returned. Ask your supervisor' },
    already_returned: {
      ja: (p) => `この返品は既に ${p.staff || '別の担当者'} が ${p.device || '別の端末'} で${p.at ? ` ${formatTime(p.at, 'ja')} に` : ''}受付済みです。お客様への連絡は1回だけ送られます`,
      en: (p) => `This return was already logged by ${p.staff || 'someone else'} on ${p.device || 'another device'}${p.at ? ` at ${formatTime(p.at, 'en')}` : ''}. The customer is notified once`,
    },
    label_unknown: { ja: 'この送り状番号の荷物がサーバーにありません。送り状を確かめ、責任者に確認してください', en: 'The server knows no parcel with this tracking number. Check the label and ask your supervisor' },
    wrong_carrier: { ja: '別の配送会社の荷物です。この便には積めません。荷物を出荷棚に戻してください', en: 'This parcel goes with another carrier and cannot go on this truck. Put it back on the shipping shelf' },
    not_packed: { ja: 'この荷物は梱包済みになっていません。積み込まず、責任者に確認してください', en: 'This parcel is not packed yet. Do not load it; ask your supervisor' },
    handover_closed: { ja: 'この便は締め済みです。新しい積込を始めてください', en: 'This handover is already closed. Start a new loading' },
    forbidden: { ja: '別の倉庫の伝票です。この端末では梱包できません。荷物を責任者に渡してください', en: 'This slip belongs to another warehouse and cannot be packed on this device. Hand the parcel to your supervisor' },
    unreadable: {
      ja: 'この端末に保存された記録が読めないため、送信していません。記録は消さずに残しています。責任者に連絡してください',
      en: 'Not sent: this device could not read the stored record back. It is kept, not deleted. Tell your supervisor',
    },
  } satisfies Record<RejectCode | DeviceRejectCode, Entry>,
  /** The sync screen's strings. */
  ui: {
    'sync.title': { ja: '同期状況', en: 'Sync status' },
    'sync.pending': { ja: '未送信', en: 'Unsent' },
    'sync.rejected': { ja: 'サーバーが受け付けなかった記録', en: 'Refused by the server' },
    'sync.synced': { ja: '送信済み', en: 'Synced' },
    'sync.empty': { ja: 'なし', en: 'None' },
    'sync.now': { ja: '今すぐ同期', en: 'Sync now' },
    'sync.event.packed': { ja: '梱包 {shipmentId}', en: 'Packed {shipmentId}' },
    'sync.lastError': { ja: '前回のエラー: {error}', en: 'Last error: {error}' },
    'sync.error.network': { ja: 'サーバーにつながりません', en: 'Server unreachable' },
    'sync.error.server': { ja: 'サーバーエラー', en: 'Server error' },
    'sync.error.protocol': { ja: 'サーバーの応答が読めません。自動で再試行します', en: 'Unreadable server reply. Retrying on its own' },
    'sync.event.claimed': { ja: 'バッチ取得 {batchId}', en: 'Claimed {batchId}' },
    'sync.event.picked': { ja: 'ピッキング {batchId} {productCode}', en: 'Picked {batchId} {productCode}' },
    'sync.event.short': { ja: '欠品 {batchId} {productCode}', en: 'Short {batchId} {productCode}' },
    'sync.event.batchDone': { ja: 'バッチ完了 {batchId}', en: 'Batch done {batchId}' },
    'sync.event.returned': { ja: '返品受付 {id}', en: 'Return {id}' },
    'sync.event.loaded': { ja: '積込 {trackingNumber}', en: 'Loaded {trackingNumber}' },
    'sync.event.handoverClosed': { ja: '積込締め {carrier}', en: 'Handover closed {carrier}' },
    'sync.error.serverFailing': {
      ja: 'サーバーで障害が起きています。記録はこの端末に残したまま、自動で再試行します',
      en: 'The server is failing. Every record stays on this device, and it retries on its own',
    },
    'sync.stuck.title': { ja: '同期できない記録があります', en: 'A record will not sync' },
    'sync.stuck.body': {
      ja: '{event}（{at} 記録）を {attempts} 回送りましたが、サーバーが受け付けていません。記録は消さずにこの端末に残し、再試行を続けます。責任者に伝えてください',
      en: '{event} (recorded {at}) was sent {attempts} times and the server has not taken it. It is kept on this device, not deleted, and retried. Tell your supervisor',
    },
    'sync.stuck.tooLarge': {
      ja: '{event}（{at} 記録）は大きすぎてサーバーに送れません（{kb} KB）。記録は消さずにこの端末に残しています。責任者に伝えてください',
      en: '{event} (recorded {at}) is too large to send to the server ({kb} KB). It is kept on this device, not deleted. Tell your supervisor',
    },
    'sync.stuck.reason': { ja: 'サーバーの理由: {reason}', en: 'Server’s reason: {reason}' },
    'sync.entry.failed': { ja: '{n} 回失敗 · 次の再試行 {time}', en: 'Failed {n}× · next try {time}' },
    'sync.entry.failedNow': { ja: '{n} 回失敗 · 次の同期で再試行', en: 'Failed {n}× · retried on the next sync' },
    'sync.entry.tooLarge': { ja: '大きすぎて送れません（{kb} KB）', en: 'Too large to send ({kb} KB)' },
  },
} satisfies Words;
