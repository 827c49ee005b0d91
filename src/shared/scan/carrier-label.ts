/**
 * A scanned carrier label (送り状) → its tracking number, or why it is not one. Labels print the number
 * as NW-7 (Codabar); a wedge may pass the symbol's start/stop letters (a–d), the printed hyphens, spaces,
 * or full-width digits from a Japanese input method. All of those are removed before the carrier's rule
 * (src/shared/domain/tracking-number.ts) is checked.
 */
import type { CarrierId } from '../domain/carrier.js';
import { isValidTrackingNumber, OTHER_TRACKING_MAX_DIGITS, OTHER_TRACKING_MIN_DIGITS } from '../domain/tracking-number.js';

/** Why a scan is no tracking number of the carrier. */
export type LabelError =
  /** Something other than digits remains once start/stop letters, hyphens and spaces are gone. */
  | 'notDigits'
  /** Digits, but not as many as the carrier prints. */
  | 'length'
  /** The right length, but the last digit is not the carrier's check digit: a misread or a mistyped number. */
  | 'checkDigit';

/** A label read for a carrier. */
export type LabelResult = { ok: true; trackingNumber: string } | { ok: false; error: LabelError; text: string };

/** An AIM symbology identifier some scanners put in front of a Codabar read (]F0 … ]F4). */
const CODABAR_AIM_ID = /^\]F[0-9]/;
/** Codabar's start/stop characters as scanners transmit them (either case). */
const START_STOP = /^[a-dA-D]|[a-dA-D]$/g;
/** Hyphens and dashes a label or an input method may put between digit groups, and every kind of space. */
const SEPARATORS = /[\s\-‐‑‒–—―−ーｰ]/g;

/**
 * The digits of a scanned label: full-width characters folded to ASCII (NFKC), a Codabar AIM prefix and
 * start/stop letters dropped, hyphens and spaces removed. Anything else is left for validation to refuse.
 */
export function normaliseLabel(raw: string): string {
  let text = raw.normalize('NFKC').trim();
  if (CODABAR_AIM_ID.test(text)) text = text.slice(3);
  return text.replace(START_STOP, '').replace(SEPARATORS, '');
}

/** Reads a scanned label as a tracking number of `carrierId`. */
export function readCarrierLabel(raw: string, carrierId: CarrierId): LabelResult {
  const digits = normaliseLabel(raw);
  const text = raw.trim();
  if (!/^\d+$/.test(digits)) return { ok: false, error: 'notDigits', text };
  if (isValidTrackingNumber(carrierId, digits)) return { ok: true, trackingNumber: digits };
  return { ok: false, error: hasCarrierLength(carrierId, digits.length) ? 'checkDigit' : 'length', text };
}

/** Reads a scanned label as a tracking number of any carrier (a loading device matches it to a parcel next). */
export function labelDigits(raw: string): string | null {
  const digits = normaliseLabel(raw);
  return /^\d+$/.test(digits) && digits.length >= OTHER_TRACKING_MIN_DIGITS && digits.length <= OTHER_TRACKING_MAX_DIGITS ? digits : null;
}

function hasCarrierLength(carrierId: CarrierId, length: number): boolean {
  if (carrierId === 'other') return length >= OTHER_TRACKING_MIN_DIGITS && length <= OTHER_TRACKING_MAX_DIGITS;
  return length === 12;
}
