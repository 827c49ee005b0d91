import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidTrackingNumber, sevenDrCheckDigit } from '../../../src/shared/domain/tracking-number.js';

const elevenDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 11, maxLength: 11 });

describe('tracking numbers per carrier', () => {
  it.each([
    ['yamato', '444413758703', true], // a sample Yamato number (check digit 3)
    ['yamato', '123456789013', true], // 12345678901 mod 7 = 3
    ['yamato', '123456789014', false],
    ['sagawa', '512547514334', true],
    ['japanpost', '405548424886', true], // the sample ゆうパック number 4055-4842-4886
    ['japanpost', '405548424887', false],
    ['yamato', '12345678901', false], // eleven digits: the check digit is missing
    ['yamato', '1234567890134', false],
    ['yamato', '12345678901a', false],
    ['other', '12345678', true],
    ['other', '12345678901234567890', true],
    ['other', '1234567', false],
    ['other', '123456789012345678901', false],
  ] as const)('%s %s valid=%s', (carrier, digits, valid) => {
    expect(isValidTrackingNumber(carrier, digits)).toBe(valid);
  });

  it('Yamato, Sagawa and Japan Post accept exactly the 12 digits whose last is the first eleven mod 7', () => {
    fc.assert(
      fc.property(fc.constantFrom('yamato', 'sagawa', 'japanpost' as const), elevenDigits, fc.integer({ min: 0, max: 9 }), (carrier, body, last) => {
        const expected = Number(BigInt(body) % 7n);
        expect(sevenDrCheckDigit(body)).toBe(expected);
        expect(isValidTrackingNumber(carrier, body + String(last))).toBe(last === expected);
      }),
    );
  });

  it('a single mistyped body digit is caught unless it changes the number by a multiple of 7', () => {
    fc.assert(
      fc.property(elevenDigits, fc.nat({ max: 10 }), fc.integer({ min: 1, max: 9 }), (body, pos, delta) => {
        const good = body + String(sevenDrCheckDigit(body));
        const digit = Number(good[pos]);
        const wrongDigit = (digit + delta) % 10;
        const wrong = good.slice(0, pos) + String(wrongDigit) + good.slice(pos + 1);
        // The number moves by (wrongDigit - digit)·10^k; 7 divides it only when 7 divides the digit change.
        const caught = (wrongDigit - digit) % 7 !== 0;
        expect(isValidTrackingNumber('yamato', wrong)).toBe(!caught);
      }),
    );
  });

  it('other carriers: any 8 to 20 digits, nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 30 }), (digits) => {
        expect(isValidTrackingNumber('other', digits)).toBe(digits.length >= 8 && digits.length <= 20);
      }),
    );
    expect(isValidTrackingNumber('other', '1234-5678')).toBe(false);
  });
});
