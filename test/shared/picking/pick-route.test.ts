/** The walking route: property tests (fast-check) and the serpentine by example. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLocationFormat, LocationFormatError } from '../../../src/shared/picking/location.js';
import { compareRouteKeys, orderByRoute } from '../../../src/shared/picking/pick-route.js';

const format = compileLocationFormat('{zone}-{aisle}-{bay}-{level}');
const pad = (n: number) => String(n).padStart(2, '0');

/** A location label: mostly well-formed, sometimes junk that must go last. */
const locationArb = fc.oneof(
  { weight: 5, arbitrary: fc.record({ zone: fc.constantFrom('A', 'B', 'C', 'D'), aisle: fc.integer({ min: 1, max: 12 }), bay: fc.integer({ min: 1, max: 20 }), level: fc.integer({ min: 1, max: 6 }) }).map((l) => `${l.zone}-${pad(l.aisle)}-${pad(l.bay)}-${l.level}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '棚外', 'A-1', 'TEMP', 'Z-xx-01-1') },
);
/** Stops with unique product codes (the tie-breaker), as a pick list has. */
const stopsArb = fc.uniqueArray(fc.record({ code: fc.stringMatching(/^SKU-\d{4}$/), location: locationArb }), { selector: (s) => s.code, maxLength: 60 });

const route = (stops: { code: string; location: string }[]) => orderByRoute(stops, (s) => s.location, (s) => s.code, format);

describe('walking route (properties)', () => {
  it('visits every stop exactly once', () => {
    fc.assert(
      fc.property(stopsArb, (stops) => {
        const visited = route(stops).map((r) => r.item.code);
        expect([...visited].sort()).toEqual(stops.map((s) => s.code).sort());
      }),
    );
  });

  it('puts the stops in route-key order, unparsed labels last', () => {
    fc.assert(
      fc.property(stopsArb, (stops) => {
        const routed = route(stops);
        for (let i = 1; i < routed.length; i++) expect(compareRouteKeys(routed[i - 1].key, routed[i].key)).toBeLessThan(0);
        const firstUnparsed = routed.findIndex((r) => r.location === null);
        if (firstUnparsed >= 0) expect(routed.slice(firstUnparsed).every((r) => r.location === null)).toBe(true);
      }),
    );
  });

  it('gives the same route for the same stops, whatever order they come in', () => {
    fc.assert(
      fc.property(stopsArb.chain((stops) => fc.tuple(fc.constant(stops), fc.shuffledSubarray(stops, { minLength: stops.length, maxLength: stops.length }))), ([stops, shuffled]) => {
        expect(route(shuffled).map((r) => r.item.code)).toEqual(route(stops).map((r) => r.item.code));
      }),
    );
  });

  it('walks each aisle in one direction: up the bays in odd aisles, down in even ones', () => {
    fc.assert(
      fc.property(stopsArb, (stops) => {
        const parsed = route(stops).filter((r) => r.location !== null).map((r) => r.location!);
        for (let i = 1; i < parsed.length; i++) {
          const [a, b] = [parsed[i - 1], parsed[i]];
          if (a.zone !== b.zone || a.aisle !== b.aisle || a.bay === b.bay) continue;
          expect(a.aisle % 2 === 1 ? a.bay < b.bay : a.bay > b.bay).toBe(true);
        }
      }),
    );
  });
});

describe('walking route (examples)', () => {
  it('goes zone by zone, snaking through the aisles, level by level within a bay', () => {
    const stops = ['B-01-01-1', 'A-02-05-1', 'A-01-09-1', 'A-02-01-1', 'A-01-02-2', 'A-01-02-1', 'A-03-01-1', '棚外'].map((location, i) => ({ code: `P${i}`, location }));
    expect(route(stops).map((r) => r.item.location)).toEqual(['A-01-02-1', 'A-01-02-2', 'A-01-09-1', 'A-02-05-1', 'A-02-01-1', 'A-03-01-1', 'B-01-01-1', '棚外']);
  });

  it('flags labels that do not fit the format and keeps them in a stable order', () => {
    const routed = route([{ code: 'P2', location: 'TEMP' }, { code: 'P1', location: 'TEMP' }, { code: 'P3', location: '' }]);
    expect(routed.map((r) => [r.item.code, r.location])).toEqual([['P3', null], ['P1', null], ['P2', null]]);
  });
});

describe('location format', () => {
  it('parses the configured pattern, with or without separators', () => {
    expect(format.parse('A-03-02-1')).toEqual({ zone: 'A', aisle: 3, bay: 2, level: 1 });
    expect(format.parse(' b-10-12-3 ')).toEqual({ zone: 'B', aisle: 10, bay: 12, level: 3 });
    expect(format.parse('A-03-02')).toBeNull();
    const packed = compileLocationFormat('{zone:1}{aisle:2}{bay:2}{level:1}');
    expect(packed.parse('C03121')).toEqual({ zone: 'C', aisle: 3, bay: 12, level: 1 });
    expect(packed.parse('C0312')).toBeNull();
    const reordered = compileLocationFormat('{zone}/{level}F/{aisle}.{bay}');
    expect(reordered.parse('2/3F/14.07')).toEqual({ zone: '2', aisle: 14, bay: 7, level: 3 });
  });

  it('refuses a pattern that misses or repeats a field', () => {
    expect(() => compileLocationFormat('{zone}-{aisle}-{bay}')).toThrow(LocationFormatError);
    expect(() => compileLocationFormat('{zone}-{aisle}-{bay}-{bay}-{level}')).toThrow(LocationFormatError);
    expect(() => compileLocationFormat('{zone}-{row}-{bay}-{level}')).toThrow(/row/);
  });
});
