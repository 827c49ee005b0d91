/** What a scanned text is: a slip, a staff badge, a location, an insert, a GTIN, a GS1 label, a misread or plain text. */
import { describe, expect, it } from 'vitest';
import { classifyScan, DEFAULT_SCAN_PATTERNS } from '../../../src/shared/scan/classify-scan.js';
import { withCheckDigit } from '../../../src/shared/scan/gtin.js';

const JAN = withCheckDigit('491234510001');
const CASE_GTIN = withCheckDigit(`1${JAN.slice(0, 12)}`); // indicator 1: a case of the JAN above

describe('classifyScan', () => {
  it.each([
    ['S0000001', { kind: 'slip', shipmentId: 'S0000001' }],
    [' S0000001\n', { kind: 'slip', shipmentId: 'S0000001' }],
    [`]C0S0000001`, { kind: 'slip', shipmentId: 'S0000001' }],
    ['ST001', { kind: 'staff', code: 'ST001' }],
    ['A-03-02-1', { kind: 'location', code: 'A-03-02-1' }],
    ['INS-9', { kind: 'insert', code: '9' }],
    ['INS-L01', { kind: 'insert', code: 'L01' }],
    ['4901234567894', { kind: 'gtin', code: '4901234567894' }],
    ['036000291452', { kind: 'gtin', code: '0036000291452' }],
    [`]E0${JAN}`, { kind: 'gtin', code: JAN }], // AIM symbology identifier stripped
    ['4901234567895', { kind: 'misread', text: '4901234567895' }],
    ['(01)0', { kind: 'misread', text: '(01)0' }],
    ['XYZ-9', { kind: 'text', text: 'XYZ-9' }],
  ])('%j → %j', (text, expected) => {
    expect(classifyScan(text)).toEqual(expected);
  });

  it('reads a GS1 case label as the GTIN inside, normalised like a plain scan', () => {
    const label = `]C101${withCheckDigit(`0${JAN.slice(0, 12)}`)}10LOT1`;
    expect(classifyScan(label)).toMatchObject({ kind: 'gs1', gtin: JAN, data: { lot: 'LOT1' } });
  });

  it('takes the code from a named group and uses patterns given by the warehouse', () => {
    const patterns = { ...DEFAULT_SCAN_PATTERNS, slip: /^SHIP:(?<code>\d{6})$/, location: /^LOC(?<code>\d+)$/ };
    expect(classifyScan('SHIP:123456', patterns)).toEqual({ kind: 'slip', shipmentId: '123456' });
    expect(classifyScan('LOC42', patterns)).toEqual({ kind: 'location', code: '42' });
    expect(classifyScan('S0000001', patterns)).toEqual({ kind: 'text', text: 'S0000001' });
  });

  it('a bare digit string starting with 01 stays a plain code unless it parses as GS1', () => {
    expect(classifyScan(`01${CASE_GTIN}`)).toMatchObject({ kind: 'text' }); // 16 digits, no further AI
    expect(classifyScan(`01${CASE_GTIN}10A`)).toMatchObject({ kind: 'gs1', gtin: CASE_GTIN });
  });
});
