/**
 * Every sentence an import report can say, in Japanese (default) and English. The office staff who
 * read it fix the back-office export, so each message says what is wrong and what to do.
 */

/** The report languages. */
export type ImportLang = 'ja' | 'en';

type P = Record<string, string | number>;
type Entry = { ja: (p: P) => string; en: (p: P) => string };

const M = {
  required: { ja: () => '値がありません。入力してください', en: () => 'Missing value. Fill it in' },
  missingShipmentId: { ja: () => '出荷IDがありません。この行は取り込めません', en: () => 'Missing shipment id. This row cannot be imported' },
  notInteger: { ja: (p) => `「${p.value}」は整数ではありません`, en: (p) => `"${p.value}" is not a whole number` },
  qtyNotPositive: { ja: (p) => `数量が ${p.value} です。1 以上にしてください`, en: (p) => `Quantity is ${p.value}. It must be 1 or more` },
  purchaseCountLow: { ja: (p) => `購入回数が ${p.value} です。今回の注文を含めて 1 以上にしてください`, en: (p) => `Purchase count is ${p.value}. It includes this order, so it must be 1 or more` },
  negative: { ja: (p) => `${p.value} は負の数です。0 以上にしてください`, en: (p) => `${p.value} is negative. It must be 0 or more` },
  badPostalCode: { ja: (p) => `郵便番号「${p.value}」は 7 桁にしてください（例: 150-0001）`, en: (p) => `Postal code "${p.value}" must have 7 digits (e.g. 150-0001)` },
  badPhone: { ja: (p) => `電話番号「${p.value}」が読めません。数字とハイフンで 10〜11 桁にしてください`, en: (p) => `Cannot read the phone number "${p.value}": give 10–11 digits, hyphens allowed` },
  badBoxCount: { ja: (p) => `個口数が ${p.value} です。1〜99 にしてください`, en: (p) => `Box count is ${p.value}. It must be 1 to 99` },
  badTrackingNumber: { ja: (p) => `伝票番号「${p.value}」は${p.carrier}の番号として正しくありません（桁数かチェックデジット）`, en: (p) => `Tracking number "${p.value}" is not a valid ${p.carrier} number (length or check digit)` },
  trackingUnknownShipment: { ja: (p) => `出荷ID「${p.value}」の荷物がありません。配送会社のファイルと出荷指示を確かめてください`, en: (p) => `No parcel has shipment id "${p.value}". Check the carrier's file against the shipment import` },
  trackingNoCarrier: { ja: (p) => `出荷ID「${p.value}」は配送会社が決まっていません。配送方法の対応表を直してください`, en: (p) => `Parcel "${p.value}" has no carrier. Fix the delivery-method mapping` },
  trackingTaken: { ja: (p) => `伝票番号「${p.value}」は既に別の荷物 ${p.other} のものです`, en: (p) => `Tracking number "${p.value}" already belongs to another parcel, ${p.other}` },
  trackingTooMany: { ja: (p) => `出荷ID「${p.value}」の伝票番号が個口数 ${p.boxes} より多くあります`, en: (p) => `Parcel "${p.value}" has more tracking numbers than its ${p.boxes} boxes` },
  trackingShipped: { ja: (p) => `出荷ID「${p.value}」は既に出荷済みです。伝票番号は変えられません`, en: (p) => `Parcel "${p.value}" has already shipped; its tracking number cannot change` },
  badDate: { ja: (p) => `日付「${p.value}」が読めません（例: 2026-11-19）`, en: (p) => `Cannot read the date "${p.value}" (e.g. 2026-11-19)` },
  badColor: { ja: (p) => `表示色「${p.value}」は #RRGGBB 形式にしてください`, en: (p) => `Colour "${p.value}" must be #RRGGBB` },
  badPlacement: { ja: (p) => `のし種別「${p.value}」は 内のし か 外のし にしてください`, en: (p) => `Noshi placement "${p.value}" must be 内のし or 外のし` },
  tooLong: {
    ja: (p) => `「${p.value}」は長すぎます（${p.max} 文字まで）。短いコードにしてください`,
    en: (p) => `"${p.value}" is too long (at most ${p.max} characters). Use a shorter code`,
  },
  badEmail: {
    ja: (p) => `メールアドレス「${p.value}」は使えません。アドレスを 1 件だけ（例: taro@example.jp）入れてください。名前・複数のアドレス・改行・空白は入れられません`,
    en: (p) => `E-mail address "${p.value}" cannot be used. Give exactly one address (e.g. taro@example.jp): no name, no second address, no line break or space`,
  },
  badGtin: { ja: (p) => `バーコード「${p.value}」は JAN/EAN として正しくありません（桁数かチェックデジット）`, en: (p) => `Barcode "${p.value}" is not a valid JAN/EAN (length or check digit)` },
  insertBarcodeUnreadable: {
    ja: (p) => `バーコード「${p.value}」はチェックデジットが合わず端末で読めません。この同梱物はタップで確認します（正しいバーコードで取り込み直してください）`,
    en: (p) => `Barcode "${p.value}" has a bad check digit and cannot be scanned; this insert is confirmed by tap (import the right barcode to fix)`,
  },
  unknownProduct: { ja: (p) => `商品コード ${p.code} はマスタにありません。先に商品マスタを取り込んでください`, en: (p) => `Product ${p.code} is not in the catalogue. Import the products first` },
  unknownGift: { ja: (p) => `ギフトコード ${p.code} はマスタにありません。ギフトコードを取り込むか、コードを直してください`, en: (p) => `Gift code ${p.code} is unknown. Import the gift codes or fix the code` },
  unknownInsert: { ja: (p) => `同梱物コード ${p.code} はマスタにありません。同梱物を取り込むか、コードを直してください`, en: (p) => `Insert code ${p.code} is unknown. Import the inserts or fix the code` },
  unknownRank: { ja: (p) => `顧客ランク ${p.code} はマスタにありません（端末には「ランク ${p.code}」と表示されます）`, en: (p) => `Rank ${p.code} is unknown (devices show "Rank ${p.code}")` },
  janMismatch: { ja: (p) => `JANコード ${p.jan} は商品 ${p.code} のものではありません（取り込みは商品コードで行います）`, en: (p) => `JAN ${p.jan} does not belong to ${p.code} (the product code is what is imported)` },
  rowShort: { ja: (p) => `行が途中で切れています（${p.expected} 列のはずが ${p.got} 列）`, en: (p) => `Row cut short (${p.got} of ${p.expected} columns)` },
  rowLong: { ja: (p) => `列が多すぎます（${p.expected} 列のはずが ${p.got} 列）。カンマを含む値は "" で囲んでください`, en: (p) => `Too many columns (${p.got}, expected ${p.expected}). Quote values that contain commas` },
  disagree: {
    ja: (p) => `出荷 ${p.shipmentId} の行どうしで ${p.column} が違います（${p.firstRow} 行目「${p.first}」、この行「${p.value}」）`,
    en: (p) => `Lines of shipment ${p.shipmentId} disagree on ${p.column} (row ${p.firstRow} "${p.first}", this row "${p.value}")`,
  },
  shipmentRejected: {
    ja: (p) => `出荷 ${p.shipmentId} は取り込みませんでした（${p.bad} 行にエラー、全 ${p.lines} 行）。直して取り込み直してください`,
    en: (p) => `Shipment ${p.shipmentId} was not imported (${p.bad} bad of ${p.lines} rows). Fix it and import again`,
  },
  shipmentPacked: {
    ja: (p) => `出荷 ${p.shipmentId} は梱包済み（${p.status}）のため、変更を反映しませんでした。現場に確認してください`,
    en: (p) => `Shipment ${p.shipmentId} is already ${p.status}; the change was not applied. Check with the floor`,
  },
  shipmentInPicking: {
    ja: (p) => `出荷 ${p.shipmentId} はピッキング中（${p.status}）に変更されました。ピッキングをやり直してください`,
    en: (p) => `Shipment ${p.shipmentId} changed while ${p.status}. Have it picked again`,
  },
  otherWarehouse: {
    ja: (p) => `出荷 ${p.shipmentId} は別の倉庫（${p.warehouseId}）のものです`,
    en: (p) => `Shipment ${p.shipmentId} belongs to another warehouse (${p.warehouseId})`,
  },
  duplicateKey: { ja: (p) => `${p.code} が ${p.firstRow} 行目と重複しています（後の行を使います）`, en: (p) => `${p.code} repeats row ${p.firstRow} (the later row wins)` },
  barcodeMoved: { ja: (p) => `バーコード ${p.barcode} は商品 ${p.from} から ${p.to} に付け替えられます`, en: (p) => `Barcode ${p.barcode} moves from ${p.from} to ${p.to}` },
  strictNothing: { ja: () => '--strict: エラーがあるため、このファイルは何も取り込みませんでした', en: () => '--strict: the file has errors, so nothing was imported' },
  unknownHoldShipment: { ja: (p) => `出荷 ${p.shipmentId} は登録されていません`, en: (p) => `Shipment ${p.shipmentId} is not known` },
  holdShipped: { ja: (p) => `出荷 ${p.shipmentId} は出荷済みのため止められません`, en: (p) => `Shipment ${p.shipmentId} has already shipped and cannot be held` },
  holdPacked: { ja: (p) => `出荷 ${p.shipmentId} は梱包済みです。出荷口から抜き取ってください`, en: (p) => `Shipment ${p.shipmentId} is already packed. Take it off the outbound line` },
  badHoldAction: { ja: (p) => `区分「${p.value}」は 停止 か 解除 にしてください`, en: (p) => `Action "${p.value}" must be 停止 (hold) or 解除 (release)` },
  releaseNotHeld: { ja: (p) => `出荷 ${p.shipmentId} は停止されていません（解除は不要です）`, en: (p) => `Shipment ${p.shipmentId} is not held (nothing to release)` },
  missingColumn: { ja: (p) => `列「${p.column}」がありません。ヘッダー行を確認してください`, en: (p) => `Column "${p.column}" is missing. Check the header row` },
  noWarehouse: { ja: (p) => `倉庫がまだないため、倉庫 ${p.warehouseId} を作成しました`, en: (p) => `No warehouse existed, so warehouse ${p.warehouseId} was created` },
} satisfies Record<string, Entry>;

/** Keys of the import messages. */
export type ImportMessageKey = keyof typeof M;

/** Renders one import message in a language. */
export function importMessage(lang: ImportLang, key: ImportMessageKey, params: P = {}): string {
  return M[key][lang](params);
}
