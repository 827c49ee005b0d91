import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, isValidGtin, normaliseGtin, withCheckDigit } from '../../../src/shared/scan/gtin.js';

describe('GTIN check digits', () => {
  it.each([
    ['4901234567894', true], // JAN
    ['4901234567895', false],
    ['96385074', true], // EAN-8
    ['036000291452', true], // UPC-A
    ['036000291453', false],
    ['14901234567891', true], // ITF-14
    ['490123456789', false], // 12 digits read as UPC-A: bad check
  ])('%s valid=%s', (code, valid) => {
    expect(isValidGtin(code)).toBe(valid);
  });

  it('every code made with withCheckDigit is valid, and every single-digit error is caught', () => {
    fc.assert(
      fc.property(fc.constantFrom(7, 11, 12, 13), fc.integer({ min: 0, max: 1e15 }), fc.nat(), fc.integer({ min: 1, max: 9 }), (len, seed, pos, delta) => {
        const body = String(seed).padStart(len, '0').slice(-len);
        const code = withCheckDigit(body);
        expect(isValidGtin(code)).toBe(true);
        const i = pos % code.length;
        const wrong = code.slice(0, i) + String((Number(code[i]) + delta) % 10) + code.slice(i + 1);
        expect(isValidGtin(wrong)).toBe(false);
      }),
    );
  });

  it('normalises UPC-A and GTIN-14 with indicator 0 to the same EAN-13', () => {
    const upc = '036000291452';
    expect(normaliseGtin(upc)).toBe('0036000291452');
    expect(normaliseGtin(`00${upc}`)).toBe('0036000291452');
    expect(gtinCheckDigit('003600029145')).toBe(2);
  });
});
