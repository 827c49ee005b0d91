/**
 * Demo data for a Japanese D2C cosmetics brand, one warehouse (WH1 東京DC). Loaded on a server's first
 * start (DEMO=1) and imported by tests, including browser tests: the constants are the contract.
 */
import type { Catalogue, GiftCode, HumanTouchRule, Insert, Product, Rank, ReturnReason, Staff } from '../../shared/domain/catalogue.js';
import { computeHumanTouchFlags, flagBasisOf } from '../../shared/domain/human-touch.js';
import type { Parcel } from '../../shared/domain/parcel.js';
import type { CarrierId } from '../../shared/domain/carrier.js';
import { resolveCarrier } from '../../shared/domain/carrier-mapping.js';
import { withCheckDigit } from '../../shared/scan/gtin.js';
import { DEFAULT_LABEL_SCAN } from '../shipping/parcel-boxes.js';
import { demoRecipientOf } from './demo-recipients.js';
import { parcelFieldsOf, type ShipmentInput as BackOfficeShipment } from '../db/shipment-input.js';

/** The parcels tests rely on, by the situation each one sets up. */
export const DEMO_SCENARIOS = {
  singleItem: 'S0000001', // 1 line qty 1, rank N, no gift, no flag, one insert WITH barcode
  multiItemGiftFirstPurchase: 'S0000002', // 3 lines (one qty 2), 外のし 御祝 + noshi name + message card, FIRST_PURCHASE, insert WITHOUT barcode, rank G
  secondPurchase: 'S0000003',
  firstReturn: 'S0000004',
  twoFlags: 'S0000005', // SECOND_PURCHASE + FIRST_RETURN
  held: 'S0000006', // status held, holdReason 前日注文キャンセル
  unknownGift: 'S0000007', // gift code X99 is not in the catalogue
  innerNoshi: 'S0000008', // 内のし 内祝
  diamond: 'S0000009', // rank D, gift with ribbon
  // --- picking: one multi-item batch (coupon L04, no gift) and one single-item batch (coupon L04) ---
  pickMultiTopRank: 'S0000020', // oldest order, rank D (marked: best-looking stock), SKU-1006 + SKU-1009
  pickMultiFirstPurchase: 'S0000021', // FIRST_PURCHASE (marked), SKU-1009 + SKU-1004 x2
  pickMultiNewest: 'S0000022', // newest order: loses first when SKU-1009 is short; SKU-1009 + SKU-1002
  pickSingleA: 'S0000023', // one unit SKU-1001
  pickSingleB: 'S0000024', // one unit SKU-1003
  returnFirst: 'S0000030', // 2 lines, customer C100130 with no return yet: pack it, then log its return
  returnFirstNext: 'S0000031', // the same customer's next parcel (released): carries FIRST_RETURN once the return is logged
} as const;

/** The demo warehouse. */
export const DEMO_WAREHOUSE = { id: 'WH1', name: '東京DC', defaultCarrierId: 'yamato' as CarrierId };

/** Staff of the demo warehouse (badge codes ST001, ST002). */
export const DEMO_STAFF: Staff[] = [
  { id: 'staff-001', code: 'ST001', name: '佐藤 美咲' },
  { id: 'staff-002', code: 'ST002', name: '鈴木 健太' },
];

/** A JAN with a valid check digit that no demo product or insert carries (for "unknown item" tests). */
export const DEMO_UNKNOWN_JAN = withCheckDigit('491234519999');

const jan = (n: number) => withCheckDigit(`4912345100${String(n).padStart(2, '0')}`);

