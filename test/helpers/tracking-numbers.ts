/** Valid carrier tracking numbers for tests (12 digits, 7DR check digit), distinct per seed. */
import iconv from 'iconv-lite';
import { sevenDrCheckDigit } from '../../src/shared/domain/tracking-number.js';

/** The n-th valid Yamato/Sagawa number of a test run: 4000… plus the seed, with its check digit. */
export function trackingNumber(n: number): string {
  const first11 = String(40_000_000_000 + n).padStart(11, '0');
  return `${first11}${sevenDrCheckDigit(first11)}`;
}

/** A carrier result file (お客様管理番号, 伝票番号, as B2クラウド writes it) in CP932 with CRLF. */
export function resultFile(rows: readonly [shipmentId: string, trackingNumber: string][]): Buffer {
  const lines = ['"お客様管理番号","送り状種類","伝票番号"', ...rows.map(([id, number]) => `"${id}","0","${number.slice(0, 4)}-${number.slice(4, 8)}-${number.slice(8)}"`)];
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp932');
}
