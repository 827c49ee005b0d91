/**
 * The practice sheet: the console's menu leads to it, it renders in Chromium, and every barcode on it,
 * rasterised by the browser as a camera would see the page, is read by the app's own camera decoder
 * (zxing-cpp-read.ts, zxing-wasm) as exactly the value it names.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { prepareZXingModule } from 'zxing-wasm/reader';
import { createViewfinderReader } from '../../src/app/scan/zxing-cpp-read.js';
import { DEMO_INSERTS, DEMO_PRODUCTS, DEMO_SHIPMENTS, DEMO_STAFF } from '../../src/server/demo/demo-data.js';
import { SERVER_ADMIN_TOKEN } from '../helpers/server-process.js';
import { useServer } from '../helpers/spec-server.js';

test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 2 });

const server = useServer();

test.beforeAll(async () => {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  await prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer }, fireImmediately: true });
});

test('the console links the sheet, and every code on it decodes with the app’s camera decoder to the value it names', async ({ page }) => {
  await page.goto(`${server.url}/console/`);
  await page.getByTestId('console-token').fill(SERVER_ADMIN_TOKEN);
  await page.getByTestId('console-signin-submit').click();
  await page.getByTestId('nav-practice').click();
  const opened = page.getByTestId('practice-open');
  await expect(opened).toHaveAttribute('href', '/console/practice-sheet');

  // The sheet itself needs no token: it holds only the demo's codes.
  const response = await page.goto(`${server.url}/console/practice-sheet`);
  expect(response?.status()).toBe(200);
  const codes = page.locator('figure.code');
  const values = await codes.evaluateAll((figures) => figures.map((f) => f.getAttribute('data-value')!));
  // Everything a newcomer needs for every flow is on it.
  expect(values).toEqual(
    expect.arrayContaining([
      ...DEMO_STAFF.map((s) => s.code),
      ...DEMO_SHIPMENTS.map((s) => s.shipmentId),
      ...DEMO_PRODUCTS.flatMap((p) => p.barcodes),
      ...DEMO_INSERTS.map((i) => i.barcode ?? `INS-${i.code}`),
      ...DEMO_PRODUCTS.map((p) => p.location),
    ]),
  );

  const read = createViewfinderReader(['ean_13', 'code_128']);
  const misread: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const png = PNG.sync.read(await codes.nth(i).locator('svg').screenshot());
    const { texts } = await read({ data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), width: png.width, height: png.height });
    if (texts[0] !== values[i]) misread.push(`${values[i]} read as ${JSON.stringify(texts)}`);
  }
  expect(misread).toEqual([]);
});

test('the sheet is A4 and prints each code whole', async ({ page }) => {
  await page.goto(`${server.url}/console/practice-sheet`);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // Each figure avoids a page break inside it, and none is wider than the printable width (210 mm less 2 × 12 mm).
  const widest = await page.locator('figure.code svg').evaluateAll((svgs) => Math.max(...svgs.map((s) => parseFloat(s.getAttribute('width')!))));
  expect(widest).toBeLessThan(186);
  expect(await page.locator('figure.code').first().evaluate((f) => getComputedStyle(f).breakInside)).toBe('avoid');
});
