import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidTrackingNumber, mod7CheckDigit } from '../../../src/shared/domain/tracking-number.js';

const eleven = fc.stringMatching(/^\d{11}$/);

describe('tracking-number check digits', () => {
  it('7DR: the check digit is the first eleven digits as a number, modulo 7', () => {
    fc.assert(fc.property(eleven, (d) => mod7CheckDigit(d) === Number(BigInt(d) % 7n)));
  });

  it('Yamato and Sagawa accept exactly the one right check digit', () => {
    fc.assert(
      fc.property(eleven, fc.integer({ min: 0, max: 9 }), fc.constantFrom('yamato' as const, 'sagawa' as const), (d, last, carrier) => {
        const ok = Number(BigInt(d) % 7n) === last;
        expect(isValidTrackingNumber(carrier, `${d}${last}`)).toBe(ok);
      }),
    );
  });

  it('a changed digit or a transposition of unequal digits is caught unless it keeps the value mod 7', () => {
    fc.assert(
      fc.property(eleven, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (d, at, delta) => {
        const good = `${d}${mod7CheckDigit(d)}`;
        const digit = (Number(good[at]) + delta) % 10;
        const bad = `${good.slice(0, at)}${digit}${good.slice(at + 1)}`;
        const sameMod = BigInt(bad.slice(0, 11)) % 7n === BigInt(good.slice(0, 11)) % 7n;
        expect(isValidTrackingNumber('yamato', bad)).toBe(sameMod);
      }),
    );
  });

  it('refuses the wrong length, letters and full-width digits (normalise first)', () => {
    expect(isValidTrackingNumber('yamato', '12345678901')).toBe(false);
    expect(isValidTrackingNumber('yamato', '4012345678903'.slice(0, 12).replace('4', 'a'))).toBe(false);
    expect(isValidTrackingNumber('sagawa', '１２３４５６７８９０１２')).toBe(false);
    expect(isValidTrackingNumber('yamato', '400000000004')).toBe(Number(40000000000n % 7n) === 4);
  });

  it('Japan Post numbers are checked for shape only (11–13 digits)', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{11,13}$/), (d) => isValidTrackingNumber('japanpost', d)));
    expect(isValidTrackingNumber('japanpost', '1234567890')).toBe(false);
    expect(isValidTrackingNumber('japanpost', '12345678901234')).toBe(false);
  });
});
