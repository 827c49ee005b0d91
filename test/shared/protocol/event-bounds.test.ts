/** The event schema admits exactly what the server can store and send: times, sizes, byte counts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviceTimeSchema, syncEventSchema } from '../../../src/shared/protocol/events.js';
import { MAX_EVENT_BYTES, utf8Bytes } from '../../../src/shared/protocol/event-limits.js';
import { packedEvent, returnEvent } from '../../helpers/events.js';

describe('event bounds', () => {
  it.each([
    ['0001-01-01T00:00:00Z', true],
    ['1970-01-01T00:00:00Z', true],
    ['2026-11-24T10:00:00.123456Z', true],
    ['9999-12-31T23:59:59.999Z', true],
    ['0000-01-01T00:00:00Z', false],
    ['0000-12-31T23:59:59.999Z', false],
  ])('a device time of %s is accepted: %s', (at, ok) => {
    expect(deviceTimeSchema.safeParse(at).success).toBe(ok);
    expect(syncEventSchema.safeParse({ ...packedEvent('S0000001'), at }).success).toBe(ok);
  });

  it('counts UTF-8 bytes as the wire does, Japanese and non-BMP included', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => utf8Bytes(s) === Buffer.byteLength(s, 'utf8')));
    expect(utf8Bytes('あ𠮷a')).toBe(3 + 4 + 1);
  });

  it(`refuses an event over ${MAX_EVENT_BYTES} bytes of JSON even when every field is within its own maximum`, () => {
    const items = (n: number) => Array.from({ length: n }, () => ({ productCode: 'SKU-1001', qty: 1, condition: 'opened' as const, reasonCode: 'R03', note: '返'.repeat(500) }));
    const fits = returnEvent('S0000001', { items: items(10) });
    const heavy = returnEvent('S0000001', { items: items(60) });
    expect(syncEventSchema.safeParse(fits).success).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(heavy))).toBeGreaterThan(MAX_EVENT_BYTES);
    expect(syncEventSchema.safeParse(heavy).success).toBe(false);
  });
});