/** Products with JAN barcodes (valid check digits) and pick locations. */
export const DEMO_PRODUCTS: Product[] = [
  { code: 'SKU-1001', name: '薬用美白ローション 150mL', barcodes: [jan(0)], location: 'A-01-03-2' },
  { code: 'SKU-1002', name: 'モイストクリーム 50g', barcodes: [jan(1)], location: 'B-01-04-1' },
  { code: 'SKU-1003', name: 'クレンジングバーム 90g', barcodes: [jan(2)], location: 'C-01-01-5' },
  { code: 'SKU-1004', name: 'UVミルク SPF50+ 30mL', barcodes: [jan(3)], location: 'A-02-01-3' },
  { code: 'SKU-1005', name: '洗顔フォーム 120g', barcodes: [jan(4)], location: 'C-02-02-1' },
  { code: 'SKU-1006', name: 'ビタミンC美容液 30mL', barcodes: [jan(5)], location: 'A-01-01-1' },
  { code: 'SKU-1007', name: 'アイクリーム 15g', barcodes: [jan(6)], location: 'B-02-03-2' },
  { code: 'SKU-1008', name: 'まつげ美容液 6mL', barcodes: [jan(7)], location: 'B-03-01-4' },
  { code: 'SKU-1009', name: 'オールインワンジェル 100g', barcodes: [jan(8)], location: 'A-03-02-1' },
  { code: 'SKU-1010', name: 'ハンドクリーム 柚子 40g', barcodes: [jan(9)], location: 'D-01-02-3' },
  { code: 'SKU-1011', name: '乳酸菌サプリ 30粒', barcodes: [jan(10)], location: 'D-02-01-2' },
  // Two barcodes: the renewed package carries a new JAN while old stock is still on the shelf.
  { code: 'SKU-1012', name: 'ヘアオイル 桜 80mL', barcodes: [jan(11), jan(12)], location: 'C-03-04-1' },
];

/** Customer ranks, most valuable first. */
export const DEMO_RANKS: Rank[] = [
  { code: 'D', label: 'ダイヤモンド', color: '#5b2a86', sortOrder: 1 },
  { code: 'G', label: 'ゴールド', color: '#b8860b', sortOrder: 2 },
  { code: 'S', label: 'シルバー', color: '#708090', sortOrder: 3 },
  { code: 'B', label: 'ブロンズ', color: '#8c5a2b', sortOrder: 4 },
  { code: 'N', label: '一般', color: '#4a5568', sortOrder: 5 },
];

/** Gift codes: one code, one exact wrapping. */
export const DEMO_GIFT_CODES: GiftCode[] = [
  { code: 'G01', wrapping: '包装紙(ベージュ)', ribbon: null, noshiInscription: null, noshiPlacement: null, description: 'コーポレート包装' },
  { code: 'G02', wrapping: '包装紙(赤)', ribbon: '金リボン', noshiInscription: null, noshiPlacement: null, description: 'バースデー包装+メッセージカード' },
  { code: 'N10', wrapping: '包装紙(白)', ribbon: null, noshiInscription: '御祝', noshiPlacement: 'outer', description: '紅白蝶結び 外のし 名入れあり' },
  { code: 'N20', wrapping: '包装紙(白)', ribbon: null, noshiInscription: '内祝', noshiPlacement: 'inner', description: '紅白蝶結び 内のし 名入れあり' },
];

/** Inserts; the sample has no barcode and is confirmed by tap. */
export const DEMO_INSERTS: Insert[] = [
  { code: 'L01', name: 'ブランドブック', barcode: withCheckDigit('200000001001') },
  { code: 'L02', name: 'サンクスカード(手書き欄あり)', barcode: withCheckDigit('200000001002') },
  { code: 'L04', name: '次回10%OFFクーポン', barcode: withCheckDigit('200000001004') },
  { code: 'L05', name: 'サンプル(美容液 2mL)', barcode: null },
];

