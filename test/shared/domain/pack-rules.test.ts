/** What "packed" means: the rules the device and the server both apply. */
import { describe, expect, it } from 'vitest';
import type { ParcelStatus } from '../../../src/shared/domain/parcel.js';
import { packedItemsDifference, packedParcel, packStatusBlock } from '../../../src/shared/domain/pack-rules.js';
import { makeParcel } from '../../helpers/fixtures/catalogue.js';

const ALL: ParcelStatus[] = ['released', 'picking', 'picked', 'packed', 'shipped', 'held'];

describe('pack rules', () => {
  it('lets a parcel be packed unless it is held, packed or shipped', () => {
    expect(ALL.map((status) => [status, packStatusBlock({ status, holdReason: status === 'held' ? '前日注文キャンセル' : null })?.reason ?? null])).toEqual([
      ['released', null],
      ['picking', null],
      ['picked', null],
      ['packed', 'packed'],
      ['shipped', 'packed'],
      ['held', 'held'],
    ]);
    expect(packStatusBlock({ status: 'held', holdReason: '前日注文キャンセル' })).toEqual({ reason: 'held', holdReason: '前日注文キャンセル' });
  });

  it('accepts a pack only with exactly the ordered units, summing lines of one product, and says what differs', () => {
    const parcel = makeParcel({ lines: [{ productCode: 'SKU-1', qty: 1 }, { productCode: 'SKU-2', qty: 1 }, { productCode: 'SKU-1', qty: 1 }] });
    expect(packedItemsDifference(parcel, [{ productCode: 'SKU-2', qty: 1 }, { productCode: 'SKU-1', qty: 2 }])).toBeNull();
    expect(packedItemsDifference(parcel, [{ productCode: 'SKU-1', qty: 1 }, { productCode: 'SKU-3', qty: 1 }])).toBe(
      'SKU-1: expected 2, packed 1; SKU-2: expected 1, packed 0; SKU-3: expected 0, packed 1',
    );
  });

  it('marks a parcel packed with who packed it', () => {
    const by = { staffName: '佐藤', deviceName: 'pack-01', at: '2026-11-24T09:00:00Z' };
    expect(packedParcel(makeParcel(), by)).toMatchObject({ status: 'packed', packedBy: by, shipmentId: 'S0000001' });
  });
});
