/**
 * Every word the worker sees, in Japanese (default) and English. Flow messages are keyed by the
 * shared MessageKey (src/shared/flows/feedback.ts); errors always say what to do next.
 */
import type { MessageKey } from '../../shared/flows/feedback.js';
import type { RejectCode } from '../../shared/protocol/sync.js';

/** The UI languages. */
export type Lang = 'ja' | 'en';
/** Values interpolated into a message. */
export type Params = Record<string, string | number | undefined>;
/** A message: a template with {name} holes, or a function when the wording depends on the values. */
export type Text = string | ((p: Params) => string);
/** One message in both languages. */
export interface Entry {
  ja: Text;
  en: Text;
}

/** Formats an ISO time as local date and time (MM/DD HH:mm), or returns it unchanged when it is not one. */
export function formatTime(iso: string | number | undefined, lang: Lang): string {
  if (iso === undefined || iso === '') return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const md = lang === 'ja' ? `${d.getMonth() + 1}/${d.getDate()}` : `${d.getDate()}/${d.getMonth() + 1}`;
  return `${md} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Messages the pack flow gives (one per shared MessageKey). */
export const FLOW_MESSAGES: Record<MessageKey, Entry> = {
  'pack.prompt.slip': { ja: '出荷伝票をスキャンしてください', en: 'Scan the packing slip' },
  'pack.prompt.items': { ja: '商品をスキャンしてください', en: 'Scan each item' },
  'pack.slip.ok': {
    ja: '{customer} 様 — {units} 点を検品してください',
    en: '{customer} — verify {units} units',
  },
  'pack.slip.unknown': {
    ja: '伝票 {shipmentId} はこの端末にありません。同期してからもう一度スキャンしてください',
    en: 'Slip {shipmentId} is not on this device. Sync, then scan it again',
  },
  'pack.slip.held': {
    ja: (p) => `出荷停止: ${p.shipmentId}${p.reason ? `（${p.reason}）` : ''}。梱包せず、責任者に渡してください`,
    en: (p) => `HELD: ${p.shipmentId}${p.reason ? ` (${p.reason})` : ''}. Do not pack it; hand it to your supervisor`,
  },
  'pack.slip.packed': {
    ja: (p) => `${p.shipmentId} は梱包済みです${p.staff ? `（${p.staff}・${p.device}・${formatTime(p.at, 'ja')}）` : ''}。二重に梱包しないでください`,
    en: (p) => `${p.shipmentId} is already packed${p.staff ? ` by ${p.staff} on ${p.device} at ${formatTime(p.at, 'en')}` : ''}. Do not pack it twice`,
  },
  'pack.slip.giftUnknown': {
    ja: 'ギフトコード {code} が不明です。包装せず、責任者に確認してください',
    en: 'Unknown gift code {code}. Do not wrap; ask your supervisor',
  },
  'pack.slip.insertUnknown': {
    ja: '同梱物 {code} が不明です。同期してから、だめなら責任者に確認してください',
    en: 'Unknown insert {code}. Sync; if it persists, ask your supervisor',
  },
  'pack.slip.productUnknown': {
    ja: '商品 {code} がマスタにありません。同期してから、だめなら責任者に確認してください',
    en: 'Product {code} is not in the catalogue. Sync; if it persists, ask your supervisor',
  },
  'pack.slip.otherInProgress': {
    ja: '{current} を検品中です。先に完了するか中止してから {scanned} をスキャンしてください',
    en: '{current} is in progress. Complete or cancel it before scanning {scanned}',
  },
  'pack.item.ok': { ja: '{name}  {done}/{qty}', en: '{name}  {done}/{qty}' },
  'pack.item.lineDone': { ja: '{name} そろいました（{done}/{qty}）', en: '{name} complete ({done}/{qty})' },
  'pack.item.allDone': {
    ja: '全 {total} 点 OK。同梱物・ギフトを確認して完了してください',
    en: 'All {total} units OK. Check inserts and gift, then complete',
  },
  'pack.item.wrong': {
    ja: '{name} はこの荷物の商品ではありません。取り除いてください',
    en: '{name} is not in this parcel. Take it out',
  },
  'pack.item.over': {
    ja: '{name} は {qty} 点までです。多い分を取り除いてください',
    en: 'Only {qty} × {name}. Take the extra one out',
  },
  'pack.item.unknown': {
    ja: '不明なバーコード {code}。商品を確かめてもう一度スキャンしてください',
    en: 'Unknown barcode {code}. Check the item and scan again',
  },
  'pack.item.noParcel': { ja: '先に出荷伝票をスキャンしてください', en: 'Scan the packing slip first' },
  'scan.misread': { ja: '読み取りエラー。もう一度スキャンしてください', en: 'Misread. Scan again' },
  'pack.insert.ok': { ja: '同梱物 OK: {name}', en: 'Insert OK: {name}' },
  'pack.insert.wrong': {
    ja: '同梱物 {code} はこの荷物に入れません。取り除いてください',
    en: 'Insert {code} does not belong in this parcel. Take it out',
  },
  'pack.insert.already': { ja: '{name} は確認済みです', en: '{name} already confirmed' },
  'pack.gift.ok': { ja: 'ギフト指示 確認済み', en: 'Gift instruction confirmed' },
  'pack.humanTouch.ok': { ja: 'ヒューマンタッチ 確認済み', en: 'Human touch confirmed' },
  'pack.complete.notReady': {
    ja: (p) => `まだ完了できません${p.remaining !== undefined ? `（残り ${p.remaining} 件）` : ''}。赤い項目を確認してください`,
    en: (p) => `Not ready yet${p.remaining !== undefined ? ` (${p.remaining} left)` : ''}. Check the items still open`,
  },
  'pack.complete.ok': { ja: '梱包完了 {shipmentId}', en: 'Packed {shipmentId}' },
  'pack.cancel.ok': { ja: '{shipmentId} の検品を中止しました', en: 'Verification of {shipmentId} cancelled' },
  // --- picking (flows/pick.ts) ---
  'pick.prompt.claim': { ja: 'ピッキングするバッチを選んでください', en: 'Choose a batch to pick' },
  'pick.prompt.location': { ja: 'ロケーションをスキャンしてください', en: 'Scan the location label' },
  'pick.prompt.item': { ja: '商品をスキャンしてください', en: 'Scan the item' },
  'pick.noBatch': { ja: '先にバッチを選んでください', en: 'Choose a batch first' },
  'pick.batch.claimed': { ja: 'バッチ {batchId} を開始: {parcels} 件・{units} 点', en: 'Batch {batchId} started: {parcels} parcels, {units} units' },
  'pick.batch.taken': {
    ja: 'バッチ {batchId} は {staff}（{device}）がピッキング中です。別のバッチを選んでください',
    en: 'Batch {batchId} is being picked by {staff} ({device}). Choose another batch',
  },
  'pick.batch.gone': { ja: 'バッチ {batchId} はもうありません。同期して別のバッチを選んでください', en: 'Batch {batchId} is gone. Sync and choose another batch' },
  'pick.batch.notSynced': { ja: '伝票 {shipmentId} がこの端末にありません。同期してから選び直してください', en: 'Slip {shipmentId} is not on this device. Sync, then choose again' },
  'pick.batch.busy': { ja: 'バッチ {batchId} のピッキング中です。先に終わらせてください', en: 'Batch {batchId} is in progress. Finish it first' },
  'pick.batch.lost': {
    ja: (p) => `このバッチは${p.staff ? ` ${p.staff}（${p.device}）が` : '責任者によって'}引き取りました。ピッキングをやめ、取った商品を責任者に渡してください`,
    en: (p) => `This batch was taken ${p.staff ? `by ${p.staff} (${p.device})` : 'back by a supervisor'}. Stop picking it and hand what you took to your supervisor`,
  },
  'pick.batch.done': { ja: 'バッチ {batchId} のピッキング完了。カートを梱包へ運んでください', en: 'Batch {batchId} picked. Take the cart to packing' },
  'pick.location.ok': { ja: 'ロケーション OK: {location}', en: 'Location OK: {location}' },
  'pick.location.wrong': { ja: 'ロケーションが違います（{scanned}）。{expected} へ移動してください', en: 'Wrong location ({scanned}). Go to {expected}' },
  'pick.location.first': { ja: '先にロケーション {location} をスキャンしてください', en: 'Scan location {location} first' },
  'pick.item.ok': { ja: '{name}  {done}/{qty}', en: '{name}  {done}/{qty}' },
  'pick.item.wrong': { ja: '{name} は違う商品です。{location} の {expected} を取ってください', en: '{name} is the wrong item. Take {expected} from {location}' },
  'pick.item.unknown': { ja: 'バーコード {code} は商品マスタにありません。棚に戻して責任者に確認してください', en: 'Barcode {code} is not a known product. Put it back and ask your supervisor' },
  'pick.scan.notItem': { ja: 'ピッキングでは商品かロケーションをスキャンしてください', en: 'When picking, scan an item or a location' },
  'pick.stop.done': { ja: '{name} {qty} 点 そろいました。次へ', en: '{name}: {qty} taken. Next stop' },
  'pick.qty.scanFirst': { ja: '先に {name} を1点スキャンしてから数量を入力してください', en: 'Scan one {name} first, then key the quantity' },
  'pick.qty.invalid': { ja: '数量は 1〜{max} で入力してください', en: 'Enter a quantity from 1 to {max}' },
  'pick.short.ok': {
    ja: (p) => `欠品: ${p.name ?? ''} ${p.found ?? ''}/${p.required ?? ''}。${p.slots ? `スロット ${p.slots} は出荷停止になります` : '出荷停止になる荷物はありません'}${Number(p.leftover) > 0 ? `（余った ${p.leftover} 点は責任者へ）` : ''}`,
    en: (p) => `Short: ${p.name ?? ''} ${p.found ?? ''}/${p.required ?? ''}. ${p.slots ? `Slot ${p.slots} will be held` : 'No parcel is held'}${Number(p.leftover) > 0 ? ` (hand the ${p.leftover} spare to your supervisor)` : ''}`,
  },
  'pick.short.invalid': { ja: '見つかった数量は 0〜{max} で入力してください', en: 'Enter the quantity found, 0 to {max}' },
  // --- returns (issue 4) ---
  'return.prompt.slip': { ja: '伝票か返品ラベルをスキャン、または注文番号・お客様名で検索してください', en: 'Scan the slip or return label, or search by order number or customer name' },
  'return.prompt.items': { ja: '返ってきた商品をスキャンしてください', en: 'Scan each returned item' },
  'return.slip.ok': { ja: '{customer} 様の返品 — 出荷 {units} 点。商品をスキャンしてください', en: 'Return from {customer} — {units} units shipped. Scan the items' },
  'return.slip.unknown': {
    ja: '伝票 {shipmentId} はこの端末にありません。注文番号で検索して受け付けてください',
    en: 'Slip {shipmentId} is not on this device. Search by order number to log it',
  },
  'return.slip.notShipped': {
    ja: '{shipmentId} はまだ出荷されていません。返品ではありません。責任者に確認してください',
    en: '{shipmentId} has not been shipped: it cannot be a return. Ask your supervisor',
  },
  'return.slip.already': {
    ja: '{shipmentId} の返品は受付済みです。二重に受け付けないでください',
    en: 'The return of {shipmentId} is already logged. Do not log it twice',
  },
  'return.slip.otherInProgress': {
    ja: '{current} の返品を受付中です。先に保存するか中止してください',
    en: 'The return of {current} is in progress. Save or cancel it first',
  },
  'return.slip.same': { ja: '{shipmentId} を受付中です。商品をスキャンしてください', en: '{shipmentId} is open. Scan the items' },
  'return.order.offline': {
    ja: '注文 {order} はこの端末にありません。商品をスキャンして保存すると、同期時にサーバーが照合します',
    en: 'Order {order} is not on this device. Scan the items and save; the server matches it on sync',
  },
  'return.order.invalid': { ja: '注文番号 {order} の形式が正しくありません。確かめて入力してください', en: 'Order number {order} is not valid. Check and type it again' },
  'return.item.ok': { ja: '{name}  {done}/{qty}', en: '{name}  {done}/{qty}' },
  'return.item.unexpected': {
    ja: '{name} はこの注文の商品ではありません（想定外として記録）。別に保管してください',
    en: '{name} was not in this order (recorded as unexpected). Keep it apart',
  },
  'return.item.over': {
    ja: '{name} は {qty} 点しか出荷していません（想定外として記録）。別に保管してください',
    en: 'Only {qty} × {name} was shipped (recorded as unexpected). Keep it apart',
  },
  'return.item.unknown': {
    ja: '不明なバーコード {code}（想定外として記録）。商品を確かめ、別に保管してください',
    en: 'Unknown barcode {code} (recorded as unexpected). Check the item and keep it apart',
  },
  'return.item.noParcel': { ja: '先に伝票か返品ラベルをスキャンしてください', en: 'Scan the slip or return label first' },
  'return.unit.updated': { ja: '更新しました', en: 'Updated' },
  'return.unit.removed': { ja: '取り消しました', en: 'Removed' },
  'return.save.empty': { ja: '商品が1点もスキャンされていません。返ってきた商品をスキャンしてください', en: 'No item scanned yet. Scan the returned items' },
  'return.save.reasonMissing': {
    ja: '返品理由が未選択の商品が {remaining} 点あります。理由を選んでから保存してください',
    en: '{remaining} items have no return reason. Choose one, then save',
  },
  'return.save.reasonUnknown': { ja: '返品理由 {code} がマスタにありません。同期してから選び直してください', en: 'Return reason {code} is not in the catalogue. Sync and choose again' },
  'return.save.ok': {
    ja: (p) => `返品受付を保存しました ${p.id ?? ''}${Number(p.missing) > 0 ? `（欠品 ${p.missing} 点）` : ''}`,
    en: (p) => `Return saved ${p.id ?? ''}${Number(p.missing) > 0 ? ` (${p.missing} missing)` : ''}`,
  },
  'return.cancel.ok': { ja: '{id} の返品受付を中止しました', en: 'Return of {id} cancelled' },
};

/** How the server's reject codes read on the sync screen; detail fills the holes when sent. */
export const REJECT_MESSAGES: Record<RejectCode, Entry> = {
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
  // --- picking ---
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
  // --- returns (issue 4) ---
  order_unknown: {
    ja: (p) => `注文番号 ${p.orderNumber ?? ''} がサーバーにありません。返品伝票の番号を確かめ、責任者に確認してください`,
    en: (p) => `The server knows no order ${p.orderNumber ?? ''}. Check the number on the return slip and ask your supervisor`,
  },
  not_shipped: { ja: 'この荷物はまだ出荷されていません。返品として受け付けられません。責任者に確認してください', en: 'This parcel was never shipped, so it cannot be returned. Ask your supervisor' },
  already_returned: {
    ja: (p) => `この返品は既に ${p.staff || '別の担当者'} が ${p.device || '別の端末'} で${p.at ? ` ${formatTime(p.at, 'ja')} に` : ''}受付済みです。お客様への連絡は1回だけ送られます`,
    en: (p) => `This return was already logged by ${p.staff || 'someone else'} on ${p.device || 'another device'}${p.at ? ` at ${formatTime(p.at, 'en')}` : ''}. The customer is notified once`,
  },
  // --- sync trust (issue 5) ---
  forbidden: { ja: '別の倉庫の伝票です。この端末では梱包できません。荷物を責任者に渡してください', en: 'This slip belongs to another warehouse and cannot be packed on this device. Hand the parcel to your supervisor' },
};

/** Everything else on screen. */
export const UI = {
  'app.title': { ja: 'FloorPack', en: 'FloorPack' },
  'app.loading': { ja: '読み込み中…', en: 'Loading…' },
  'lang.toggle': { ja: 'English', en: '日本語' },
  'enrol.title': { ja: '端末の登録', en: 'Enrol this device' },
  'enrol.lead': {
    ja: '責任者から受け取った登録コードと、この端末の名前を入力してください。',
    en: 'Enter the enrolment code from your supervisor and a name for this device.',
  },
  'enrol.code': { ja: '登録コード', en: 'Enrolment code' },
  'enrol.deviceName': { ja: '端末名（例: pack-01）', en: 'Device name (e.g. pack-01)' },
  'enrol.submit': { ja: '登録する', en: 'Enrol' },
  'enrol.busy': { ja: '登録中…', en: 'Enrolling…' },
  'enrol.error.invalid': { ja: '登録コードか端末名が正しくありません。確かめてもう一度入力してください', en: 'The code or device name is not valid. Check and try again' },
  'enrol.error.rejected': { ja: '登録コードが無効か期限切れです。責任者に新しいコードをもらってください', en: 'The code is invalid or expired. Ask your supervisor for a new one' },
  'enrol.error.network': { ja: 'サーバーにつながりません。Wi-Fi のある場所でもう一度試してください', en: 'Cannot reach the server. Move to Wi-Fi coverage and try again' },
  'enrol.error.server': { ja: 'サーバーエラーです。少し待ってもう一度試してください', en: 'Server error. Wait a moment and try again' },
  'enrol.revoked': { ja: 'この端末の登録が取り消されました。責任者に登録コードをもらい、登録し直してください', en: 'This device’s enrolment was revoked. Get a new code from your supervisor and enrol again' },
  'enrol.keptEvents': { ja: '未送信の記録 {n} 件はこの端末に残っています', en: '{n} unsent records are kept on this device' },
  'signin.title': { ja: 'サインイン', en: 'Sign in' },
  'signin.lead': { ja: '社員証をスキャンするか、スタッフコードを入力してください', en: 'Scan your badge or type your staff code' },
  'signin.code': { ja: 'スタッフコード（例: ST001）', en: 'Staff code (e.g. ST001)' },
  'signin.submit': { ja: 'サインイン', en: 'Sign in' },
  'signin.unknown': { ja: 'スタッフコード {code} は登録されていません。コードを確かめるか、同期してからもう一度試してください', en: 'Staff code {code} is not registered. Check it, or sync and try again' },
  'signin.noCatalogue': { ja: 'マスタがまだありません。ネットワークにつないで同期してください', en: 'No master data yet. Connect to the network and sync' },
  'signin.syncNow': { ja: '今すぐ同期', en: 'Sync now' },
  'home.hello': { ja: '{name} さん', en: 'Hello, {name}' },
  'home.pack': { ja: '検品', en: 'Pack' },
  'home.packSub': { ja: '梱包時検品', en: 'Pack-time verification' },
  'home.resume': { ja: '{shipmentId} を検品中 — 続ける', en: '{shipmentId} in progress — resume' },
  'home.sync': { ja: '同期状況', en: 'Sync status' },
  'home.signOut': { ja: 'サインアウト', en: 'Sign out' },
  'home.device': { ja: '端末 {device}（{warehouse}）', en: 'Device {device} ({warehouse})' },
  'status.online': { ja: 'オンライン', en: 'Online' },
  'status.offline': { ja: 'オフライン', en: 'Offline' },
  'status.syncing': { ja: '同期中…', en: 'Syncing…' },
  'status.pending': { ja: '未送信 {n}', en: 'Unsent {n}' },
  'status.rejected': { ja: 'エラー {n}', en: 'Refused {n}' },
  'status.lastSync': { ja: '最終同期 {time}', en: 'Synced {time}' },
  'status.never': { ja: '未同期', en: 'Never synced' },
  'status.failing': { ja: '同期できません（{sec} 秒後に再試行）', en: 'Sync failing (retry in {sec}s)' },
  'common.back': { ja: '戻る', en: 'Back' },
  'common.cancel': { ja: 'キャンセル', en: 'Cancel' },
  'common.ok': { ja: 'OK', en: 'OK' },
  'common.confirm': { ja: '確認', en: 'Confirm' },
  'common.close': { ja: '閉じる', en: 'Close' },
  'pack.title': { ja: '検品', en: 'Pack' },
  'pack.manual': { ja: '手入力', en: 'Type code' },
  'pack.manualTitle': { ja: 'バーコードを手入力', en: 'Type the barcode' },
  'pack.manualPlaceholder': { ja: '伝票番号・JAN など', en: 'Slip id, JAN …' },
  'pack.manualSubmit': { ja: '入力', en: 'Enter' },
  'pack.complete': { ja: '完了', en: 'Complete' },
  'pack.cancel': { ja: '中止', en: 'Cancel' },
  'pack.cancelConfirm': { ja: '{shipmentId} の検品を中止しますか？ 数えた内容は消えます。', en: 'Cancel verification of {shipmentId}? The counts are discarded.' },
  'pack.cancelYes': { ja: '中止する', en: 'Yes, cancel' },
  'pack.cancelNo': { ja: '続ける', en: 'Keep going' },
  'pack.saved': { ja: '保存済み', en: 'Saved' },
  'pack.saving': { ja: '保存中…', en: 'Saving…' },
  'pack.notSaved': { ja: '未保存', en: 'Not saved' },
  'pack.packedBanner': { ja: '梱包完了', en: 'Packed' },
  'pack.lastPacked': { ja: '直前の梱包: {shipmentId}', en: 'Last packed: {shipmentId}' },
  'pack.waiting': { ja: '出荷伝票をスキャンしてください', en: 'Scan a packing slip' },
  'pack.progress': { ja: '{verified} / {total} 点', en: '{verified} / {total} units' },
  'pack.order': { ja: '注文 {order}', en: 'Order {order}' },
  'pack.noRank': { ja: 'ランク {code}', en: 'Rank {code}' },
  'pack.lines': { ja: '商品', en: 'Items' },
  'pack.inserts': { ja: '同梱物', en: 'Inserts' },
  'pack.insertTap': { ja: '入れた', en: 'Added' },
  'pack.insertScan': { ja: 'スキャン', en: 'Scan' },
  'pack.gift': { ja: 'ギフト', en: 'Gift' },
  'pack.gift.wrapping': { ja: '包装', en: 'Wrapping' },
  'pack.gift.ribbon': { ja: 'リボン', en: 'Ribbon' },
  'pack.gift.noshi': { ja: 'のし表書き', en: 'Noshi inscription' },
  'pack.gift.placement': { ja: 'のし種別', en: 'Noshi placement' },
  'pack.gift.inner': { ja: '内のし', en: 'Inner noshi (内のし)' },
  'pack.gift.outer': { ja: '外のし', en: 'Outer noshi (外のし)' },
  'pack.gift.noshiName': { ja: 'のし名入れ', en: 'Name on noshi' },
  'pack.gift.message': { ja: 'メッセージカード', en: 'Message card' },
  'pack.gift.none': { ja: 'なし', en: 'None' },
  'pack.gift.confirm': { ja: 'ギフト指示どおり包装した', en: 'Wrapped as instructed' },
  'pack.flag.confirm': { ja: '対応した', en: 'Done' },
  'pack.confirmed': { ja: '確認済み', en: 'Confirmed' },
  'flag.FIRST_PURCHASE': { ja: '初回購入', en: 'First purchase' },
  'flag.SECOND_PURCHASE': { ja: '2回目購入', en: 'Second purchase' },
  'flag.FIRST_RETURN': { ja: '初回返品', en: 'First return' },
  'pack.storageError': {
    ja: '保存できませんでした（{reason}）。最後のスキャンは記録されていません。端末の空き容量を確認し、もう一度スキャンしてください',
    en: 'Could not save ({reason}). The last scan was NOT recorded. Check free storage on the device and scan again',
  },
  'pack.tapToDismiss': { ja: '画面をタップして続ける', en: 'Tap to continue' },
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
  'sync.error.protocol': { ja: 'サーバーの応答が読めません', en: 'Unreadable server reply' },
  'update.available': { ja: '新しいバージョンがあります', en: 'A new version is available' },
  'update.apply': { ja: '更新', en: 'Update' },
  'db.vanished': {
    ja: 'この端末の保存データが消えています（ブラウザが削除した可能性があります）。登録し直し、責任者に報告してください',
    en: 'This device’s stored data has vanished (the browser may have evicted it). Enrol again and tell your supervisor',
  },
  'db.blocked': {
    ja: '別のタブが古いバージョンで開いています。他のタブを閉じてください',
    en: 'Another tab holds an old version open. Close the other tabs',
  },
  'db.versionChange': {
    ja: '新しいバージョンがデータベースを更新します。再読み込みしてください',
    en: 'A new version is upgrading the database. Reload the page',
  },
  'db.reload': { ja: '再読み込み', en: 'Reload' },
  // --- picking ---
  'home.pick': { ja: 'ピッキング', en: 'Pick' },
  'home.pickSub': { ja: 'バッチ単位・歩く順', en: 'Batches in walking order' },
  'home.pickResume': { ja: 'バッチ {batchId} をピッキング中 — 続ける', en: 'Batch {batchId} in progress — resume' },
  'pick.title': { ja: 'ピッキング', en: 'Pick' },
  'pick.batches': { ja: 'バッチ一覧', en: 'Batches' },
  'pick.noBatches': { ja: 'ピッキングできるバッチはありません。同期してください', en: 'No batches to pick. Sync to get new ones' },
  'pick.shape.single': { ja: '単品', en: 'Single item' },
  'pick.shape.multi': { ja: '複数品', en: 'Multi item' },
  'pick.size': { ja: '{parcels} 件', en: '{parcels} parcels' },
  'pick.gift': { ja: 'ギフト {code}', en: 'Gift {code}' },
  'pick.inserts': { ja: '同梱 {codes}', en: 'Inserts {codes}' },
  'pick.takenBy': { ja: '{staff}（{device}）がピッキング中', en: 'Being picked by {staff} ({device})' },
  'pick.claim': { ja: 'このバッチを取る', en: 'Take this batch' },
  'pick.stop': { ja: '{n} / {total} か所目', en: 'Stop {n} of {total}' },
  'pick.qty': { ja: '{picked} / {required} 点', en: '{picked} / {required}' },
  'pick.split': { ja: 'スロット別', en: 'Per slot' },
  'pick.slot': { ja: 'スロット {slot}', en: 'Slot {slot}' },
  'pick.mark.top': { ja: '上位ランク: きれいな在庫を', en: 'Top rank: best-looking stock' },
  'pick.mark.flag': { ja: 'ヒューマンタッチ: きれいな在庫を', en: 'Human touch: best-looking stock' },
  'pick.unparsedLocation': { ja: 'ロケーション形式外', en: 'Location not in format' },
  'pick.keypad': { ja: '数量入力', en: 'Key quantity' },
  'pick.keypadTitle': { ja: '取った数量（合計）', en: 'Units taken (total)' },
  'pick.short': { ja: '欠品', en: 'Short' },
  'pick.shortTitle': { ja: '見つかった数量', en: 'Units found' },
  'pick.shortHint': { ja: '足りない分はルールにより新しい注文から出荷停止になります', en: 'What is missing holds the newest orders first' },
  'pick.next': { ja: 'この後', en: 'Next' },
  'pick.progress': { ja: '{picked} / {total} 点', en: '{picked} / {total} units' },
  'pick.lastDone': { ja: 'バッチ {batchId} 完了', en: 'Batch {batchId} done' },
  'pick.lastShort': { ja: '出荷停止（欠品）: {ids}', en: 'Held (short): {ids}' },
  'pick.lastLost': { ja: 'バッチ {batchId} は他の担当に移りました', en: 'Batch {batchId} went to someone else' },
  'pack.pickedBadge': { ja: 'ピッキング済', en: 'Picked' },
  'sync.event.claimed': { ja: 'バッチ取得 {batchId}', en: 'Claimed {batchId}' },
  'sync.event.picked': { ja: 'ピッキング {batchId} {productCode}', en: 'Picked {batchId} {productCode}' },
  'sync.event.short': { ja: '欠品 {batchId} {productCode}', en: 'Short {batchId} {productCode}' },
  'sync.event.batchDone': { ja: 'バッチ完了 {batchId}', en: 'Batch done {batchId}' },
  // --- returns (issue 4) ---
  'home.returns': { ja: '返品受付', en: 'Returns' },
  'home.returnsSub': { ja: '返品の検品と受付連絡', en: 'Check returned items; the customer is told' },
  'home.returnsResume': { ja: '{id} の返品を受付中 — 続ける', en: 'Return of {id} in progress — resume' },
  'returns.title': { ja: '返品受付', en: 'Returns' },
  'returns.waiting': { ja: '伝票か返品ラベルをスキャン', en: 'Scan a slip or return label' },
  'returns.search': { ja: '注文番号・お客様名で検索', en: 'Search order number or customer name' },
  'returns.noMatch': { ja: 'この端末に該当する荷物はありません', en: 'No parcel on this device matches' },
  'returns.byOrder': { ja: '注文番号 {order} で受付（同期時に照合）', en: 'Log order {order} (matched on sync)' },
  'returns.notShipped': { ja: '未出荷', en: 'Not shipped' },
  'returns.order': { ja: '注文 {order}', en: 'Order {order}' },
  'returns.unresolved': { ja: 'この端末にない注文です。同期時にサーバーが照合します', en: 'Not on this device: the server matches it on sync' },
  'returns.lines': { ja: '出荷した商品', en: 'Items shipped' },
  'returns.received': { ja: 'スキャンした商品', en: 'Items received' },
  'returns.missing': { ja: '欠品（返ってきていない）', en: 'Missing (not in the box)' },
  'returns.unexpected': { ja: '想定外の商品', en: 'Unexpected items' },
  'returns.none': { ja: 'なし', en: 'None' },
  'returns.condition': { ja: '状態', en: 'Condition' },
  'returns.condition.unopened': { ja: '未開封', en: 'Unopened' },
  'returns.condition.opened': { ja: '開封済', en: 'Opened' },
  'returns.condition.damaged': { ja: '破損', en: 'Damaged' },
  'returns.reason': { ja: '返品理由', en: 'Reason' },
  'returns.reasonChoose': { ja: '理由を選択', en: 'Choose a reason' },
  'returns.noReasons': { ja: '返品理由のマスタがありません。同期してください', en: 'No return reasons yet. Sync first' },
  'returns.remove': { ja: '取消', en: 'Remove' },
  'returns.note': { ja: 'メモ（任意）', en: 'Note (optional)' },
  'returns.save': { ja: '受付を保存', en: 'Save receipt' },
  'returns.cancel': { ja: '中止', en: 'Cancel' },
  'returns.cancelConfirm': { ja: '{id} の返品受付を中止しますか？ スキャンした内容は消えます。', en: 'Cancel the return of {id}? The scans are discarded.' },
  'returns.saved': { ja: '保存した返品: {id}', en: 'Last saved: {id}' },
  'returns.firstReturn': { ja: '初回返品', en: 'First return' },
  'sync.event.returned': { ja: '返品受付 {id}', en: 'Return {id}' },
  'db.openFailed': { ja: 'データベースを開けません（{reason}）。再読み込みしてください', en: 'Cannot open the database ({reason}). Reload the page' },
  // --- scanning (issue 6): camera, settings ---
  'camera.open': { ja: 'カメラで読む', en: 'Scan with camera' },
  'camera.title': { ja: 'カメラ', en: 'Camera' },
  'camera.starting': { ja: 'カメラを起動中…', en: 'Starting the camera…' },
  'camera.aim': { ja: 'バーコードを枠の中に入れてください', en: 'Hold the barcode inside the frame' },
  'camera.read': { ja: '読み取り: {code}（次の商品は一度枠の外へ）', en: 'Read: {code} (move it out of view before the next one)' },
  'camera.torch': { ja: 'ライト', en: 'Light' },
  'camera.denied': {
    ja: 'カメラの使用が許可されていません。スキャナーで読むか「手入力」で入力してください（ブラウザのサイト設定でカメラを許可できます）',
    en: 'Camera access is not allowed. Use the scanner or type the code (allow the camera in the browser’s site settings)',
  },
  'camera.none': { ja: 'この端末にカメラが見つかりません。スキャナーで読むか「手入力」で入力してください', en: 'No camera found. Use the scanner or type the code' },
  'camera.busy': { ja: 'カメラを他のアプリが使っています。そのアプリを閉じるか、スキャナーで読んでください', en: 'Another app is using the camera. Close it, or use the scanner' },
  'camera.failed': { ja: 'カメラを起動できません。スキャナーで読むか「手入力」で入力してください', en: 'The camera could not start. Use the scanner or type the code' },
  'camera.backToScanner': { ja: 'スキャナー・手入力に戻る', en: 'Back to scanner / typing' },
  'home.settings': { ja: 'スキャン設定', en: 'Scan settings' },
  'settings.title': { ja: 'スキャン設定', en: 'Scan settings' },
  'settings.volume': { ja: '音量 {volume}', en: 'Volume {volume}' },
  'settings.test': { ja: '音を確かめる', en: 'Try the sounds' },
  'settings.tone.ok': { ja: 'OK', en: 'OK' },
  'settings.tone.error': { ja: 'エラー', en: 'Error' },
  'settings.tone.warning': { ja: '注意', en: 'Warning' },
  'settings.tone.complete': { ja: '完了', en: 'Complete' },
  'settings.wedge': { ja: 'スキャナー（キーボード入力）', en: 'Scanner (keyboard wedge)' },
  'settings.endKeys': { ja: 'スキャンの終わり', en: 'A scan ends with' },
  'settings.end.Enter': { ja: 'Enter', en: 'Enter' },
  'settings.end.Tab': { ja: 'Tab', en: 'Tab' },
  'settings.end.newline': { ja: '改行(LF)', en: 'Line feed' },
  'settings.pauseMs': { ja: '区切りの間（ミリ秒、0 = 使わない）', en: 'Pause that ends a scan (ms, 0 = off)' },
  'settings.duplicateWindowMs': { ja: '二重読み取りとみなす間隔（ミリ秒）', en: 'Double-trigger window (ms)' },
  'settings.prefix': { ja: '取り除く接頭辞', en: 'Prefix to strip' },
  'settings.suffix': { ja: '取り除く接尾辞', en: 'Suffix to strip' },
  'settings.camera': { ja: 'カメラ', en: 'Camera' },
  'settings.formats': { ja: '読むバーコードの種類', en: 'Barcode formats' },
  'settings.leaveMs': { ja: '同じコードを再び数えるまで枠外にある時間（ミリ秒）', en: 'Out of view before the same code counts again (ms)' },
  'settings.reset': { ja: '初期値に戻す', en: 'Reset to defaults' },
  // --- import / human-touch rules (issue 7): why a flag is on the parcel card ---
  'flag.why.FIRST_PURCHASE': { ja: '理由: 購入回数 {purchaseCount} 回目（はじめてのご購入）', en: 'Why: purchase #{purchaseCount}, their very first order' },
  'flag.why.SECOND_PURCHASE': { ja: '理由: 購入回数 {purchaseCount} 回目（2回目のご購入）', en: 'Why: purchase #{purchaseCount}, they came back' },
  'flag.why.FIRST_RETURN': { ja: '理由: 返品 {returnCount} 回・返品後はじめての荷物', en: 'Why: {returnCount} return so far, and this is the first parcel since' },
  'flag.why.rule': { ja: '（ルール v{version}）', en: ' (rule v{version})' },
  // --- device data lifecycle (issue 5) ---
  'wipe.button': { ja: 'この端末のデータを消去', en: 'Wipe this device' },
  'wipe.confirm': {
    ja: 'お客様の情報・ログイン・登録をこの端末から消去します。登録し直すまで使えません。よろしいですか？',
    en: 'This removes customer data, the sign-in and the enrolment from this device. It cannot be used until enrolled again. Continue?',
  },
  'wipe.keepsPending': {
    ja: '未送信の記録 {n} 件は消さずに残し、登録し直した後に送信します',
    en: '{n} unsent records are kept and sent after the device is enrolled again',
  },
  'wipe.yes': { ja: '消去する', en: 'Wipe' },
  'wipe.no': { ja: 'やめる', en: 'Cancel' },
  'signin.pinRequired': { ja: '{code} の暗証番号を入力してください', en: 'Enter the PIN for {code}' },
  'signin.pin': { ja: '暗証番号', en: 'PIN' },
  'signin.pinWrong': { ja: '暗証番号が違います。もう一度入力してください', en: 'Wrong PIN. Try again' },
  'signin.pinLocked': { ja: '暗証番号を続けて間違えました。1分待ってから入力するか、責任者に連絡してください', en: 'Too many wrong PINs. Wait a minute and try again, or call your supervisor' },
} satisfies Record<string, Entry>;

/** Keys of the UI strings. */
export type UiKey = keyof typeof UI;