/** The brand's human-touch instructions per flag. */
export const DEMO_HUMAN_TOUCH_RULES: HumanTouchRule[] = [
  {
    flag: 'FIRST_PURCHASE',
    instruction: 'サンクスカードに手書きでお礼を一言。ブランドブックを同梱',
    instructionEn: 'Hand-write a short thank-you on the thanks card. Add the brand book.',
    returnInstruction: '初めてのご購入品の返品です。状態を丁寧に確かめ、返品理由を必ず選んでください',
    returnInstructionEn: 'A return of their first purchase: check its state with care and always choose the reason.',
    insertCodes: ['L02', 'L01'],
  },
  {
    flag: 'SECOND_PURCHASE',
    instruction: '2回目のご購入へのお礼に次回10%OFFクーポンを同梱',
    instructionEn: 'Thank them for coming back: add the 10% off coupon.',
    returnInstruction: '2回目のご購入品の返品です。返品理由を必ず選び、気になる点はメモに残してください',
    returnInstructionEn: 'A return of their second purchase: always choose the reason and note anything that concerns you.',
    insertCodes: ['L04'],
  },
  {
    flag: 'FIRST_RETURN',
    instruction: '前回の返品のお詫びとお礼を一言添え、緩衝材を多めに丁寧に梱包',
    instructionEn: 'Add a short apology-and-thanks note for the last return; pack with extra care and cushioning.',
    returnInstruction: '初めての返品です。丁寧に検品し、気になる点はメモに残してください',
    returnInstructionEn: 'Their first return: inspect with care and note anything that concerns you.',
    insertCodes: [],
  },
];

/** Return reasons (返品理由), in the order the device lists them. */
export const DEMO_RETURN_REASONS: ReturnReason[] = [
  { code: 'R01', label: 'サイズ違い', labelEn: 'Wrong size', sortOrder: 1 },
  { code: 'R02', label: 'イメージ違い', labelEn: 'Not as expected', sortOrder: 2 },
  { code: 'R03', label: '不良品', labelEn: 'Defective', sortOrder: 3 },
  { code: 'R04', label: '誤配送', labelEn: 'Wrong item delivered', sortOrder: 4 },
  { code: 'R99', label: 'その他', labelEn: 'Other', sortOrder: 99 },
];

/** A demo shipment: a back-office shipment instruction, always with an e-mail. */
export type DemoShipment = BackOfficeShipment & { customerEmail: string };

type DemoShipmentSpec = Partial<DemoShipment> & Pick<DemoShipment, 'shipmentId' | 'customerId' | 'customerName' | 'rankCode' | 'lines'>;

function shipment(n: number, input: DemoShipmentSpec): DemoShipment {
  return {
    orderNumber: `2026112${String(4000 + n).padStart(5, '0')}`,
    orderDate: '2026-11-23',
    customerEmail: `${input.customerId.toLowerCase()}@example.jp`,
    purchaseCount: 3,
    returnCount: 0,
    parcelsSinceFirstReturn: 0,
    giftCode: null,
    noshiName: null,
    message: null,
    insertCodes: [],
    carrier: '宅配便',
    status: 'released',
    holdReason: null,
    recipient: demoRecipientOf(n, input.customerName),
    deliveryDate: null,
    deliveryTimeBand: n % 4 === 0 ? '午前中' : null,
    boxCount: 1,
    ...input,
  };
}

