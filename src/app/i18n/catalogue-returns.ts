/** The returns screen's words, in Japanese and English: they load with the screen (see i18n.addWords). */
import type { MessageKey } from '../../shared/flows/feedback.js';
import type { Entry, Words } from './catalogue.js';

/** Everything the returns screen adds to the catalogue. */
export const RETURNS_WORDS = {
  /** Messages the returns flow gives (one per shared return.* MessageKey). */
  flow: {
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
    'return.item.notItem': {
      ja: '{code} は商品のバーコードではありません。返ってきた商品をスキャンしてください',
      en: '{code} is not an item barcode. Scan the returned item',
    },
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
    'return.item.codeTooLong': {
      ja: 'このコードは長すぎて記録できません（{max} 文字まで）。商品のバーコードをスキャンしてください',
      en: 'This code is too long to record (at most {max} characters). Scan the item’s barcode',
    },
    'return.item.noParcel': { ja: '先に伝票か返品ラベルをスキャンしてください', en: 'Scan the slip or return label first' },
    'return.unit.updated': { ja: '更新しました', en: 'Updated' },
    'return.unit.removed': { ja: '取り消しました', en: 'Removed' },
    'return.save.empty': { ja: '商品が1点もスキャンされていません。返ってきた商品をスキャンしてください', en: 'No item scanned yet. Scan the returned items' },
    'return.save.tooBig': {
      ja: 'この返品は大きすぎて1件で送れません。メモを短くしてから保存してください',
      en: 'This return is too big to send as one. Shorten the notes, then save',
    },
    'return.save.reasonMissing': {
      ja: '返品理由が未選択の商品が {remaining} 点あります。理由を選んでから保存してください',
      en: '{remaining} items have no return reason. Choose one, then save',
    },
    'return.save.reasonUnknown': { ja: '返品理由 {code} がマスタにありません。同期してから選び直してください', en: 'Return reason {code} is not in the catalogue. Sync and choose again' },
    'return.save.ok': {
      ja: (p) => `返品受付を保存しました ${p.id ?? ''}${Number(p.missing) > 0 ? `（未返品 ${p.missing} 点）` : ''}`,
      en: (p) => `Return saved ${p.id ?? ''}${Number(p.missing) > 0 ? ` (${p.missing} not returned)` : ''}`,
    },
    'return.cancel.ok': { ja: '{id} の返品受付を中止しました', en: 'Return of {id} cancelled' },
  } satisfies Record<Extract<MessageKey, `return.${string}`>, Entry>,
  /** The returns screen's strings. */
  ui: {
    'returns.title': { ja: '返品受付', en: 'Returns' },
    'returns.waiting': { ja: '伝票・返品ラベル', en: 'Slip or return label' },
    'returns.waitingItems': { ja: '商品をスキャン', en: 'Scan item' },
    'returns.search': { ja: '注文番号・お客様名で検索', en: 'Order number or name' },
    'returns.noMatch': { ja: 'この端末に該当する荷物はありません', en: 'No parcel on this device matches' },
    'returns.byOrder': { ja: '注文番号 {order} で受付（同期時に照合）', en: 'Log order {order} (matched on sync)' },
    'returns.notShipped': { ja: '未出荷', en: 'Not shipped' },
    'returns.order': { ja: '注文 {order}', en: 'Order {order}' },
    'returns.unresolved': { ja: 'この端末にない注文です。同期時にサーバーが照合します', en: 'Not on this device: the server matches it on sync' },
    'returns.lines': { ja: '出荷した商品', en: 'Items shipped' },
    'returns.received': { ja: 'スキャンした商品', en: 'Items received' },
    // 欠品 is a short pick on this floor: what a customer did not send back is 未返品.
    'returns.missing': { ja: '未返品（箱に入っていない）', en: 'Not returned (not in the box)' },
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
    'returns.mailOnSync': { ja: '同期するとお客様に受付メールが届きます', en: 'The customer gets the receipt mail when this device syncs' },
    'returns.sent': { ja: '送信済み', en: 'Sent' },
    'returns.progress': { ja: '受付 {received} / 出荷 {shipped} 点', en: '{received} of {shipped} received' },
    // What the returns bench does for each human-touch flag when the rule sets no returns instruction of its own.
    'returns.instruction.FIRST_RETURN': {
      ja: 'はじめての返品です。状態をていねいに確かめ、気づいたことはメモへ',
      en: 'Their first return. Check the condition with care; note anything you see',
    },
    'returns.instruction.FIRST_PURCHASE': {
      ja: 'はじめてのご購入の返品です。理由をていねいに選んでください',
      en: 'A return of a first purchase. Choose the reason with care',
    },
    'returns.instruction.SECOND_PURCHASE': {
      ja: '2回目のご購入の返品です。理由をていねいに選んでください',
      en: 'A return of a second purchase. Choose the reason with care',
    },
    'returns.firstReturn': { ja: '初回返品', en: 'First return' },
  },
} satisfies Words;
