/**
 * GS1 element strings (GS1-128, GS1 DataMatrix, GS1 QR): the case label's GTIN, lot, expiry, serial
 * and count. Three spellings parse the same:
 * - human readable, with parentheses: `(01)14912345100012(17)261231(10)LOT7`
 * - as a scanner transmits it: an optional symbology identifier (`]C1` GS1-128, `]d2` DataMatrix,
 *   `]Q3` QR, `]e0` DataBar) and the group separator GS (0x1D, FNC1) after every variable-length field
 *   that is not last,
 * - the same without the identifier (scanners configured not to send it), when it starts with AI 01.
 * Fixed-length AIs (00, 01, 02, 11–17, 20) need no separator; the variable ones (10, 21, 30, 37) end
 * at GS or at the end of the string. An AI this table does not know is refused: without its length
 * the rest of the string cannot be split safely.
 */
import { isValidGtin } from './gtin.js';

/** The group separator, FNC1 in the data. */
export const GS = '\u001d';

/** What an AI holds: a fixed number of characters, or up to `max` ending at GS. */
interface AiSpec {
  fixed?: number;
  max?: number;
  numeric: boolean;
}

/** The AIs we read (two-digit ones only). Fixed lengths are the GS1 "predefined length" table. */
const AI_SPECS: Record<string, AiSpec> = {
  '00': { fixed: 18, numeric: true }, // SSCC (pallet / carton serial)
  '01': { fixed: 14, numeric: true }, // GTIN
  '02': { fixed: 14, numeric: true }, // GTIN of contained items
  '10': { max: 20, numeric: false }, // batch / lot
  '11': { fixed: 6, numeric: true }, // production date
  '13': { fixed: 6, numeric: true }, // packaging date
  '15': { fixed: 6, numeric: true }, // best before
  '17': { fixed: 6, numeric: true }, // expiry
  '20': { fixed: 2, numeric: true }, // variant
  '21': { max: 20, numeric: false }, // serial
  '30': { max: 8, numeric: true }, // count of items
  '37': { max: 8, numeric: true }, // count of trade items in a logistic unit
};

/** AIs whose data is a YYMMDD date. */
const DATE_AIS = new Set(['11', '13', '15', '17']);

/** One AI and its data, in the order they appear. */
export interface Gs1Element {
  ai: string;
  value: string;
}

/** What a case label says, with the raw elements. */
export interface Gs1Data {
  elements: Gs1Element[];
  /** AI 01 (GTIN-14, check digit verified). */
  gtin: string | null;
  /** AI 10. */
  lot: string | null;
  /** AI 17 as an ISO date (YYYY-MM-DD); day 00 means the last day of the month. */
  expiry: string | null;
  /** AI 21. */
  serial: string | null;
  /** AI 30, else AI 37. */
  count: number | null;
}

/** Why an element string was refused. */
export type Gs1Error = 'empty' | 'unknownAi' | 'badLength' | 'badCharacters' | 'badDate' | 'badCheckDigit' | 'duplicateAi';

/** A parse result. */
export type Gs1Result = { ok: true; data: Gs1Data } | { ok: false; error: Gs1Error };