/** The demo shipments: the scenarios first, then ordinary parcels so the list looks real. */
export const DEMO_SHIPMENTS: DemoShipment[] = [
  shipment(1, { shipmentId: 'S0000001', customerId: 'C100101', customerName: '高橋 陽子', rankCode: 'N', insertCodes: ['L01'], carrier: 'ゆうパケット', lines: [{ productCode: 'SKU-1001', qty: 1 }] }),
  shipment(2, {
    shipmentId: 'S0000002', customerId: 'C100102', customerName: '田中 恵', rankCode: 'G', purchaseCount: 1,
    giftCode: 'N10', noshiName: '田中', message: 'ご出産おめでとうございます。ささやかですがお祝いの品をお贈りします。',
    insertCodes: ['L05'],
    lines: [{ productCode: 'SKU-1002', qty: 1 }, { productCode: 'SKU-1006', qty: 2 }, { productCode: 'SKU-1007', qty: 1 }],
  }),
  shipment(3, { shipmentId: 'S0000003', customerId: 'C100103', customerName: '伊藤 さくら', rankCode: 'S', purchaseCount: 2, lines: [{ productCode: 'SKU-1003', qty: 1 }, { productCode: 'SKU-1005', qty: 1 }] }),
  shipment(4, { shipmentId: 'S0000004', customerId: 'C100104', customerName: '渡辺 直樹', rankCode: 'B', purchaseCount: 4, returnCount: 1, parcelsSinceFirstReturn: 0, lines: [{ productCode: 'SKU-1004', qty: 1 }] }),
  shipment(5, { shipmentId: 'S0000005', customerId: 'C100105', customerName: '山本 彩', rankCode: 'N', purchaseCount: 2, returnCount: 1, parcelsSinceFirstReturn: 0, lines: [{ productCode: 'SKU-1009', qty: 1 }, { productCode: 'SKU-1010', qty: 1 }] }),
  shipment(6, { shipmentId: 'S0000006', customerId: 'C100106', customerName: '中村 拓也', rankCode: 'S', status: 'held', holdReason: '前日注文キャンセル', lines: [{ productCode: 'SKU-1011', qty: 2 }] }),
  shipment(7, { shipmentId: 'S0000007', customerId: 'C100107', customerName: '小林 真由美', rankCode: 'G', giftCode: 'X99', noshiName: '小林', lines: [{ productCode: 'SKU-1001', qty: 1 }, { productCode: 'SKU-1002', qty: 1 }] }),
  shipment(8, { shipmentId: 'S0000008', customerId: 'C100108', customerName: '加藤 由紀', rankCode: 'S', giftCode: 'N20', noshiName: '加藤', lines: [{ productCode: 'SKU-1012', qty: 1 }, { productCode: 'SKU-1010', qty: 1 }] }),
  shipment(9, {
    shipmentId: 'S0000009', customerId: 'C100109', customerName: '吉田 麗子', rankCode: 'D', purchaseCount: 27,
    giftCode: 'G02', message: 'お誕生日おめでとう！いつもありがとう。', carrier: '宅配便(日時指定)',
    lines: [{ productCode: 'SKU-1006', qty: 1 }, { productCode: 'SKU-1008', qty: 1 }],
  }),
  shipment(10, { shipmentId: 'S0000010', customerId: 'C100110', customerName: '山田 健一', rankCode: 'N', lines: [{ productCode: 'SKU-1005', qty: 2 }] }),
  shipment(11, { shipmentId: 'S0000011', customerId: 'C100111', customerName: '佐々木 愛', rankCode: 'B', insertCodes: ['L05'], carrier: 'ゆうパケット', lines: [{ productCode: 'SKU-1008', qty: 1 }] }),
  shipment(12, { shipmentId: 'S0000012', customerId: 'C100112', customerName: '山口 花子', rankCode: 'S', purchaseCount: 1, lines: [{ productCode: 'SKU-1009', qty: 1 }, { productCode: 'SKU-1011', qty: 1 }] }),
  shipment(13, { shipmentId: 'S0000013', customerId: 'C100113', customerName: '松本 翔', rankCode: 'G', giftCode: 'G01', lines: [{ productCode: 'SKU-1003', qty: 3 }] }),
  shipment(14, { shipmentId: 'S0000014', customerId: 'C100114', customerName: '井上 美穂', rankCode: 'N', status: 'picked', lines: [{ productCode: 'SKU-1004', qty: 1 }, { productCode: 'SKU-1001', qty: 1 }] }),
  shipment(15, { shipmentId: 'S0000015', customerId: 'C100115', customerName: '木村 大輔', rankCode: 'D', purchaseCount: 12, insertCodes: ['L01'], lines: [{ productCode: 'SKU-1002', qty: 1 }, { productCode: 'SKU-1007', qty: 1 }, { productCode: 'SKU-1012', qty: 1 }] }),
  shipment(16, { shipmentId: 'S0000016', customerId: 'C100116', customerName: '林 結衣', rankCode: 'N', purchaseCount: 2, carrier: 'ゆうパケット', lines: [{ productCode: 'SKU-1010', qty: 1 }] }),
  shipment(17, { shipmentId: 'S0000017', customerId: 'C100117', customerName: '清水 沙織', rankCode: 'B', returnCount: 1, parcelsSinceFirstReturn: 2, lines: [{ productCode: 'SKU-1006', qty: 1 }] }),
  shipment(18, { shipmentId: 'S0000018', customerId: 'C100118', customerName: '森 一郎', rankCode: 'S', status: 'picking', carrier: '宅配便(クール)', lines: [{ productCode: 'SKU-1011', qty: 1 }, { productCode: 'SKU-1005', qty: 1 }] }),
  shipment(19, { shipmentId: 'S0000019', customerId: 'C100119', customerName: '池田 桃子', rankCode: 'G', purchaseCount: 5, giftCode: 'N10', noshiName: '池田', lines: [{ productCode: 'SKU-1001', qty: 2 }] }),
  // Picking: the same insert pattern (L04) and no gift, so each shape forms one batch of its own.
  shipment(20, { shipmentId: 'S0000020', customerId: 'C100120', customerName: '長谷川 京子', rankCode: 'D', purchaseCount: 9, orderDate: '2026-11-21', insertCodes: ['L04'], lines: [{ productCode: 'SKU-1006', qty: 1 }, { productCode: 'SKU-1009', qty: 1 }] }),
  shipment(21, { shipmentId: 'S0000021', customerId: 'C100121', customerName: '石川 美咲', rankCode: 'N', purchaseCount: 1, orderDate: '2026-11-22', insertCodes: ['L04'], lines: [{ productCode: 'SKU-1009', qty: 1 }, { productCode: 'SKU-1004', qty: 2 }] }),
  shipment(22, { shipmentId: 'S0000022', customerId: 'C100122', customerName: '前田 翔太', rankCode: 'S', orderDate: '2026-11-23', insertCodes: ['L04'], lines: [{ productCode: 'SKU-1009', qty: 1 }, { productCode: 'SKU-1002', qty: 1 }] }),
  shipment(23, { shipmentId: 'S0000023', customerId: 'C100123', customerName: '藤田 優子', rankCode: 'B', orderDate: '2026-11-22', insertCodes: ['L04'], lines: [{ productCode: 'SKU-1001', qty: 1 }] }),
  shipment(24, { shipmentId: 'S0000024', customerId: 'C100124', customerName: '岡田 誠', rankCode: 'N', orderDate: '2026-11-23', insertCodes: ['L04'], lines: [{ productCode: 'SKU-1003', qty: 1 }] }),
  // Returns: a customer with no return yet and two parcels; the second is not packed yet.
  shipment(30, { shipmentId: 'S0000030', customerId: 'C100130', customerName: '岡田 美和', rankCode: 'G', purchaseCount: 3, lines: [{ productCode: 'SKU-1003', qty: 1 }, { productCode: 'SKU-1010', qty: 1 }] }),
  shipment(31, { shipmentId: 'S0000031', customerId: 'C100130', customerName: '岡田 美和', rankCode: 'G', purchaseCount: 4, orderDate: '2026-11-24', lines: [{ productCode: 'SKU-1005', qty: 1 }] }),
];

