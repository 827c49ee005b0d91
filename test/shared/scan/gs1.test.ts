import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyScan } from '../../../src/shared/scan/classify-scan.js';
import { formatGs1HumanReadable, formatGs1Transmitted, GS, parseGs1, type Gs1Element } from '../../../src/shared/scan/gs1.js';
import { gtinLookupKeys, isValidGtin, normaliseGtin, withCheckDigit } from '../../../src/shared/scan/gtin.js';

const JAN = withCheckDigit('491234510001');
const CASE_GTIN = withCheckDigit(`1${JAN.slice(0, 12)}`); // indicator 1: a case of the JAN above

describe('parseGs1', () => {
  it.each([
    ['human readable', `(01)${CASE_GTIN}(17)261231(10)LOT7(21)SN0042(30)12`],
    ['GS1-128 with ]C1 and GS', `]C101${CASE_GTIN}17261231${'10LOT7' + GS}21SN0042${GS}3012`],
    ['DataMatrix ]d2', `]d201${CASE_GTIN}17261231${'10LOT7' + GS}21SN0042${GS}3012`],
    ['no symbology identifier', `01${CASE_GTIN}17261231${'10LOT7' + GS}21SN0042${GS}3012`],
    ['leading FNC1 passed through as GS', `${GS}01${CASE_GTIN}17261231${'10LOT7' + GS}21SN0042${GS}3012`],
  ])('reads GTIN, lot, expiry, serial and count from the %s form', (_, text) => {
    const result = parseGs1(text);
    expect(result).toMatchObject({
      ok: true,
      data: { gtin: CASE_GTIN, lot: 'LOT7', expiry: '2026-12-31', serial: 'SN0042', count: 12 },
    });
  });

  it('reads day 00 as the last day of the month', () => {
    expect(parseGs1(`(01)${CASE_GTIN}(17)280200`)).toMatchObject({ ok: true, data: { expiry: '2028-02-29' } });
  });

  it.each([
    ['a bad GTIN check digit', `(01)${CASE_GTIN.slice(0, 13)}${(Number(CASE_GTIN[13]) + 1) % 10}`, 'badCheckDigit'],
    ['an unknown AI', `(01)${CASE_GTIN}(99)X`, 'unknownAi'],
    ['a short fixed-length field', `01${CASE_GTIN.slice(0, 10)}`, 'badLength'],
    ['a lot longer than 20', `(10)${'A'.repeat(21)}`, 'badLength'],
    ['month 13', `(17)261301`, 'badDate'],
    ['31 February', `(17)260231`, 'badDate'],
    ['letters in a count', `(30)1A`, 'badCharacters'],
    ['the same AI twice', `(10)A(10)B`, 'duplicateAi'],
    ['nothing after the identifier', `]C1`, 'empty'],
  ])('refuses %s', (_, text, error) => {
    expect(parseGs1(text)).toEqual({ ok: false, error });
  });
});

/** A GS1 element list in a random order, each AI once. */
const elementsArb = fc
  .record({
    gtin: fc.stringMatching(/^\d{13}$/).map((body) => withCheckDigit(body)),
    lot: fc.option(fc.stringMatching(/^[A-Za-z0-9\-./]{1,20}$/), { nil: undefined }),
    expiry: fc.option(fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 28 })), { nil: undefined }),
    serial: fc.option(fc.stringMatching(/^[A-Za-z0-9]{1,20}$/), { nil: undefined }),
    count: fc.option(fc.integer({ min: 0, max: 99_999_999 }), { nil: undefined }),
  })
  .chain((r) => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const list: Gs1Element[] = [{ ai: '01', value: r.gtin }];
    if (r.lot !== undefined) list.push({ ai: '10', value: r.lot });
    if (r.expiry !== undefined) list.push({ ai: '17', value: r.expiry.map(pad).join('') });
    if (r.serial !== undefined) list.push({ ai: '21', value: r.serial });
    if (r.count !== undefined) list.push({ ai: '30', value: String(r.count) });
    return fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length });
  });

describe('GS1 properties', () => {
  it('the human-readable and transmitted forms (with or without ]C1) parse to the same elements', () => {
    fc.assert(
      fc.property(elementsArb, fc.constantFrom('', ']C1', ']d2', ']Q3'), (elements, id) => {
        const hri = parseGs1(formatGs1HumanReadable(elements));
        const sent = parseGs1(formatGs1Transmitted(elements, id));
        expect(hri).toEqual({ ok: true, data: expect.objectContaining({ elements }) });
        expect(sent).toEqual(hri);
      }),
    );
  });

  it('every single-digit error in the GTIN of a case label makes it a misread', () => {
    fc.assert(
      fc.property(elementsArb, fc.nat(), fc.integer({ min: 1, max: 9 }), (elements, pos, delta) => {
        const gtin = elements.find((e) => e.ai === '01')!.value;
        const i = pos % 14;
        const wrong = gtin.slice(0, i) + String((Number(gtin[i]) + delta) % 10) + gtin.slice(i + 1);
        const bad = elements.map((e) => (e.ai === '01' ? { ai: '01', value: wrong } : e));
        expect(classifyScan(formatGs1Transmitted(bad, ']C1')).kind).toBe('misread');
        expect(classifyScan(formatGs1HumanReadable(bad)).kind).toBe('misread');
      }),
    );
  });
});

describe('case GTINs', () => {
  it('a GTIN-14 with indicator 1–8 is looked up as itself, then as its base item', () => {
    expect(gtinLookupKeys(CASE_GTIN)).toEqual([CASE_GTIN, JAN]);
    expect(gtinLookupKeys(JAN)).toEqual([JAN]);
    const variable = withCheckDigit(`9${JAN.slice(0, 12)}`);
    expect(gtinLookupKeys(variable)).toEqual([variable]);
  });

  it('the base item of any case GTIN is a valid GTIN, for every indicator 1–8', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.stringMatching(/^\d{12}$/), (indicator, body) => {
        const item = withCheckDigit(body);
        const keys = gtinLookupKeys(withCheckDigit(`${indicator}${body}`));
        expect(keys[1]).toBe(item);
        expect(isValidGtin(keys[1])).toBe(true);
      }),
    );
  });

  it('an EAN-8 padded in a GTIN-14 is the EAN-8 again', () => {
    expect(normaliseGtin('00000096385074')).toBe('96385074');
  });
});