const SYMBOLOGY_IDS = [']C1', ']d2', ']Q3', ']e0', ']J1'];
/** GS1 character set 82, minus the parentheses that delimit the human-readable form. */
const CSET82 = /^[!"%&'*+,\-./0-9:;<=>?A-Z_a-z]*$/;

/**
 * True when the text is written as a GS1 element string (symbology identifier, parentheses, or a GS);
 * a bare digit string counts only if it parses completely and starts with a valid AI 01.
 */
export function looksLikeGs1(text: string): boolean {
  if (SYMBOLOGY_IDS.some((id) => text.startsWith(id))) return true;
  if (/^\(\d{2}\)/.test(text)) return true;
  if (text.includes(GS)) return true;
  if (/^01\d{14}./.test(text) && isValidGtin(text.slice(2, 16))) {
    const parsed = parseGs1(text);
    return parsed.ok;
  }
  return false;
}

/** Parses a GS1 element string in any of its three spellings. */
export function parseGs1(raw: string): Gs1Result {
  let text = raw;
  const id = SYMBOLOGY_IDS.find((s) => text.startsWith(s));
  if (id) text = text.slice(id.length);
  // A leading FNC1 some readers pass through as GS.
  while (text.startsWith(GS)) text = text.slice(1);
  if (text === '') return { ok: false, error: 'empty' };
  const split = text.startsWith('(') ? splitHumanReadable(text) : splitTransmitted(text);
  if (!split.ok) return split;
  return interpret(split.elements);
}

/** Writes elements as the human-readable string with parentheses. */
export function formatGs1HumanReadable(elements: readonly Gs1Element[]): string {
  return elements.map((e) => `(${e.ai})${e.value}`).join('');
}

/** Writes elements as a scanner transmits them: GS after every variable-length element but the last. */
export function formatGs1Transmitted(elements: readonly Gs1Element[], symbologyId = ''): string {
  let out = symbologyId;
  elements.forEach((e, i) => {
    out += e.ai + e.value;
    const spec = AI_SPECS[e.ai];
    if (spec && spec.fixed === undefined && i < elements.length - 1) out += GS;
  });
  return out;
}

type Split = { ok: true; elements: Gs1Element[] } | { ok: false; error: Gs1Error };

function splitHumanReadable(text: string): Split {
  const elements: Gs1Element[] = [];
  const re = /\((\d{2,4})\)([^(]*)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = re.exec(text)) !== null) {
    elements.push({ ai: match[1], value: match[2].replaceAll(GS, '') });
    consumed = re.lastIndex;
  }
  if (consumed !== text.length) return { ok: false, error: 'badCharacters' };
  for (const e of elements) {
    const spec = AI_SPECS[e.ai];
    if (!spec) return { ok: false, error: 'unknownAi' };
    if (!lengthFits(spec, e.value)) return { ok: false, error: 'badLength' };
  }
  return { ok: true, elements };
}

function splitTransmitted(text: string): Split {
  const elements: Gs1Element[] = [];
  let i = 0;
  while (i < text.length) {
    const ai = text.slice(i, i + 2);
    const spec = AI_SPECS[ai];
    if (!spec) return { ok: false, error: 'unknownAi' };
    i += 2;
    let value: string;
    if (spec.fixed !== undefined) {
      value = text.slice(i, i + spec.fixed);
      i += spec.fixed;
      if (value.length !== spec.fixed) return { ok: false, error: 'badLength' };
      // A GS after a fixed-length field is allowed (some printers add one).
      if (text[i] === GS) i += 1;
    } else {
      const end = text.indexOf(GS, i);
      value = end === -1 ? text.slice(i) : text.slice(i, end);
      i = end === -1 ? text.length : end + 1;
      if (!lengthFits(spec, value)) return { ok: false, error: 'badLength' };
    }
    elements.push({ ai, value });
  }
  return { ok: true, elements };
}

function lengthFits(spec: AiSpec, value: string): boolean {
  if (spec.fixed !== undefined) return value.length === spec.fixed;
  return value.length >= 1 && value.length <= (spec.max ?? 0);
}

function interpret(elements: Gs1Element[]): Gs1Result {
  const seen = new Set<string>();
  for (const { ai, value } of elements) {
    if (seen.has(ai)) return { ok: false, error: 'duplicateAi' };
    seen.add(ai);
    const spec = AI_SPECS[ai];
    if (spec.numeric ? !/^\d+$/.test(value) : !CSET82.test(value)) return { ok: false, error: 'badCharacters' };
    if ((ai === '01' || ai === '02') && !isValidGtin(value)) return { ok: false, error: 'badCheckDigit' };
    if (DATE_AIS.has(ai) && isoDate(value) === null) return { ok: false, error: 'badDate' };
  }
  const get = (ai: string) => elements.find((e) => e.ai === ai)?.value ?? null;
  const count = get('30') ?? get('37');
  const expiry = get('17');
  return {
    ok: true,
    data: {
      elements,
      gtin: get('01'),
      lot: get('10'),
      expiry: expiry === null ? null : isoDate(expiry),
      serial: get('21'),
      count: count === null ? null : Number(count),
    },
  };
}

/**
 * YYMMDD as an ISO date. The century is always 20 (GS1's sliding window needs today's date, and this
 * module has no clock; labels before 2000 or after 2099 do not reach a D2C pack bench). Day 00 is the
 * last day of the month, as GS1 specifies.
 */
function isoDate(yymmdd: string): string | null {
  const year = 2000 + Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return null;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day === 0) day = lastDay;
  if (day > lastDay) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
