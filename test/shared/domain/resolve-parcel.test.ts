import { describe, expect, it } from 'vitest';
import { resolveParcel } from '../../../src/shared/domain/resolve-parcel.js';
import { index, makeParcel } from '../../helpers/fixtures/catalogue.js';

describe('resolveParcel', () => {
  it('resolves the gift code into the exact wrapping and noshi, with the noshi name and message', () => {
    const r = resolveParcel(makeParcel({ giftCode: 'N10', noshiName: '加藤', message: 'おめでとう' }), index);
    expect(r.gift).toMatchObject({
      status: 'ok',
      gift: { wrapping: '包装紙(白)', noshiInscription: '御祝', noshiPlacement: 'outer' },
      noshiName: '加藤',
      message: 'おめでとう',
    });
    expect(r.block).toBeNull();
  });

  it('blocks an unknown gift code instead of guessing a wrapping', () => {
    const r = resolveParcel(makeParcel({ giftCode: 'X99' }), index);
    expect(r.gift).toEqual({ status: 'unknown', code: 'X99' });
    expect(r.block).toEqual({ reason: 'giftUnknown', code: 'X99' });
  });

  it('adds the inserts of each flag rule after the order inserts, without repeating one', () => {
    const r = resolveParcel(makeParcel({ insertCodes: ['L05', 'L01'], flags: ['FIRST_PURCHASE'] }), index);
    expect(r.inserts.map((i) => [i.code, i.source])).toEqual([
      ['L05', 'order'],
      ['L01', 'order'],
      ['L02', 'flag'],
    ]);
  });

  it('gives each flag its configured instruction', () => {
    const r = resolveParcel(makeParcel({ flags: ['FIRST_PURCHASE', 'FIRST_RETURN'] }), index);
    expect(r.flags).toEqual([
      { flag: 'FIRST_PURCHASE', instruction: 'サンクスカードに手書きでお礼を', instructionEn: 'Hand-write the thank-you card' },
      { flag: 'FIRST_RETURN', instruction: 'お詫びの一筆を添える', instructionEn: null },
    ]);
  });

  it('sums lines of the same product and totals the units', () => {
    const r = resolveParcel(makeParcel({ lines: [{ productCode: 'SKU-1', qty: 1 }, { productCode: 'SKU-2', qty: 2 }, { productCode: 'SKU-1', qty: 1 }] }), index);
    expect(r.lines.map((l) => [l.productCode, l.qty, l.location])).toEqual([
      ['SKU-1', 2, 'A-01-03-2'],
      ['SKU-2', 2, 'B-01-04-1'],
    ]);
    expect(r.totalUnits).toBe(4);
  });

  it.each([
    { name: 'held', parcel: makeParcel({ status: 'held', holdReason: '前日注文キャンセル' }), block: { reason: 'held', holdReason: '前日注文キャンセル' } },
    { name: 'packed', parcel: makeParcel({ status: 'packed' }), block: { reason: 'packed' } },
    { name: 'unknown insert', parcel: makeParcel({ insertCodes: ['L99'] }), block: { reason: 'insertUnknown', code: 'L99' } },
    { name: 'unknown product', parcel: makeParcel({ lines: [{ productCode: 'SKU-404', qty: 1 }] }), block: { reason: 'productUnknown', code: 'SKU-404' } },
  ])('blocks a $name parcel', ({ parcel, block }) => {
    expect(resolveParcel(parcel, index).block).toEqual(block);
  });

  it('finds the rank badge, or none for a rank not in the catalogue', () => {
    expect(resolveParcel(makeParcel({ rankCode: 'G' }), index).rank?.label).toBe('ゴールド');
    expect(resolveParcel(makeParcel({ rankCode: 'Z' }), index).rank).toBeNull();
  });
});
