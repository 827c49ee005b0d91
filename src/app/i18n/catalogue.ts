/**
 * Every word the worker sees, in Japanese (default) and English. Flow messages are keyed by the
 * shared MessageKey (src/shared/flows/feedback.ts); errors always say what to do next. This file
 * holds the words of the main bundle (start, pack, camera); each screen loaded on first use brings
 * its own in catalogue-<screen>.ts (pick, returns, sync, settings).
 */
import type { MessageKey } from '../../shared/flows/feedback.js';
import type { RejectCode } from '../../shared/protocol/sync.js';
import type { DeviceRejectCode } from '../store/schema.js';

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

/** The words a screen loaded on first use brings with it (i18n.addWords takes them in). */
export interface Words {
  flow?: Partial<Record<MessageKey, Entry>>;
  /** The server's reject codes, and this device's own (it keeps back an event it cannot read). */
  reject?: Partial<Record<RejectCode | DeviceRejectCode, Entry>>;
  ui?: Record<string, Entry>;
}

/** Messages the pack flow and the scanner give (one per shared MessageKey but the pick.* and return.* ones). */
export const FLOW_MESSAGES: Record<Exclude<MessageKey, `pick.${string}` | `return.${string}`>, Entry> = {
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
};
/** Everything else on screen, but the strings of the screens loaded on first use. */
export const UI = {
  'app.title': { ja: 'FloorPack', en: 'FloorPack' },
  'app.loading': { ja: '読み込み中…', en: 'Loading…' },
  'app.loadFailed': { ja: 'この画面を読み込めませんでした。再読み込みしてください', en: 'This screen could not be loaded. Reload the app' },
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
  'update.available': { ja: '新しいバージョンがあります', en: 'A new version is available' },
  'update.apply': { ja: '更新', en: 'Update' },
  'db.vanished': {
    ja: 'この端末の保存データが消えています（ブラウザが削除した可能性があります）。登録し直し、責任者に報告してください',
    en: 'This device’s stored data has vanished (the browser may have evicted it). Enrol again and tell your supervisor',
  },
  'db.repaired': {
    ja: 'この端末の保存データの一部が読めませんでした。読めた分で続け、次の同期で取り直します。未送信のスキャンは失われていません',
    en: 'Part of this device’s stored data could not be read. Working with the rest; the next sync brings it back. No unsent scan was lost',
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
  'pack.pickedBadge': { ja: 'ピッキング済', en: 'Picked' },
  // --- returns ---
  'home.returns': { ja: '返品受付', en: 'Returns' },
  'home.returnsSub': { ja: '返品の検品と受付連絡', en: 'Check returned items; the customer is told' },
  'home.returnsResume': { ja: '{id} の返品を受付中 — 続ける', en: 'Return of {id} in progress — resume' },
  'db.openFailed': { ja: 'データベースを開けません（{reason}）。再読み込みしてください', en: 'Cannot open the database ({reason}). Reload the page' },
  // --- scanning: camera, settings ---
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
  // --- import / human-touch rules: why a flag is on the parcel card ---
  'flag.why.FIRST_PURCHASE': { ja: '理由: 購入回数 {purchaseCount} 回目（はじめてのご購入）', en: 'Why: purchase #{purchaseCount}, their very first order' },
  'flag.why.SECOND_PURCHASE': { ja: '理由: 購入回数 {purchaseCount} 回目（2回目のご購入）', en: 'Why: purchase #{purchaseCount}, they came back' },
  'flag.why.FIRST_RETURN': { ja: '理由: 返品 {returnCount} 回・返品後はじめての荷物', en: 'Why: {returnCount} return so far, and this is the first parcel since' },
  'flag.why.rule': { ja: '（ルール v{version}）', en: ' (rule v{version})' },
  // --- device data lifecycle: revocation, wipe, vanished data ---
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

/** Keys of the main bundle's UI strings. */
export type CoreUiKey = keyof typeof UI;
