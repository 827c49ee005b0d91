/** GTIN (JAN/EAN-13, EAN-8, UPC-A, ITF-14) check digits and normalisation. */

/** Lengths that are GTINs when all digits: EAN-8, UPC-A, EAN-13/JAN, ITF-14/GTIN-14. */
export const GTIN_LENGTHS: readonly number[] = [8, 12, 13, 14];

/** The GS1 mod-10 check digit for the digits before it (weights 3,1 from the right). */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the string is a GTIN length of digits and its last digit is the right check digit. */
export function isValidGtin(code: string): boolean {
  if (!/^\d+$/.test(code) || !GTIN_LENGTHS.includes(code.length)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === code.charCodeAt(code.length - 1) - 48;
}

/** Completes a GTIN body with its check digit (used for demo data and tests). */
export function withCheckDigit(body: string): string {
  return body + String(gtinCheckDigit(body));
}

/**
 * Normalises a valid GTIN so UPC-A and EAN-13 match each other: UPC-A (12) gets a leading 0, a
 * GTIN-14 with indicator 0 is the EAN-13 inside it, and an EAN-8 padded to 13 or 14 digits (GS1 pads
 * it with zeros in AI 01) is the EAN-8 again. Other GTIN-14s (cases) stay as they are.
 */
export function normaliseGtin(code: string): string {
  let c = code;
  if (c.length === 12) c = `0${c}`;
  if (c.length === 14 && c.startsWith('0')) c = c.slice(1);
  if (c.length === 13 && c.startsWith('00000')) c = c.slice(5);
  return c;
}

/**
 * The codes to look a scanned GTIN up by, best first. A GTIN-14 with indicator digit 1–8 is a case
 * (or inner pack) of the item whose GTIN-13 is digits 2–13 with a fresh check digit: we look up the
 * GTIN-14 itself first (a catalogue may list case codes), then that base item. Indicator 9 is a
 * variable-measure item with no base GTIN, and is looked up only as itself.
 */
export function gtinLookupKeys(code: string): string[] {
  const keys = [code];
  if (code.length === 14 && code[0] >= '1' && code[0] <= '8') keys.push(withCheckDigit(code.slice(1, 13)));
  return keys;
}

/** The form a catalogue barcode is indexed under: a valid GTIN normalised, anything else as it is. */
export function barcodeKey(barcode: string): string {
  return isValidGtin(barcode) ? normaliseGtin(barcode) : barcode;
}
