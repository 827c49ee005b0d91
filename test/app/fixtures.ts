/** Small catalogue and parcels for the app tests. */
import type { Catalogue } from '../../src/shared/domain/catalogue.js';
import type { Parcel } from '../../src/shared/domain/parcel.js';
import { withCheckDigit } from '../../src/shared/scan/gtin.js';

export const TEA_JAN = withCheckDigit('490000000001');
export const CUP_JAN = withCheckDigit('490000000002');
export const LEAFLET_JAN = withCheckDigit('490000000099');

export const catalogue: Catalogue = {
  products: [
    { code: 'P-TEA', name: '煎茶 100g', barcodes: [TEA_JAN], location: 'A-01-01-1' },
    { code: 'P-CUP', name: '湯呑み', barcodes: [CUP_JAN], location: 'B-02-03-2' },
  ],
  ranks: [{ code: 'G', label: 'ゴールド', color: '#d4af37', sortOrder: 2 }],
  giftCodes: [],
  inserts: [
    { code: 'LEAF', name: 'ブランドリーフレット', barcode: LEAFLET_JAN },
    { code: 'CARD', name: '手書きカード', barcode: null },
  ],
  humanTouchRules: [],
  staff: [{ id: 'staff-1', code: 'ST001', name: '佐藤' }],
};

/** A parcel ready to pack: 2 × tea, 1 × cup, one scannable insert. */
export function parcel(shipmentId = 'S0700001', patch: Partial<Parcel> = {}): Parcel {
  return {
    shipmentId,
    orderNumber: 'O-1',
    orderDate: '2026-11-20',
    customerId: 'C-1',
    customerName: '山田 花子',
    rankCode: 'G',
    flags: [],
    giftCode: null,
    noshiName: null,
    message: null,
    insertCodes: ['LEAF'],
    carrier: 'yamato',
    status: 'picked',
    holdReason: null,
    packedBy: null,
    lines: [
      { productCode: 'P-TEA', qty: 2 },
      { productCode: 'P-CUP', qty: 1 },
    ],
    ...patch,
  };
}

let n = 0;
/** A fresh database name per test (fake-indexeddb keeps them in memory). */
export function dbName(): string {
  n += 1;
  return `floorpack-test-${n}-${Math.random().toString(36).slice(2)}`;
}

/** UUIDs for events, deterministic per test. */
export function ids(prefix = '00000000-0000-4000-8000-'): () => string {
  let i = 0;
  return () => `${prefix}${String(++i).padStart(12, '0')}`;
}
