/** The pick screen's words, in Japanese and English: they load with the screen (see i18n.addWords). */
import type { MessageKey } from '../../shared/flows/feedback.js';
import type { Entry, Words } from './catalogue.js';

/** Everything the pick screen adds to the catalogue. */
export const PICK_WORDS = {
  /** Messages the pick flow gives (one per shared pick.* MessageKey). */
  flow: {
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
  } satisfies Record<Extract<MessageKey, `pick.${string}`>, Entry>,
  /** The pick screen's strings. */
  ui: {
    'pick.title': { ja: 'ピッキング', en: 'Pick' },
    'pick.scanHere': { ja: '棚・商品をスキャン', en: 'Location or item' },
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
  },
} satisfies Words;
