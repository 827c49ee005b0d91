/** Shortage allocation: who goes without when fewer units are found than the batch needs. */
import { describe, expect, it } from 'vitest';
import { allocateShortage, type ShortageClaim } from '../../../src/shared/picking/shortage.js';

const claim = (shipmentId: string, qty: number, orderDate: string, rankOrder: number | null = 5): ShortageClaim => ({ shipmentId, qty, orderDate, rankOrder });

describe('allocateShortage', () => {
  const cases: { name: string; claims: ShortageClaim[]; found: number; rule?: 'newestOrderFirst' | 'lowestRankFirst'; already?: string[]; short: string[]; leftover: number }[] = [
    { name: 'the newest order loses first', claims: [claim('S1', 1, '2026-11-20'), claim('S2', 1, '2026-11-22'), claim('S3', 1, '2026-11-21')], found: 2, short: ['S2'], leftover: 0 },
    { name: 'two short: newest first, then the next newest', claims: [claim('S1', 1, '2026-11-20'), claim('S2', 1, '2026-11-22'), claim('S3', 1, '2026-11-21')], found: 1, short: ['S2', 'S3'], leftover: 0 },
    { name: 'same order date: the higher shipment id loses', claims: [claim('S9', 1, '2026-11-20'), claim('S10', 1, '2026-11-20')], found: 1, short: ['S9'], leftover: 0 },
    { name: 'nothing found: every parcel is short, newest first', claims: [claim('S1', 2, '2026-11-20'), claim('S2', 1, '2026-11-21')], found: 0, short: ['S2', 'S1'], leftover: 0 },
    { name: 'a parcel that cannot be filled whole gets nothing, and a smaller newer one is filled', claims: [claim('S1', 3, '2026-11-20'), claim('S2', 2, '2026-11-21')], found: 2, short: ['S1'], leftover: 0 },
    { name: 'units no whole parcel can use are leftover', claims: [claim('S1', 2, '2026-11-20'), claim('S2', 2, '2026-11-21')], found: 3, short: ['S2'], leftover: 1 },
    { name: 'a parcel already short elsewhere loses first, so no second parcel is lost', claims: [claim('S1', 1, '2026-11-20'), claim('S2', 1, '2026-11-22')], found: 1, already: ['S1'], short: ['S1'], leftover: 0 },
    { name: 'lowestRankFirst: the least valuable rank loses first', rule: 'lowestRankFirst', claims: [claim('S1', 1, '2026-11-20', 5), claim('S2', 1, '2026-11-22', 1)], found: 1, short: ['S1'], leftover: 0 },
    { name: 'lowestRankFirst: same rank falls back to newest order', rule: 'lowestRankFirst', claims: [claim('S1', 1, '2026-11-20', 2), claim('S2', 1, '2026-11-22', 2)], found: 1, short: ['S2'], leftover: 0 },
    { name: 'lowestRankFirst: an unknown rank counts as least valuable', rule: 'lowestRankFirst', claims: [claim('S1', 1, '2026-11-22', 5), claim('S2', 1, '2026-11-20', null)], found: 1, short: ['S2'], leftover: 0 },
  ];

  it.each(cases)('$name', ({ claims, found, rule, already, short, leftover }) => {
    const result = allocateShortage(claims, found, rule ?? 'newestOrderFirst', new Set(already ?? []));
    expect(result.shortShipmentIds).toEqual(short);
    expect(result.leftover).toBe(leftover);
    // Every parcel not short gets its whole quantity; short ones get nothing; nothing is invented.
    for (const c of claims) expect(result.allocations.find((a) => a.shipmentId === c.shipmentId)?.qty).toBe(short.includes(c.shipmentId) ? 0 : c.qty);
    expect(result.allocations.map((a) => a.shipmentId)).toEqual(claims.map((c) => c.shipmentId));
    expect(result.allocations.reduce((s, a) => s + a.qty, 0) + result.leftover).toBe(found);
  });

  it('gives the same answer whatever order the parcels come in', () => {
    const claims = [claim('S1', 1, '2026-11-20'), claim('S2', 2, '2026-11-22'), claim('S3', 1, '2026-11-21'), claim('S4', 1, '2026-11-22')];
    const a = allocateShortage(claims, 3, 'newestOrderFirst');
    const b = allocateShortage([...claims].reverse(), 3, 'newestOrderFirst');
    expect(b.shortShipmentIds).toEqual(a.shortShipmentIds);
  });
});
