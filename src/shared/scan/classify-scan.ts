/**
 * Turns the text of one scan into what it is: one of the warehouse's own labels (slip, staff badge,
 * location, insert), a GS1 element string, a GTIN, a misread, or other text.
 */
import { looksLikeGs1, parseGs1, type Gs1Data } from './gs1.js';
import { gtinLookupKeys, isValidGtin, normaliseGtin, GTIN_LENGTHS } from './gtin.js';

/**
 * Configurable patterns for the warehouse's own labels, tried in this order before any GS1 or GTIN
 * reading. A pattern with a named group `code` yields that group as the code, else the whole text.
 */
export interface ScanPatterns {
  /** Packing slip (shipment id) barcodes. */
  slip: RegExp;
  /** Staff badges. */
  staff: RegExp;
  /** Location labels (zone-aisle-bay-level). */
  location: RegExp;
  /** Insert labels carrying the insert code (inserts with a JAN are found by barcode instead). */
  insert: RegExp;
}

/** The default label patterns (shipment ids like S0700001, badges like ST001, A-03-02-1, INS-L01). */
export const DEFAULT_SCAN_PATTERNS: ScanPatterns = {
  slip: /^S\d{7}$/,
  staff: /^ST\d{3,}$/,
  location: /^[A-Z]-\d{2}-\d{2}-\d{1,2}$/,
  insert: /^INS-(?<code>[A-Z0-9]{1,12})$/,
};

/** A classified scan. */
export type ClassifiedScan =
  | { kind: 'slip'; shipmentId: string }
  | { kind: 'staff'; code: string }
  | { kind: 'location'; code: string }
  | { kind: 'insert'; code: string }
  | { kind: 'gtin'; code: string }
  | { kind: 'gs1'; gtin: string | null; data: Gs1Data; text: string }
  | { kind: 'misread'; text: string }
  | { kind: 'text'; text: string };

/** AIM symbology identifiers a scanner may prefix to a plain code (EAN/UPC, Code 128, ITF, QR …). */
const PLAIN_SYMBOLOGY_ID = /^\][EFIAQdC][0-9]/;

/**
 * Classifies scan text. A GTIN (alone or inside a GS1 string) with a bad check digit, or a string
 * that is written as GS1 but does not parse, is a misread and is never looked up.
 */
export function classifyScan(raw: string, patterns: ScanPatterns = DEFAULT_SCAN_PATTERNS): ClassifiedScan {
  const text = raw.trim();
  const own = matchOwnLabel(text, patterns);
  if (own) return own;
  if (looksLikeGs1(text)) {
    const parsed = parseGs1(text);
    if (!parsed.ok) return { kind: 'misread', text };
    return { kind: 'gs1', gtin: parsed.data.gtin === null ? null : normaliseGtin(parsed.data.gtin), data: parsed.data, text };
  }
  const plain = PLAIN_SYMBOLOGY_ID.test(text) ? text.slice(3) : text;
  if (/^\d+$/.test(plain) && GTIN_LENGTHS.includes(plain.length)) {
    return isValidGtin(plain) ? { kind: 'gtin', code: normaliseGtin(plain) } : { kind: 'misread', text };
  }
  if (plain !== text) {
    const again = matchOwnLabel(plain, patterns);
    if (again) return again;
  }
  return { kind: 'text', text: plain };
}

function matchOwnLabel(text: string, patterns: ScanPatterns): ClassifiedScan | null {
  const code = (re: RegExp) => {
    const m = re.exec(text);
    return m ? (m.groups?.code ?? m[0]) : null;
  };
  let c: string | null;
  if ((c = code(patterns.slip)) !== null) return { kind: 'slip', shipmentId: c };
  if ((c = code(patterns.staff)) !== null) return { kind: 'staff', code: c };
  if ((c = code(patterns.location)) !== null) return { kind: 'location', code: c };
  if ((c = code(patterns.insert)) !== null) return { kind: 'insert', code: c };
  return null;
}

/**
 * The catalogue barcode keys an item scan is looked up under, most specific first: a GTIN (and the
 * item inside a case GTIN-14), the GTIN of a GS1 element string, or the raw text. Empty for labels
 * that are never items (slips, badges, locations, inserts, misreads).
 */
export function itemLookupKeys(scan: ClassifiedScan): string[] {
  switch (scan.kind) {
    case 'gtin':
      return gtinLookupKeys(scan.code);
    case 'gs1':
      return scan.gtin ? gtinLookupKeys(scan.gtin) : [];
    case 'text':
      return [scan.text];
    default:
      return [];
  }
}

/** The text to name in an "unknown item" message for a scan. */
export function scannedCode(scan: ClassifiedScan): string {
  switch (scan.kind) {
    case 'slip':
      return scan.shipmentId;
    case 'gs1':
      return scan.gtin ?? scan.text;
    case 'misread':
    case 'text':
      return scan.text;
    default:
      return scan.code;
  }
}
