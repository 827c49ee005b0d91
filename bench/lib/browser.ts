/**
 * Debian's Chromium through Playwright, set up as a rugged scanner: phone viewport, touch, Japanese,
 * service workers on, CPU throttled 4× through the DevTools protocol. Plus the steps a worker takes
 * to get a fresh device to a given screen.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, HANDHELD } from '../../test/helpers/chromium.js';
import type { BenchServer } from './bench-server.js';

/** The slowdown standing in for a rugged Android scanner's CPU. */
export const CPU_THROTTLE_RATE = 4;

/** Launches headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh device: its own storage, phone-sized, touch, ja-JP. */
export function newDeviceContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext(HANDHELD);
}

/** Throttles this page's CPU (applies to the page's renderer until it is closed). */
export async function throttle(page: Page, rate = CPU_THROTTLE_RATE): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** A keyboard-wedge scan: the code arrives in the focused input, then the scanner's Enter. */
export async function wedgeScan(page: Page, code: string, testId = 'scan-input'): Promise<void> {
  await page.getByTestId(testId).waitFor();
  await page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId);
  await page.keyboard.insertText(code);
  await page.keyboard.press('Enter');
}

/** Enrols the device, signs in ST001 and waits for the first sync to have written its time. */
export async function enrolAndSignIn(page: Page, server: BenchServer, timeoutMs = 120_000): Promise<void> {
  await page.goto(server.url);
  await page.getByTestId('enrol-code').fill(await server.enrolmentCode());
  await page.getByTestId('enrol-device-name').fill('bench-01');
  await page.getByTestId('enrol-submit').click();
  await page.getByTestId('signin-screen').waitFor({ timeout: timeoutMs });
  await wedgeScan(page, 'ST001', 'signin-code');
  await page.getByTestId('home-screen').waitFor({ timeout: timeoutMs });
  await waitForFirstSync(page, timeoutMs);
}

/** Waits until the app has recorded a finished sync (meta.lastSyncAt in its IndexedDB). */
export async function waitForFirstSync(page: Page, timeoutMs: number): Promise<string> {
  // A polling loop, not waitForFunction: that would take the returned promise itself as truthy.
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const at = await page.evaluate(() => readLastSyncAt());
    if (at) return at;
    if (Date.now() > deadline) throw new Error(`no finished sync after ${timeoutMs} ms`);
    await page.waitForTimeout(250);
  }
}

/** Installed in every bench page: reads meta.lastSyncAt with the raw IndexedDB API (no app code). */
export const READ_LAST_SYNC_SCRIPT = `
window.readLastSyncAt = async () => {
  // Never open a database the app has not created: that would make it at version 1 with no stores.
  const dbs = await indexedDB.databases();
  if (!dbs.some((d) => d.name === 'floorpack' && d.version >= 1)) return null;
  return new Promise((resolve) => {
  const open = indexedDB.open('floorpack');
  open.onerror = () => resolve(null);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('meta')) { db.close(); resolve(null); return; }
    const req = db.transaction('meta').objectStore('meta').get('lastSyncAt');
    req.onsuccess = () => { db.close(); resolve(req.result ? req.result.value : null); };
    req.onerror = () => { db.close(); resolve(null); };
  };
  });
};`;

declare global {
  function readLastSyncAt(): Promise<string | null>;
}
