/**
 * Check-digit rules of carriers' tracking numbers (送り状番号), on digits already normalised (no start/stop
 * letters, hyphens or full-width digits). Yamato (宅急便) and Sagawa (飛脚宅配便) print 12 digits whose
 * last is the first eleven, read as one number, modulo 7 ("7DR"). Japan Post publishes no check-digit
 * rule for ゆうパック / ゆうパケット numbers: only their shape (11–13 digits) is checked. `other` has none.
 */
import type { CarrierId } from './carrier.js';

/** The check digit of the first eleven digits: their value modulo 7 (digit by digit, so no big numbers). */
export function mod7CheckDigit(first11: string): number {
  let rest = 0;
  for (const ch of first11) rest = (rest * 10 + Number(ch)) % 7;
  return rest;
}

/** True when `digits` is a tracking number `carrierId` could have printed. */
export function isValidTrackingNumber(carrierId: CarrierId, digits: string): boolean {
  switch (carrierId) {
    case 'yamato':
    case 'sagawa':
      return /^\d{12}$/.test(digits) && mod7CheckDigit(digits.slice(0, 11)) === Number(digits[11]);
    case 'japanpost':
      return /^\d{11,13}$/.test(digits);
    case 'other':
      return /^[0-9A-Za-z]{1,40}$/.test(digits);
  }
}
