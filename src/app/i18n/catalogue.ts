/**
 * The words of the main bundle (start, pack, camera) in Japanese, every device's default language, and
 * the shapes every catalogue shares. Their English is a chunk of its own (catalogue-en.ts) that only a
 * device switched to English loads; each screen loaded on first use brings its own words in both
 * languages in catalogue-<screen>.ts (pick, returns, sync, settings). Flow messages are keyed by the
 * shared MessageKey (src/shared/flows/feedback.ts); errors always say what to do next.
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

/** Formats an ISO time for a language. */
export type FormatTime = (iso: string | number | undefined, lang: Lang) => string;

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

/** The flow messages of the main bundle: every shared MessageKey but the pick.*, return.*, load.* and label-step ones, which load with their screens. */
export type CoreFlowKey = Exclude<MessageKey, `pick.${string}` | `return.${string}` | `load.${string}` | PackLabelKey>;
/** The pack flow's label-step messages: they load with the label step (catalogue-pack-label.ts). */
export type PackLabelKey = 'pack.prompt.boxes' | 'pack.prompt.label' | `pack.boxes.${string}` | `pack.label.${string}`;

/** Everything else on screen in Japanese, but the strings of the screens loaded on first use. */
const UI_JA = {
  'app.title': 'FloorPack',
  'app.loading': '読み込み中…',
  'app.loadFailed': 'この画面を読み込めませんでした。再読み込みしてください',
  'app.screenFailed': 'この画面を表示できませんでした。データを確認しています。直らなければ「戻る」を押してください',
  'lang.toggle': 'English',
  'enrol.title': '端末の登録',
  'enrol.lead': '責任者から受け取った登録コードと、この端末の名前を入力してください。',
  'enrol.code': '登録コード',
  'enrol.deviceName': '端末名（例: pack-01）',
  'enrol.submit': '登録する',
  'enrol.busy': '登録中…',
  'enrol.error.invalid': '登録コードか端末名が正しくありません。確かめてもう一度入力してください',
  'enrol.error.rejected': '登録コードが無効か期限切れです。責任者に新しいコードをもらってください',
  'enrol.error.network': 'サーバーにつながりません。Wi-Fi のある場所でもう一度試してください',
  'enrol.error.server': 'サーバーエラーです。少し待ってもう一度試してください',
  'enrol.revoked': 'この端末の登録が取り消されました。責任者に登録コードをもらい、登録し直してください',
  'enrol.keptEvents': '未送信の記録 {n} 件はこの端末に残っています',
  'signin.title': 'サインイン',
  'signin.lead': '社員証をスキャンするか、スタッフコードを入力してください',
  'signin.code': 'スタッフコード（例: ST001）',
  'signin.codeExample': '例: ST001',
  'signin.submit': 'サインイン',
  'signin.unknown': 'スタッフコード {code} は登録されていません。コードを確かめるか、同期してからもう一度試してください',
  'signin.noCatalogue': 'マスタがまだありません。ネットワークにつないで同期してください',
  'signin.syncNow': '今すぐ同期',
  'home.hello': '{name} さん',
  'home.pack': '検品',
  'home.packSub': '梱包時検品',
  'home.resume': '{shipmentId} を検品中 — 続ける',
  'home.sync': '同期状況',
  'home.signOut': 'サインアウト',
  'home.device': '端末 {device}（{warehouse}）',
  'status.online': 'オンライン',
  'status.offline': 'オフライン',
  'status.syncing': '同期中…',
  'status.pending': '未送信 {n}',
  'status.rejected': 'エラー {n}',
  'status.lastSync': '最終同期 {time}',
  'status.never': '未同期',
  'status.failing': '同期できません（{sec} 秒後に再試行）',
  'common.back': '戻る',
  'common.cancel': 'キャンセル',
  'common.ok': 'OK',
  'common.confirm': '確認',
  'common.close': '閉じる',
  'pack.title': '検品',
  'pack.manual': '手入力',
  'pack.manualTitle': 'バーコードを手入力',
  'pack.manualPlaceholder': '伝票番号・JAN など',
  'pack.manualSubmit': '入力',
  'pack.complete': '完了',
  'pack.cancel': '中止',
  'pack.cancelConfirm': '{shipmentId} の検品を中止しますか？ 数えた内容は消えます。',
  'flow.cancelYes': '中止する',
  'flow.cancelNo': '続ける',
  'flow.saved': '保存済み',
  'flow.saving': '保存中…',
  'flow.notSaved': '未保存',
  'pack.packedBanner': '梱包完了',
  'pack.lastPacked': '直前の梱包: {shipmentId}',
  'pack.waiting': '出荷伝票をスキャンしてください',
  'pack.scan.slip': '伝票をスキャン',
  'pack.scan.item': '商品をスキャン',
  'pack.scan.insert': '同梱物をスキャン',
  'pack.scan.any': 'スキャン',
  'pack.scan.label': '送り状をスキャン',
  'pack.labelUnavailable': '送り状の画面を読み込めません。ネットワークにつないで再読み込みしてください',
  'pack.step.nextSlip': '次の出荷伝票をスキャンしてください',
  'pack.step.item': 'この商品をスキャン',
  'pack.step.unitsLeft': 'あと {n} 点',
  'pack.step.insertScan': 'この同梱物をスキャンして入れる',
  'pack.step.insertTap': 'この同梱物を入れて「入れた」を押す',
  'pack.step.insertsLeft': '同梱物 あと {n}',
  'pack.step.gift': 'この指示どおりに包装',
  'pack.step.humanTouch': 'これを行ってから「対応した」を押す',
  'pack.step.complete': 'すべて確認済み。「完了」を押すか、伝票をもう一度スキャン',
  'pack.toConfirm': '未確認',
  'pack.insertByTap': 'タップで確認',
  'pack.progress': '{verified} / {total} 点',
  'pack.order': '注文 {order}',
  'rank.unknown': 'ランク {code}',
  'pack.lines': '商品',
  'pack.inserts': '同梱物',
  'pack.insertTap': '入れた',
  'pack.insertScan': 'スキャン',
  'pack.gift': 'ギフト',
  'pack.gift.wrapping': '包装',
  'pack.gift.ribbon': 'リボン',
  'pack.gift.noshi': 'のし表書き',
  'pack.gift.inner': '内のし',
  'pack.gift.outer': '外のし',
  'pack.gift.noshiName': 'のし名入れ',
  'pack.gift.message': 'メッセージカード',
  'pack.gift.none': 'なし',
  'pack.gift.confirm': 'ギフト指示どおり包装した',
  'pack.flag.confirm': '対応した',
  'pack.confirmed': '確認済み',
  'flag.FIRST_PURCHASE': '初回購入',
  'flag.SECOND_PURCHASE': '2回目購入',
  'flag.FIRST_RETURN': '初回返品',
  'flow.storageError': '保存できませんでした（{reason}）。最後のスキャンは記録されていません。端末の空き容量を確認し、もう一度スキャンしてください',
  'flow.tapToDismiss': '画面をタップして続ける',
  'update.available': '新しいバージョンがあります',
  'update.apply': '更新',
  'update.required': 'アプリを更新してください',
  'db.vanished': 'この端末の保存データが消えています（ブラウザが削除した可能性があります）。登録し直し、責任者に報告してください',
  'db.repaired': 'この端末の保存データの一部が読めませんでした。読めた分で続け、次の同期で取り直します。未送信のスキャンは失われていません',
  'db.blocked': '別のタブが古いバージョンで開いています。他のタブを閉じてください',
  'db.versionChange': '新しいバージョンがデータベースを更新します。再読み込みしてください',
  'db.reload': '再読み込み',
  // --- picking ---
  'home.pick': 'ピッキング',
  'home.pickSub': 'バッチ単位・歩く順',
  'home.pickResume': 'バッチ {batchId} をピッキング中 — 続ける',
  'pack.pickedBadge': 'ピッキング済',
  // --- returns ---
  'home.returns': '返品受付',
  'home.returnsSub': '返品の検品と受付連絡',
  'home.returnsResume': '{id} の返品を受付中 — 続ける',
  'home.load': '積込検品',
  'home.loadSub': '送り状をスキャンしてトラックへ',
  'home.loadResume': '積込中（{boxes} 箱）— 続ける',
  'db.openFailed': 'データベースを開けません（{reason}）。再読み込みしてください',
  // --- scanning: camera, settings ---
  'camera.open': 'カメラで読む',
  'camera.title': 'カメラ',
  'camera.starting': 'カメラを起動中…',
  'camera.aim': 'バーコードを枠の中に入れてください',
  'camera.read': '読み取り: {code}（次の商品は一度枠の外へ）',
  'camera.torch': 'ライト',
  'camera.denied': 'カメラの使用が許可されていません。スキャナーで読むか「手入力」で入力してください（ブラウザのサイト設定でカメラを許可できます）',
  'camera.none': 'この端末にカメラが見つかりません。スキャナーで読むか「手入力」で入力してください',
  'camera.busy': 'カメラを他のアプリが使っています。そのアプリを閉じるか、スキャナーで読んでください',
  'camera.failed': 'カメラを起動できません。スキャナーで読むか「手入力」で入力してください',
  'camera.backToScanner': 'スキャナー・手入力に戻る',
  'home.settings': 'スキャン設定',
  // --- import / human-touch rules: why a flag is on the parcel card ---
  'flag.why.FIRST_PURCHASE': '理由: 購入回数 {purchaseCount} 回目（はじめてのご購入）',
  'flag.why.SECOND_PURCHASE': '理由: 購入回数 {purchaseCount} 回目（2回目のご購入）',
  'flag.why.FIRST_RETURN': '理由: 返品 {returnCount} 回・返品後はじめての荷物',
  'flag.why.rule': '（ルール v{version}）',
  // --- device data lifecycle: revocation, wipe, vanished data ---
  'wipe.button': 'この端末のデータを消去',
  'wipe.confirm': 'お客様の情報・ログイン・登録をこの端末から消去します。登録し直すまで使えません。よろしいですか？',
  'wipe.keepsPending': '未送信の記録 {n} 件は消さずに残し、登録し直した後に送信します',
  'wipe.yes': '消去する',
  'wipe.no': 'やめる',
  'signin.pinRequired': '{code} の暗証番号を入力してください',
  'signin.pin': '暗証番号',
  'signin.pinWrong': '暗証番号が違います。もう一度入力してください',
  'signin.pinLocked': '暗証番号を続けて間違えました。1分待ってから入力するか、責任者に連絡してください',
} satisfies Record<string, Text>;

