/**
 * The built-in Sagawa (e飛伝Ⅲ) and Japan Post (ゆうプリR) layouts as the carrier software reads them:
 * CP932 bytes and CRLF, the header row e飛伝 expects (none for ゆうプリR), 出荷ID in the layout's
 * お客様管理番号 column, the service code, and a character CP932 cannot hold refused by parcel.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { DemoApp } from '../../../src/server/demo/demo-app.js';
import { runCarrierExport } from '../../../src/server/export/carrier-export.js';
import { loadLayout } from '../../../src/server/export/layout.js';
import { runImport } from '../../../src/server/import/run-import.js';
import { useDemoApp } from '../../helpers/in-process-server.js';
import { TEST_DATABASE_TARGETS } from '../../helpers/test-databases.js';

const SHIPMENTS = [
  '出荷ID,注文番号,受注日,顧客ID,顧客名,顧客ランク,購入回数,配送方法,商品コード,数量,お届け先名,郵便番号,住所,電話番号,配達希望日,配達時間帯,個口数',
  'S0000951,O951,2026-12-01,C951,吉野 花,N,1,飛脚宅配便,SKU-1001,1,吉野 花,150-0001,東京都渋谷区神宮前1-2-3 メゾン神宮前201,03-0000-1234,2026-12-05,14-16,2',
  'S0000952,O952,2026-12-01,C952,森 一郎,N,1,飛脚クール便,SKU-1002,1,森 一郎,530-0001,大阪府大阪市北区梅田1-1,06-0000-1234,,,1',
  'S0000954,O954,2026-12-01,C954,森 二郎,N,1,飛脚宅配便,SKU-1002,1,森 二郎,530-0001,大阪府大阪市北区梅田1-1,06-0000-1234,,指定なし,1',
  'S0000953,O953,2026-12-01,C953,𠮷田 太郎,N,1,飛脚宅配便,SKU-1002,1,𠮷田 太郎,530-0001,大阪府大阪市北区梅田1-1,06-0000-1234,,,1',
  'S0000961,O961,2026-12-01,C961,山本 桜,N,1,ゆうパック,SKU-1001,1,山本 桜,231-0001,神奈川県横浜市中区新港1-1 ハーバー棟3F,045-000-1234,2026-12-06,,1',
  'S0000962,O962,2026-12-01,C962,𠮷川 次郎,N,1,ゆうパック,SKU-1002,1,𠮷川 次郎,060-0001,北海道札幌市中央区北一条西1-1,011-000-1234,,,1',
  'S0000963,O963,2026-12-01,C963,井上 三,N,1,ゆうパック,SKU-1002,1,井上 三,060-0001,北海道札幌市中央区北一条西1-1,011-000-1234,,午前中,1',
].join('\r\n');

/** The file's lines as the carrier software splits them (CP932, CRLF), each as its fields. */
function rowsOf(bytes: Buffer): string[][] {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) expect(bytes[i - 1]).toBe(0x0d);
  return iconv
    .decode(bytes, 'cp932')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(',').map((f) => f.replace(/^"|"$/g, '')));
}

describe.each(TEST_DATABASE_TARGETS)('built-in carrier layouts on $name', (target) => {
  let demo!: DemoApp;
  useDemoApp(target, (d) => (demo = d));
  const errorsOf = (errors: { shipmentId: string; column: string; message: string }[], id: string) => errors.filter((e) => e.shipmentId === id);

  it('imports the day’s Sagawa and Japan Post parcels', async () => {
    const report = await runImport(demo.database, Buffer.from(SHIPMENTS), { filename: 'shipments.csv' });
    expect(report.errors).toEqual([]);
  });

  it('writes the e飛伝Ⅲ file: 74 columns under their header, 出荷ID as お客様管理番号, クール便指定 and the time band as codes', async () => {
    const layout = loadLayout('sagawa');
    const result = await runCarrierExport(demo.database, { carrier: 'sagawa', layout, date: '2026-12-03' });
    const bytes = result.file!;
    expect(bytes.subarray(0, 24).equals(iconv.encode('"お届け先コード取得区分"', 'cp932'))).toBe(true);
    expect(bytes.includes(iconv.encode('"吉野 花"', 'cp932'))).toBe(true);
    const [header, ...rows] = rowsOf(bytes);
    expect(header).toHaveLength(74);
    const at = (name: string) => header.indexOf(name);
    expect([at('お客様管理番号'), at('品名１'), at('出荷個数'), at('クール便指定'), at('配達指定時間帯'), at('出荷日')]).toEqual([9, 24, 41, 43, 45, 60]);
    const row = (id: string) => rows.find((r) => r[9] === id)!;
    expect(rows.every((r) => r.length === 74)).toBe(true);
    expect(row('S0000951').slice(2, 8)).toEqual(['03-0000-1234', '150-0001', '東京都渋谷区神宮前1-2-3', '', 'メゾン神宮前201', '吉野 花']);
    expect([row('S0000951')[41], row('S0000951')[43], row('S0000951')[44], row('S0000951')[45], row('S0000951')[60]]).toEqual(['2', '001', '2026/12/05', '14', '2026/12/03']);
    expect(row('S0000952')[43]).toBe('002'); // 飛脚クール便 → 冷蔵
    expect(row('S0000954')[45]).toBe(''); // 指定なし is no wish, not a band e飛伝 lacks
    expect(rows.map((r) => r[9]).sort()).toEqual(['S0000951', 'S0000952', 'S0000954']);
    expect(errorsOf(result.errors, 'S0000953')).toEqual([expect.objectContaining({ column: 'お届け先名称１', message: expect.stringContaining('U+20BB7') })]);
  });

  it('writes the ゆうプリR file: 72 columns and no header row, ゆうパック as 商品 1, the address split after its prefecture; parcels it has no code for are named', async () => {
    const result = await runCarrierExport(demo.database, { carrier: 'japanpost', layout: loadLayout('japanpost'), date: '2026-12-03' });
    const bytes = result.file!;
    expect(bytes.subarray(0, 4).equals(iconv.encode('"1",', 'cp932'))).toBe(true);
    expect(bytes.includes(iconv.encode('"山本 桜","様"', 'cp932'))).toBe(true);
    const rows = rowsOf(bytes);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toHaveLength(72);
    expect(row.slice(6, 16)).toEqual(['1', '山本 桜', '様', '', '231-0001', '神奈川県', '横浜市中区新港1-1', '', 'ハーバー棟3F', '045-000-1234']);
    expect([row[37], row[42], row[51], row[52], row[61]]).toEqual(['2026/12/03', '0', '2026/12/06', '', 'O961']);
    expect(row[34]).not.toBe(''); // 品名
    expect(errorsOf(result.errors, 'S0000962')).toEqual([
      expect.objectContaining({ column: 'お届け先のお名前', message: expect.stringContaining('U+20BB7') }),
    ]);
    // No 配達希望時間帯 code is known for ゆうプリR: the wish is refused, not left off the label.
    expect(errorsOf(result.errors, 'S0000963')).toEqual([expect.objectContaining({ column: '配達希望時間帯', message: expect.stringContaining('午前中') })]);
    // The demo's ゆうパケット parcels: no 商品 code in this layout.
    expect(result.errors.filter((e) => e.column === '商品').length).toBeGreaterThan(0);
    expect(result.errors.find((e) => e.column === '商品')!.message).toContain('ゆうパケット');
  });
});
