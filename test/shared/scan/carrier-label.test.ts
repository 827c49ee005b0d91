import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sevenDrCheckDigit } from '../../../src/shared/domain/tracking-number.js';
import { labelDigits, normaliseLabel, readCarrierLabel } from '../../../src/shared/scan/carrier-label.js';

const digit = fc.constantFrom(...'0123456789');
const validYamato = fc.string({ unit: digit, minLength: 11, maxLength: 11 }).map((body) => body + String(sevenDrCheckDigit(body)));
const startStop = fc.constantFrom('', 'a', 'b', 'c', 'd', 'A', 'B', 'C', 'D');
const separator = fc.constantFrom('', '-', ' ', '　', '－', 'ー', '‐', '−');
const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** A label as a wedge or a person might deliver it: grouped 4-4-4, wrapped in start/stop letters. */
const delivered = fc.record({ number: validYamato, start: startStop, stop: startStop, sep: separator, wide: fc.boolean(), aim: fc.boolean() }).map((r) => {
  const grouped = [r.number.slice(0, 4), r.number.slice(4, 8), r.number.slice(8)].join(r.sep);
  const body = r.wide ? toFullWidth(grouped) : grouped;
  return { number: r.number, text: `${r.aim ? ']F0' : ''}${r.start}${body}${r.stop}` };
});

describe('normalising a scanned label', () => {
  it.each([
    ['a444413758703a', '444413758703'],
    ['D4444-1375-8703B', '444413758703'],
    ['４４４４－１３７５－８７０３', '444413758703'],
    [' 4444 1375 8703 ', '444413758703'],
    [']F0a444413758703a', '444413758703'],
  ])('%s → %s', (raw, digits) => {
    expect(normaliseLabel(raw)).toBe(digits);
    expect(readCarrierLabel(raw, 'yamato')).toEqual({ ok: true, trackingNumber: digits });
  });

  it('start/stop letters, hyphens, spaces, full-width digits and an AIM prefix never change the number read', () => {
    fc.assert(
      fc.property(delivered, ({ number, text }) => {
        expect(readCarrierLabel(text, 'yamato')).toEqual({ ok: true, trackingNumber: number });
        expect(labelDigits(text)).toBe(number);
      }),
    );
  });

  it('a normalised label has no spaces or hyphens left, and a digit string stays as it is', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(normaliseLabel(s)).not.toMatch(/[\s\-－ー]/);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: digit, minLength: 1 }), (s) => {
        expect(normaliseLabel(s)).toBe(s);
      }),
    );
  });

  it('says why a scan is no label of the carrier', () => {
    expect(readCarrierLabel('S0000002', 'yamato')).toMatchObject({ ok: false, error: 'notDigits' });
    expect(readCarrierLabel('a44441375870a', 'yamato')).toMatchObject({ ok: false, error: 'length' });
    expect(readCarrierLabel('a444413758704a', 'sagawa')).toMatchObject({ ok: false, error: 'checkDigit' });
    expect(readCarrierLabel('1234567', 'other')).toMatchObject({ ok: false, error: 'length' });
    expect(readCarrierLabel('12-34-56-78', 'other')).toEqual({ ok: true, trackingNumber: '12345678' });
    // A letter in the middle is not a start/stop character: never dropped, so the scan is refused.
    expect(readCarrierLabel('4444a13758703', 'yamato')).toMatchObject({ ok: false, error: 'notDigits' });
  });

  it('a valid number with any single digit changed by a non-multiple of 7 is refused as a check-digit error', () => {
    fc.assert(
      fc.property(validYamato, fc.nat({ max: 11 }), fc.integer({ min: 1, max: 9 }), (number, pos, delta) => {
        const d = Number(number[pos]);
        const changed = (d + delta) % 10;
        fc.pre((changed - d) % 7 !== 0);
        const wrong = number.slice(0, pos) + String(changed) + number.slice(pos + 1);
        expect(readCarrierLabel(`a${wrong}a`, 'yamato')).toMatchObject({ ok: false, error: 'checkDigit' });
      }),
    );
  });
});