/** Keys of the main bundle's UI strings. */
export type CoreUiKey = keyof typeof UI_JA;

/**
 * The main bundle's words in one language. Japanese and English each have exactly these keys, so a
 * key added in one language but not the other does not compile.
 */
export interface CoreWords {
  flow: Record<CoreFlowKey, Text>;
  ui: Record<CoreUiKey, Text>;
}

/** The main bundle's words in Japanese: the messages the pack flow and the scanner give, and the UI strings. */
export const CORE_JA: CoreWords = {
  flow: {
    'pack.prompt.slip': '出荷伝票をスキャンしてください',
    'pack.prompt.items': '商品をスキャンしてください',
    'pack.slip.ok': '{customer} 様 — {units} 点を検品してください',
    'pack.slip.unknown': '伝票 {shipmentId} はこの端末にありません。同期してからもう一度スキャンしてください',
    'pack.slip.held': (p) => `出荷停止: ${p.shipmentId}${p.reason ? `（${p.reason}）` : ''}。梱包せず、責任者に渡してください`,
    'pack.slip.packed': (p) => `${p.shipmentId} は梱包済みです${p.staff ? `（${p.staff}・${p.device}・${formatTime(p.at, 'ja')}）` : ''}。二重に梱包しないでください`,
    'pack.slip.giftUnknown': 'ギフトコード {code} が不明です。包装せず、責任者に確認してください',
    'pack.slip.insertUnknown': '同梱物 {code} が不明です。同期してから、だめなら責任者に確認してください',
    'pack.slip.productUnknown': '商品 {code} がマスタにありません。同期してから、だめなら責任者に確認してください',
    'pack.slip.otherInProgress': '{current} を検品中です。先に完了するか中止してから {scanned} をスキャンしてください',
    'pack.item.ok': '{name}  {done}/{qty}',
    'pack.item.lineDone': '{name} そろいました（{done}/{qty}）',
    'pack.item.allDone': '全 {total} 点 OK。同梱物・ギフトを確認して完了してください',
    'pack.item.wrong': '{name} はこの荷物の商品ではありません。取り除いてください',
    'pack.item.over': '{name} は {qty} 点までです。多い分を取り除いてください',
    'pack.item.unknown': '不明なバーコード {code}。商品を確かめてもう一度スキャンしてください',
    'pack.item.noParcel': '先に出荷伝票をスキャンしてください',
    'scan.misread': '読み取りエラー。もう一度スキャンしてください',
    'pack.insert.ok': '同梱物 OK: {name}',
    'pack.insert.wrong': '同梱物 {code} はこの荷物に入れません。取り除いてください',
    'pack.insert.already': '{name} は確認済みです',
    'pack.gift.ok': 'ギフト指示 確認済み',
    'pack.humanTouch.ok': 'ヒューマンタッチ 確認済み',
    'pack.complete.notReady': (p) => `まだ完了できません${p.remaining !== undefined ? `（残り ${p.remaining} 件）` : ''}。赤い項目を確認してください`,
    'pack.complete.ok': '梱包完了 {shipmentId}',
    'pack.cancel.ok': '{shipmentId} の検品を中止しました',
  },
  ui: UI_JA,
};
