/** A small catalogue and parcel builder for the shared flow tests. */
import type { Catalogue } from '../../src/shared/domain/catalogue.js';
import { indexCatalogue } from '../../src/shared/domain/catalogue-index.js';
import type { Parcel } from '../../src/shared/domain/parcel.js';
import { withCheckDigit } from '../../src/shared/scan/gtin.js';

export const LOTION_JAN = withCheckDigit('491234510001');
export const CREAM_JAN = withCheckDigit('491234510002');
export const BALM_JAN = withCheckDigit('491234510003');
export const SERUM_JAN = withCheckDigit('491234510004');
/** A UPC-A code; the catalogue stores it as the EAN-13 with a leading 0. */
export const US_SOAP_UPC = '036000291452';
export const UNKNOWN_JAN = withCheckDigit('491234599999');
export const BRAND_BOOK_BARCODE = withCheckDigit('200000001001');
export const THANKS_CARD_BARCODE = withCheckDigit('200000001002');

export const catalogue: Catalogue = {
  products: [
    { code: 'SKU-1', name: '美白ローション 150mL', barcodes: [LOTION_JAN], location: 'A-01-03-2' },
    { code: 'SKU-2', name: 'モイストクリーム 50g', barcodes: [CREAM_JAN], location: 'B-01-04-1' },
    { code: 'SKU-3', name: 'クレンジングバーム 90g', barcodes: [BALM_JAN], location: 'C-01-01-5' },
    { code: 'SKU-4', name: '美容液 30mL', barcodes: [SERUM_JAN], location: 'A-02-01-3' },
    { code: 'SKU-5', name: '輸入ソープ', barcodes: ['0036000291452'], location: 'D-01-01-1' },
  ],
  ranks: [
    { code: 'G', label: 'ゴールド', color: '#b8860b', sortOrder: 2 },
    { code: 'N', label: '一般', color: '#4a5568', sortOrder: 5 },
  ],
  giftCodes: [{ code: 'N10', wrapping: '包装紙(白)', ribbon: null, noshiInscription: '御祝', noshiPlacement: 'outer', description: '紅白蝶結び 名入れあり' }],
  inserts: [
    { code: 'L01', name: 'ブランドブック', barcode: BRAND_BOOK_BARCODE },
    { code: 'L02', name: 'サンクスカード', barcode: THANKS_CARD_BARCODE },
    { code: 'L05', name: 'サンプル', barcode: null },
  ],
  humanTouchRules: [
    { flag: 'FIRST_PURCHASE', instruction: 'サンクスカードに手書きでお礼を', instructionEn: 'Hand-write the thank-you card', insertCodes: ['L02', 'L01'] },
    { flag: 'FIRST_RETURN', instruction: 'お詫びの一筆を添える', instructionEn: null, insertCodes: [] },
  ],
  staff: [{ id: 'staff-1', code: 'ST001', name: '佐藤' }],
};

export const index = indexCatalogue(catalogue);

/** A plain single-item parcel; override any field. */
export function makeParcel(overrides: Partial<Parcel> = {}): Parcel {
  return {
    shipmentId: 'S0000001',
    orderNumber: '20261120001',
    orderDate: '2026-11-20',
    customerId: 'C1',
    customerName: '山田 花子',
    rankCode: 'N',
    flags: [],
    giftCode: null,
    noshiName: null,
    message: null,
    insertCodes: [],
    carrier: '宅配便',
    status: 'released',
    holdReason: null,
    packedBy: null,
    lines: [{ productCode: 'SKU-1', qty: 1 }],
    ...overrides,
  };
}
