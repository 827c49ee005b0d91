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
 * Normalises a valid GTIN so UPC-A and EAN-13 match each other: UPC-A (12) gets a leading 0, and a
 * GTIN-14 with indicator 0 is the EAN-13 inside it. EAN-8 and other GTIN-14s stay as they are.
 */
export function normaliseGtin(code: string): string {
  if (code.length === 12) return `0${code}`;
  if (code.length === 14 && code.startsWith('0')) return code.slice(1);
  return code;
}
