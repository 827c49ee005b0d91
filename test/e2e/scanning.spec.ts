/**
 * Scanning in a real Chromium: a 20-per-second wedge burst ticks every unit exactly once; the camera
 * (Chromium's fake camera playing a JAN drawn by bwip-js) ticks the item once per presentation; a
 * device without a usable camera gets a clear way back; the decoder is not in the initial JavaScript,
 * and the camera reads offline (its chunk and .wasm precached, never from a CDN).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_SCENARIOS } from '../../src/server/demo/demo-data.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, HANDHELD } from '../helpers/chromium.js';
import { barcodeOf, demoParcel, enrolDevice, expectFeedback, readyForOffline, signIn, wedgeScan } from '../helpers/journey.js';
import { useServer } from '../helpers/spec-server.js';
import { writeBarcodeY4m } from './fake-camera.js';

test.describe.configure({ mode: 'serial' });

const server = useServer();
let videoDir: string;
test.beforeAll(async () => {
  videoDir = mkdtempSync(join(tmpdir(), 'floorpack-camera-'));
});
test.afterAll(async () => {
  if (videoDir) rmSync(videoDir, { recursive: true, force: true });
});

/** Script requests the page makes, to tell which chunks loaded when. */
function recordScripts(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script' || r.url().endsWith('.js')) urls.push(r.url());
  });
  return urls;
}
const loadedZxing = (urls: string[]) => urls.some((u) => /zxing/i.test(u));

/** Every request the page makes, to tell where the decoder's WebAssembly came from. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

test('a burst of 20 scans per second ticks every unit exactly once', async ({ page }) => {
  await enrolDevice(page, server);
  await signIn(page);
  await page.getByTestId('menu-pack').click();
  const parcel = demoParcel(DEMO_SCENARIOS.multiItemGiftFirstPurchase); // SKU-1002 ×1, SKU-1006 ×2, SKU-1007 ×1
  const input = page.getByTestId('scan-input');
  await expect(input).toBeFocused();

  // The slip and all four units, one scan every 50 ms (or back to back when typing takes longer).
  // The two units of SKU-1006 are not adjacent: the double-trigger rule is covered by the unit tests.
  const burst = [parcel.shipmentId, barcodeOf('SKU-1006'), barcodeOf('SKU-1002'), barcodeOf('SKU-1006'), barcodeOf('SKU-1007')];
  const t0 = Date.now();
  for (const [i, code] of burst.entries()) {
    const wait = t0 + i * 50 - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    if (i === 3) {
      // Firmware that holds Alt on every key.
      await page.keyboard.down('Alt');
      await page.keyboard.type(code);
      await page.keyboard.up('Alt');
    } else {
      await page.keyboard.type(code);
    }
    await page.keyboard.press('Enter');
  }

  await expect(page.getByTestId('progress')).toHaveAttribute('data-verified', '4');
  for (const line of parcel.lines) await expect(page.getByTestId(`line-${line.productCode}`)).toHaveAttribute('data-done', String(line.qty));
  await expect(page.getByTestId('saved-indicator')).toHaveAttribute('data-state', 'saved');
  await expect(input).toHaveValue('');
});

test('with no usable camera the worker is told what to do and goes back to the scanner', async ({ page }) => {
  const scripts = recordScripts(page);
  await enrolDevice(page, server, 'pack-02');
  await signIn(page);
  await page.getByTestId('menu-pack').click();
  expect(loadedZxing(scripts)).toBe(false);

  await page.getByTestId('scan-input-camera').click();
  const error = page.getByTestId('camera-error');
  // Chromium looks for a camera before it says there is none: slow on a loaded machine.
  await expect(error).toBeVisible({ timeout: 30_000 });
  await expect(error).toContainText('スキャナー');
  await error.getByTestId('camera-close').click();
  await expect(page.getByTestId('camera-view')).toHaveCount(0);

  // The wedge works as before.
  await wedgeScan(page, DEMO_SCENARIOS.singleItem);
  await expectFeedback(page, 'ok');
});

test('the volume and the wedge rule are kept on the device across a reload', async ({ page }) => {
  await enrolDevice(page, server, 'pack-03');
  await signIn(page);
  await page.getByTestId('menu-settings').click();
  await page.getByTestId('settings-volume').fill('35');
  await page.getByTestId('settings-end-Tab').uncheck();
  await page.reload();
  await page.getByTestId('menu-settings').click();
  await expect(page.getByTestId('settings-volume')).toHaveValue('35');
  await expect(page.getByTestId('settings-end-Tab')).not.toBeChecked();
  await expect(page.getByTestId('settings-end-Enter')).toBeChecked();
  await page.getByTestId('settings-reset').click();
  await expect(page.getByTestId('settings-end-Tab')).toBeChecked();
});

test('the camera reads a JAN and ticks the item once per presentation', async () => {
  const parcel = demoParcel('S0000010'); // SKU-1005 ×2
  const video = await writeBarcodeY4m(join(videoDir, 'jan.y4m'), 'ean13', barcodeOf('SKU-1005'));
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const context = await browser.newContext(HANDHELD);
    const page = await context.newPage();
    const scripts = recordScripts(page);
    const requests = recordRequests(page);
    await readyForOffline(page, server, 'phone-01', 'ST002');
    // Offline from here: the camera chunk, the decoder and its .wasm must come from the precache.
    await context.setOffline(true);
    await page.getByTestId('menu-pack').click();
    await wedgeScan(page, parcel.shipmentId);
    await expectFeedback(page, 'ok');
    expect(loadedZxing(scripts)).toBe(false); // nothing of the decoder before the camera opens
    expect(requests.filter((u) => u.endsWith('.wasm'))).toEqual([]);

    await page.getByTestId('scan-input-camera').click();
    const camera = page.getByTestId('camera-view');
    await expect(camera).toHaveAttribute('data-phase', 'live', { timeout: 20_000 });
    await expect(camera).toHaveAttribute('data-decoder', 'zxing-cpp'); // no BarcodeDetector on desktop Linux
    expect(loadedZxing(scripts)).toBe(true);
    // The WebAssembly came from this server (the page's CSP let it compile), never from a CDN.
    const wasm = requests.filter((u) => u.endsWith('.wasm'));
    expect(wasm.length).toBeGreaterThan(0);
    for (const u of wasm) expect(new URL(u).origin).toBe(new URL(server.url).origin);
    expect(requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== new URL(server.url).origin)).toEqual([]);

    const line = page.getByTestId(`line-${parcel.lines[0].productCode}`);
    await expect(line).toHaveAttribute('data-done', '1', { timeout: 20_000 });
    await expectFeedback(page, 'ok');
    await expect(page.getByTestId('saved-indicator')).toHaveAttribute('data-state', 'saved');
    // The code stays in view frame after frame: still one unit, not two.
    await page.waitForTimeout(1500);
    await expect(line).toHaveAttribute('data-done', '1');
    await expect(page.getByTestId('progress')).toHaveAttribute('data-verified', '1');

    await camera.getByTestId('camera-close').click();
    await expect(camera).toHaveCount(0);
    await expect(page.getByTestId('scan-input')).toBeFocused();
    await context.close();
  } finally {
    await browser.close();
  }
});
