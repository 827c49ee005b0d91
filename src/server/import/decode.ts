/** Turns a file's bytes into text: UTF-8 (with or without BOM) or Shift_JIS/CP932, detected or chosen. */
import iconv from 'iconv-lite';
import type { ImportEncoding } from '../../shared/protocol/import.js';

/** The text of a file and the encoding it was read as. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'cp932';
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Decodes `bytes`. auto: a UTF-8 BOM means UTF-8; otherwise bytes that are valid UTF-8 are UTF-8 (a
 * CP932 export of Japanese text is practically never valid UTF-8), and anything else is CP932 — the
 * superset of Shift_JIS that Windows-based back offices write (髙, 﨑, ①, ㈱ exist only there).
 */
export function decodeBytes(bytes: Uint8Array, encoding: ImportEncoding = 'auto'): DecodedText {
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  if (encoding === 'cp932') return { text: iconv.decode(Buffer.from(bytes), 'cp932'), encoding: 'cp932' };
  if (encoding === 'utf-8' || hasBom) return { text: stripBom(new TextDecoder('utf-8').decode(bytes)), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'cp932'), encoding: 'cp932' };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
