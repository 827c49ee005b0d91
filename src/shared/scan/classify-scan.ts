/** Turns the text of one scan into what it is: a slip, a GTIN, a misread, or other text. */
import { isValidGtin, normaliseGtin, GTIN_LENGTHS } from './gtin.js';

/** Configurable patterns for the warehouse's own labels. */
export interface ScanPatterns {
  /** Packing slip (shipment id) barcodes. */
  slip: RegExp;
  /** Staff badges. */
  staff: RegExp;
}

/** The default label patterns (shipment ids like S0700001, badges like ST001). */
export const DEFAULT_SCAN_PATTERNS: ScanPatterns = {
  slip: /^S\d{7}$/,
  staff: /^ST\d{3,}$/,
};

/** A classified scan. */
export type ClassifiedScan =
  | { kind: 'slip'; shipmentId: string }
  | { kind: 'staff'; code: string }
  | { kind: 'gtin'; code: string }
  | { kind: 'misread'; text: string }
  | { kind: 'text'; text: string };

/** Classifies trimmed scan text; a GTIN with a bad check digit is a misread and is never looked up. */
export function classifyScan(raw: string, patterns: ScanPatterns = DEFAULT_SCAN_PATTERNS): ClassifiedScan {
  const text = raw.trim();
  if (patterns.slip.test(text)) return { kind: 'slip', shipmentId: text };
  if (patterns.staff.test(text)) return { kind: 'staff', code: text };
  if (/^\d+$/.test(text) && GTIN_LENGTHS.includes(text.length)) {
    return isValidGtin(text) ? { kind: 'gtin', code: normaliseGtin(text) } : { kind: 'misread', text };
  }
  return { kind: 'text', text };
}
