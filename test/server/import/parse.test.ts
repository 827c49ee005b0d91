/** Decoding and table parsing: encodings, quoting, row numbers, formats and type inference (no database). */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/server/import/decode.js';
import { DEFAULT_HEADER_MAPPING, inferImportType, mergeHeaderMapping } from '../../../src/server/import/header-map.js';
import { detectFormat, parseTable } from '../../../src/server/import/parse-table.js';
import { toCp932 } from '../../helpers/fixtures/import/make-sjis.js';
import { fixture, fixturePath } from '../../helpers/fixtures/import-files.js';

describe('decodeBytes', () => {
  const text = '顧客名\r\n髙橋 﨑子,ﾔﾏﾀﾞ ﾊﾅｺ,①㈱\r\n';
  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
    ['UTF-8 without BOM', Buffer.from(text), 'utf-8'],
    ['CP932', iconv.encode(text, 'cp932'), 'cp932'],
  ] as const)('detects %s and keeps CP932-only and half-width characters', (_name, bytes, encoding) => {
    expect(decodeBytes(bytes)).toEqual({ text, encoding });
  });

  it('honours a chosen encoding', () => {
    expect(decodeBytes(iconv.encode(text, 'cp932'), 'cp932').text).toBe(text);
    expect(decodeBytes(iconv.encode(text, 'cp932'), 'utf-8').text).not.toBe(text);
  });

  it('the committed CP932 fixture is what make-sjis.ts writes from the UTF-8 one', () => {
    expect(fixture('shipments.sjis.csv').equals(toCp932(fixturePath('shipments.csv')))).toBe(true);
  });
});

describe('parseTable', () => {
  it('keeps quoted commas, quotes and line breaks in one cell, and numbers rows as a spreadsheet does', () => {
    const table = parseTable('a,b\r\n1,"x, ""y""\r\nz"\r\n\r\n2,w\r\n', 'csv');
    expect(table.headers).toEqual(['a', 'b']);
    expect(table.records).toEqual([
      { row: 2, cells: ['1', 'x, "y"\r\nz'] },
      { row: 4, cells: ['2', 'w'] },
    ]);
  });

  it('reads TSV and JSON into the same shape', () => {
    expect(parseTable('a\tb\n1\t"2\n', 'tsv').records).toEqual([{ row: 2, cells: ['1', '"2'] }]);
    expect(parseTable('[{"a":"1","b":["L01","L02"]},{"b":3}]', 'json')).toEqual({
      format: 'json',
      headers: ['a', 'b'],
      records: [
        { row: 2, cells: ['1', 'L01;L02'] },
        { row: 3, cells: ['', '3'] },
      ],
    });
  });

  it.each([
    ['x.json', 'a,b', 'json'],
    ['x.tsv', 'a,b', 'tsv'],
    [undefined, '[{}]', 'json'],
    [undefined, 'a\tb\tc', 'tsv'],
    [undefined, 'a,b', 'csv'],
  ] as const)('detects the format of %s / %j', (name, text, format) => {
    expect(detectFormat(text, name)).toBe(format);
  });
});

describe('inferImportType', () => {
  it.each([
    [['出荷ID', '注文番号', '顧客ID', '顧客名', '顧客ランク', '購入回数', '商品コード', '数量'], 'shipments'],
    [['出荷ID', '区分', '理由'], 'holds'],
    [['商品名', 'ロケーション', '商品コード', 'JANコード'], 'products'],
    [['ランクコード', 'ランク名', '表示色'], 'ranks'],
    [['ギフトコード', '包装', 'リボン'], 'gift-codes'],
    [['バーコード', '同梱物コード', '同梱物名'], 'inserts'],
    [['code', 'label', 'color'], 'ranks'],
    [['foo', 'bar'], null],
  ] as const)('%j is %s', (headers, type) => {
    expect(inferImportType([...headers], DEFAULT_HEADER_MAPPING)).toBe(type);
  });

  it('a configured mapping adds header names', () => {
    const mapping = mergeHeaderMapping({ ranks: { code: ['会員ランク'], label: ['名称'] } });
    expect(inferImportType(['会員ランク', '名称'], mapping)).toBe('ranks');
    expect(inferImportType(['会員ランク', '名称'], DEFAULT_HEADER_MAPPING)).toBe(null);
  });
});
