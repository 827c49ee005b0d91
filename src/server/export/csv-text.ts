/** Writing CSV for Japanese carrier software: every field quoted, CRLF or LF, CP932 or UTF-8, nothing ever replaced. */
import iconv from 'iconv-lite';

/** One CSV line: every field in double quotes (quotes doubled), as the carriers' own exports write them. */
export function csvLine(fields: readonly string[]): string {
  return fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(',');
}

/** The characters of `text` that CP932 cannot hold (𠮷, emoji …), each once, in order. */
export function unencodableInCp932(text: string): string[] {
  const bad: string[] = [];
  for (const ch of text) {
    if (bad.includes(ch)) continue;
    // iconv-lite writes "?" for what it cannot encode: a round trip that changes the character means it is not CP932.
    if (iconv.decode(iconv.encode(ch, 'cp932'), 'cp932') !== ch) bad.push(ch);
  }
  return bad;
}

/** How a character is named in a report: itself and its code point (U+20BB7). */
export function describeChar(ch: string): string {
  return `「${ch}」(U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}

/** Byte length of `text` in `encoding`. */
export function byteLength(text: string, encoding: 'cp932' | 'utf-8'): number {
  return encoding === 'cp932' ? iconv.encode(text, 'cp932').length : Buffer.byteLength(text, 'utf8');
}

/** The file's bytes: lines joined and ended with the line ending, encoded (callers have checked every character). */
export function encodeCsv(lines: readonly string[], encoding: 'cp932' | 'utf-8', lineEnding: 'crlf' | 'lf'): Buffer {
  const eol = lineEnding === 'crlf' ? '\r\n' : '\n';
  const text = lines.map((l) => `${l}${eol}`).join('');
  return encoding === 'cp932' ? iconv.encode(text, 'cp932') : Buffer.from(text, 'utf8');
}
