/**
 * Which digit strings are tracking numbers (送り状番号 / お問い合わせ番号) of each carrier. The rules and
 * their sources are written up in docs/shipping-labels.md; the server's tracking import and the
 * handheld's label scan both check through this one function.
 */
import type { CarrierId } from './carrier.js';

/** Length of a Yamato, Sagawa or Japan Post number: eleven digits and a check digit. */
const SEVEN_DR_LENGTH = 12;
/** Shortest and longest number accepted for a carrier with no known rule. */
export const OTHER_TRACKING_MIN_DIGITS = 8;
export const OTHER_TRACKING_MAX_DIGITS = 20;

/**
 * The "7DR" check digit of a body of digits: the body read as one number, modulo 7. Computed digit by
 * digit (Horner's rule) so a body of any length stays exact without BigInt.
 */
export function sevenDrCheckDigit(body: string): number {
  let remainder = 0;
  for (let i = 0; i < body.length; i++) remainder = (remainder * 10 + (body.charCodeAt(i) - 48)) % 7;
  return remainder;
}

/** True when `digits` is a tracking number the carrier could have printed (length and check digit). */
export function isValidTrackingNumber(carrierId: CarrierId, digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  switch (carrierId) {
    case 'yamato':
    case 'sagawa':
    case 'japanpost':
      if (digits.length !== SEVEN_DR_LENGTH) return false;
      return sevenDrCheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
    case 'other':
      return digits.length >= OTHER_TRACKING_MIN_DIGITS && digits.length <= OTHER_TRACKING_MAX_DIGITS;
  }
}
