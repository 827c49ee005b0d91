/** Batch building by work shape: separation, size limits, and never moving parcels in progress. */
import { describe, expect, it } from 'vitest';
import { planBatches, workKindOf, type BatchCandidate, type ExistingBatch } from '../../../src/shared/picking/pick-batch.js';

let n = 0;
const parcel = (patch: Partial<BatchCandidate> & { units?: number } = {}): BatchCandidate => {
  const { units = 1, ...rest } = patch;
  n += 1;
  return {
    shipmentId: `S${String(n).padStart(7, '0')}`,
    orderDate: '2026-11-23',
    lines: units === 1 ? [{ productCode: 'SKU-1', qty: 1 }] : [{ productCode: 'SKU-1', qty: 1 }, { productCode: 'SKU-2', qty: units - 1 }],
    insertCodes: [],
    giftCode: null,
    ...rest,
  };
};

describe('workKindOf', () => {
  it.each([
    { name: 'one unit is single-item (単品)', p: { lines: [{ productCode: 'A', qty: 1 }] }, shape: 'single' },
    { name: 'two units of one product is multi-item (複数品)', p: { lines: [{ productCode: 'A', qty: 2 }] }, shape: 'multi' },
    { name: 'two products is multi-item', p: { lines: [{ productCode: 'A', qty: 1 }, { productCode: 'B', qty: 1 }] }, shape: 'multi' },
  ])('$name', ({ p, shape }) => {
    expect(workKindOf({ insertCodes: [], giftCode: null, ...p }).shape).toBe(shape);
  });

  it('treats insert patterns as sets', () => {
    expect(workKindOf({ lines: [{ productCode: 'A', qty: 1 }], insertCodes: ['L04', 'L01', 'L04'], giftCode: null }).insertCodes).toEqual(['L01', 'L04']);
  });
});

describe('planBatches', () => {
  it('separates single from multi, then insert pattern, then gift code', () => {
    const single = parcel();
    const multi = parcel({ units: 2 });
    const singleCoupon = parcel({ insertCodes: ['L04'] });
    const singleGift = parcel({ giftCode: 'N10' });
    const singleGift2 = parcel({ giftCode: 'N10' });
    const plan = planBatches([multi, singleGift, single, singleCoupon, singleGift2], [], 30);
    expect(plan.create.map((b) => [b.shape, b.insertCodes.join('+'), b.giftCode, b.shipmentIds])).toEqual([
      ['single', '', null, [single.shipmentId]],
      ['single', '', 'N10', [singleGift.shipmentId, singleGift2.shipmentId]],
      ['single', 'L04', null, [singleCoupon.shipmentId]],
      ['multi', '', null, [multi.shipmentId]],
    ]);
  });

  it('cuts a kind into batches of at most the configured size, oldest orders first', () => {
    const parcels = Array.from({ length: 7 }, (_, i) => parcel({ orderDate: `2026-11-${String(27 - i).padStart(2, '0')}` }));
    const plan = planBatches(parcels, [], 3);
    expect(plan.create.map((b) => b.shipmentIds.length)).toEqual([3, 3, 1]);
    expect(plan.create[0].shipmentIds).toEqual([parcels[6], parcels[5], parcels[4]].map((p) => p.shipmentId));
    expect(planBatches(Array.from({ length: 31 }, () => parcel()), [], 30).create.map((b) => b.shipmentIds.length)).toEqual([30, 1]);
  });

  it('never moves a parcel that is in a claimed or completed batch', () => {
    const [a, b, c, d] = [parcel(), parcel(), parcel(), parcel()];
    const existing: ExistingBatch[] = [
      { batchId: 'B-claimed', status: 'claimed', shipmentIds: [a.shipmentId, b.shipmentId] },
      { batchId: 'B-done', status: 'completed', shipmentIds: [c.shipmentId] },
    ];
    const plan = planBatches([a, b, c, d], existing, 30);
    expect(plan.create.flatMap((x) => x.shipmentIds)).toEqual([d.shipmentId]);
    expect(plan.dissolve).toEqual([]);
  });

  it('keeps an open batch whose members are unchanged, and rebuilds one that changed', () => {
    const [a, b, c] = [parcel({ orderDate: '2026-11-01' }), parcel({ orderDate: '2026-11-02' }), parcel({ units: 2 })];
    const first = planBatches([a, b, c], [], 30);
    const existing: ExistingBatch[] = first.create.map((x, i) => ({ batchId: `B${i}`, status: 'open', shipmentIds: x.shipmentIds }));
    const again = planBatches([a, b, c], existing, 30);
    expect(again).toEqual({ keep: ['B0', 'B1'], dissolve: [], create: [] });
    // A new single-item parcel arrives: the single batch is rebuilt with it, the multi batch stays.
    const e = parcel({ orderDate: '2026-11-03' });
    const grown = planBatches([a, b, c, e], existing, 30);
    expect(grown.keep).toEqual(['B1']);
    expect(grown.dissolve).toEqual(['B0']);
    expect(grown.create.map((x) => x.shipmentIds)).toEqual([[a.shipmentId, b.shipmentId, e.shipmentId]]);
    // A parcel no longer released (held) leaves its open batch.
    const held = planBatches([b, c], existing, 30);
    expect(held.dissolve).toEqual(['B0']);
    expect(held.create.map((x) => x.shipmentIds)).toEqual([[b.shipmentId]]);
  });

  it('refuses a batch size that is not a positive whole number', () => {
    expect(() => planBatches([], [], 0)).toThrow(RangeError);
  });
});