/** A demo shipment as a device sees it: flags computed from history, no e-mail. */
function toDemoParcel(s: DemoShipment): Parcel {
  const flags = computeHumanTouchFlags(s);
  const { carrierId, service } = resolveCarrier(s.carrier, [], DEMO_WAREHOUSE.defaultCarrierId);
  const shipping = {
    carrierId,
    service,
    boxCount: s.boxCount ?? 1,
    labelScan: carrierId ? DEFAULT_LABEL_SCAN : ('off' as const),
    expectedTrackingNumbers: [],
    boundTrackingNumbers: [],
    loadedTrackingNumbers: [],
  };
  return { ...parcelFieldsOf(s), flags, flagBasis: flagBasisOf(flags, s, null), packedBy: null, customerReturnCount: s.returnCount, shipping };
}

/** The demo parcels as the first pull delivers them. */
export const DEMO_PARCELS: Parcel[] = DEMO_SHIPMENTS.map(toDemoParcel);

/** The demo catalogue as the first pull delivers it (staff of WH1). */
export const DEMO_CATALOGUE: Catalogue = {
  products: DEMO_PRODUCTS,
  ranks: DEMO_RANKS,
  giftCodes: DEMO_GIFT_CODES,
  inserts: DEMO_INSERTS,
  humanTouchRules: DEMO_HUMAN_TOUCH_RULES,
  staff: DEMO_STAFF,
  returnReasons: DEMO_RETURN_REASONS,
};
