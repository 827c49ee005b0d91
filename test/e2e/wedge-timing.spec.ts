/**
 * Wedge scans while the page's main thread is busy: the keys of a scan queue up behind it and are
 * handled back to back, long after they were sent. A scanner that sends Enter never has a scan split
 * by a pause inside it; a scanner with no suffix (opted in on the settings screen) has its scans
 * ended by the gaps between the keys as they were sent — the events' own timestamps.
 */
import { expect, test, type Page } from '@playwright/test';
import { barcodeOf, demoParcel, enrolDevice, setStaffPin, signIn, wedgeKeys } from '../helpers/journey.js';
import { useServer } from '../helpers/spec-server.js';

const server = useServer();

/** Long enough that every key of the burst arrives while the page is still busy, even on a loaded machine. */
const BUSY_MS = 400;
const GAP_MS = 60;

interface KeyRecord {
  key: string;
  sentAt: number;
  handledAt: number;
}

/** Records every keydown (when sent, when handled) and every error or warning the worker is shown. */
async function watchPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { keys: KeyRecord[]; shown: string[] };
    w.keys = [];
    w.shown = [];
    window.addEventListener('keydown', (e) => w.keys.push({ key: e.key, sentAt: e.timeStamp, handledAt: performance.now() }), true);
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[data-testid="signin-error"], [data-testid="feedback"][data-tone="error"], [data-testid="feedback"][data-tone="warning"]')) {
        w.shown.push(el.textContent ?? '');
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

/**
 * One scanner burst with a 60 ms stall in it, into a busy page: `first`, then `second` stamped GAP_MS
 * after the last key of `first`. The first key sets the page's main thread busy for BUSY_MS (as a heavy
 * render would), so every other key waits behind it and the page handles them all in one lump: only
 * their timestamps still show the stall. The keys are dispatched together, stamped with the times a
 * scanner would have sent them, so that the test runner's own timers on a loaded machine cannot let
 * the second half arrive after the page is free again.
 */
async function burstWithGapIntoBusyPage(page: Page, first: string[], second: string[]): Promise<void> {
  await wedgeKeys(page, []); // the DevTools session is open before the clock starts
  await page.evaluate((ms) => {
    const busy = () => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    window.addEventListener('keydown', busy, { capture: true, once: true });
  }, BUSY_MS);
  const start = Date.now();
  await Promise.all([wedgeKeys(page, first, start), wedgeKeys(page, second, start + first.length - 1 + GAP_MS)]);

  // The scenario really happened: keys handled in a lump, long after they were sent, the gap in their stamps.
  const keys = await page.evaluate(() => (window as unknown as { keys: KeyRecord[] }).keys);
  expect(keys.map((k) => k.key)).toEqual([...first, ...second]);
  const [lastOfFirst, firstOfSecond] = [keys[first.length - 1], keys[first.length]];
  expect(keys[1].handledAt - keys[0].handledAt).toBeGreaterThanOrEqual(BUSY_MS);
  expect(firstOfSecond.sentAt - lastOfFirst.sentAt).toBeGreaterThanOrEqual(GAP_MS - 1);
  expect(firstOfSecond.handledAt - lastOfFirst.handledAt).toBeLessThan(GAP_MS / 2);
}

test('a badge sent with Enter is one scan even with a 60 ms gap in it behind a busy main thread', async ({ page }) => {
  await setStaffPin(server, 'staff-002', '482913');
  await enrolDevice(page, server);
  const input = page.getByTestId('signin-code');
  await expect(input).toBeFocused();
  await watchPage(page);

  // The device's very first scan: nothing has taught it anything about its scanner yet.
  await burstWithGapIntoBusyPage(page, [...'ST00'], ['2', 'Enter']);

  await expect(page.getByTestId('signin-pin')).toBeVisible();
  await expect(page.getByTestId('signin-screen')).toContainText('ST002');
  expect(await page.evaluate(() => (window as unknown as { shown: string[] }).shown)).toEqual([]);
});

test('with "a pause ends a scan" on, two codes with no suffix 60 ms apart behind a busy main thread are two scans', async ({ page }) => {
  const parcel = demoParcel('S0000010'); // SKU-1005 ×2
  await enrolDevice(page, server, 'pack-02');
  await signIn(page);
  await page.getByTestId('menu-settings').click();
  await expect(page.getByTestId('settings-pause')).toHaveCount(0); // off by default: most scanners send Enter
  await page.getByTestId('settings-pause-ends').check();
  await expect(page.getByTestId('settings-pause')).toHaveValue('30');
  await page.reload(); // kept on the device
  await page.getByTestId('menu-settings').click();
  await expect(page.getByTestId('settings-pause-ends')).toBeChecked();
  await page.getByTestId('settings-back').click();
  await page.getByTestId('menu-pack').click();
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await watchPage(page);

  await burstWithGapIntoBusyPage(page, [...parcel.shipmentId], [...barcodeOf('SKU-1005')]);

  // The slip ended where the keys paused as sent; the JAN ended by the pause after its last key.
  const line = page.getByTestId(`line-${parcel.lines[0].productCode}`);
  await expect(line).toHaveAttribute('data-done', '1');
  await expect(page.getByTestId('scan-input')).toHaveValue('');
  expect(await page.evaluate(() => (window as unknown as { shown: string[] }).shown)).toEqual([]);
});
