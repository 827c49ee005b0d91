/** Steps a floor worker takes in the browser, shared by the journeys. */
import { expect, type CDPSession, type Page } from '@playwright/test';
import { DEMO_INSERTS, DEMO_PARCELS, DEMO_PRODUCTS } from '../../src/server/demo/demo-data.js';
import { DUPLICATE_SCAN_WINDOW_MS } from '../../src/app/scan/wedge.js';
import { SERVER_ADMIN_TOKEN, type TestServer } from './server-process.js';

/** The last scan typed on each page, so a deliberate repeat is not taken for a scanner's double trigger. */
const lastScan = new WeakMap<Page, { code: string; at: number }>();

/** Enrols this browser as a device and waits for the first sync to bring the staff list. */
export async function enrolDevice(page: Page, server: TestServer, deviceName = 'pack-01'): Promise<void> {
  await page.goto(server.url);
  await page.getByTestId('enrol-code').fill(await server.enrolmentCode());
  await page.getByTestId('enrol-device-name').fill(deviceName);
  await page.getByTestId('enrol-submit').click();
  await expect(page.getByTestId('signin-screen')).toBeVisible();
}

/** Signs in by "scanning" a staff badge on the sign-in screen. */
export async function signIn(page: Page, staffCode = 'ST001'): Promise<void> {
  await wedgeScan(page, staffCode, 'signin-code');
  await expect(page.getByTestId('home-screen')).toBeVisible();
}

/**
 * Enrols the device, signs in, and waits for the first sync and for the service worker to control the
 * page: from here the app starts and works with no network.
 */
export async function readyForOffline(page: Page, server: TestServer, deviceName = 'pack-01', staffCode = 'ST001'): Promise<void> {
  await enrolDevice(page, server, deviceName);
  await signIn(page, staffCode);
  await expectAllSynced(page);
  await waitForServiceWorker(page);
}

/** Each page's DevTools session, through which a scan's keys are sent. */
const devTools = new WeakMap<Page, Promise<CDPSession>>();

/** The key events a scanner sends for one character (or a suffix key): down with its text, then up; `timestamp` in seconds since the epoch. */
function keyEvents(key: string, timestamp?: number): Record<string, unknown>[] {
  const suffix = key === 'Enter' ? { code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' } : key === 'Tab' ? { code: 'Tab', windowsVirtualKeyCode: 9 } : { text: key, unmodifiedText: key };
  const at = timestamp === undefined ? {} : { timestamp };
  return [
    { type: 'keyDown', key, ...suffix, ...at },
    { type: 'keyUp', key, ...('code' in suffix ? { code: suffix.code, windowsVirtualKeyCode: suffix.windowsVirtualKeyCode } : {}), ...at },
  ];
}

/**
 * A keyboard-wedge scan: the scanner types the code as a burst of keys and ends it with Enter (or Tab).
 * The keys are real (trusted) key events, sent back to back as a DataWedge burst is: one Playwright
 * keystroke at a time leaves gaps of tens of milliseconds on a loaded machine, which a scanner never does.
 */
export async function wedgeScan(page: Page, code: string, testId = 'scan-input', suffix: 'Enter' | 'Tab' = 'Enter'): Promise<void> {
  const input = page.getByTestId(testId);
  await expect(input).toBeFocused();
  const last = lastScan.get(page);
  const wait = last && last.code === code ? last.at + DUPLICATE_SCAN_WINDOW_MS * 2 - Date.now() : 0;
  if (wait > 0) await page.waitForTimeout(wait);
  lastScan.set(page, { code, at: Date.now() });
  await wedgeKeys(page, [...code, suffix]);
}

/**
 * Sends keys as a scanner does: trusted key events (down, then up; 'Enter' and 'Tab' as those keys),
 * back to back without waiting for each answer, so the browser takes them in order as one burst.
 * The browser stamps each with the time it dispatches it, or with `sentAt` (epoch ms) + 1 ms per key.
 */
export async function wedgeKeys(page: Page, keys: string[], sentAt?: number): Promise<void> {
  if (!devTools.has(page)) devTools.set(page, page.context().newCDPSession(page));
  const session = await devTools.get(page)!;
  const events = keys.flatMap((key, i) => keyEvents(key, sentAt === undefined ? undefined : (sentAt + i) / 1000));
  await Promise.all(events.map((event) => session.send('Input.dispatchKeyEvent', event as never)));
}

/** Waits until the service worker controls the page, so the app can start with no network. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
}

/** Waits for the sync bar to show nothing waiting. */
export async function expectAllSynced(page: Page): Promise<void> {
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
}

/**
 * The label step of a parcel whose carrier asks for labels (the demo's carriers read 'optional'):
 * skipped, for journeys about something else. The label journeys scan the labels instead.
 */
export async function skipLabelStep(page: Page): Promise<void> {
  await expect(page.getByTestId('step-now')).toHaveAttribute('data-step', 'boxes');
  await page.getByTestId('labels-skip').click();
  await expect(page.getByTestId('step-now')).toHaveAttribute('data-step', 'complete');
}

/** The feedback of the last scan: its tone and text. */
export async function expectFeedback(page: Page, tone: 'ok' | 'error' | 'warning' | 'complete', text?: RegExp | string): Promise<void> {
  const feedback = page.getByTestId('feedback');
  await expect(feedback).toHaveAttribute('data-tone', tone);
  if (text) await expect(feedback).toContainText(text);
}

/** Gives a staff member a PIN through the admin API (the badge then asks for it at sign-in). */
export async function setStaffPin(server: TestServer, staffId: string, pin: string): Promise<void> {
  const res = await fetch(`${server.url}/api/admin/staff/${staffId}/pin`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${SERVER_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ pin }),
  });
  expect(res.status).toBe(200);
}

/** How many parcels the device database holds. */
export function storedParcels(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('floorpack');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const count = req.result.transaction('parcels').objectStore('parcels').count();
          count.onsuccess = () => {
            resolve(count.result);
            req.result.close();
          };
        };
      }),
  );
}

/** A demo parcel by id, with the first barcode of each of its products. */
export function demoParcel(shipmentId: string) {
  const parcel = DEMO_PARCELS.find((p) => p.shipmentId === shipmentId);
  if (!parcel) throw new Error(`no demo parcel ${shipmentId}`);
  return parcel;
}

/** The scannable barcode of a demo product. */
export function barcodeOf(productCode: string): string {
  const product = DEMO_PRODUCTS.find((p) => p.code === productCode);
  if (!product) throw new Error(`no demo product ${productCode}`);
  return product.barcodes[0];
}

/** The barcode of a demo insert, or null when it is confirmed by tap. */
export function insertBarcode(code: string): string | null {
  return DEMO_INSERTS.find((i) => i.code === code)?.barcode ?? null;
}
