/**
 * A new version never swaps code under a packer in the middle of a parcel: the update is offered only
 * between parcels, and applied only when the worker taps it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_SCENARIOS } from '../../src/server/demo/demo-data.js';
import { enrolDevice, expectFeedback, readyForOffline, signIn, waitForServiceWorker, wedgeScan } from '../helpers/journey.js';
import { useServer } from '../helpers/spec-server.js';

test.describe.configure({ mode: 'serial' });

let buildCopy: string;
test.beforeAll(async () => {
  buildCopy = mkdtempSync(join(tmpdir(), 'floorpack-build-'));
  cpSync('dist', buildCopy, { recursive: true });
});
test.afterAll(async () => {
  rmSync(buildCopy, { recursive: true, force: true });
});
const server = useServer(() => ({ staticDir: buildCopy }));

/** Ships a new service worker (any byte change makes the browser install it) and asks the page to look. */
async function shipNewVersion(page: import('@playwright/test').Page): Promise<void> {
  const sw = join(buildCopy, 'sw.js');
  writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// release ${Date.now()}\n`);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
}

test('offers the new version only between parcels and swaps it in only on a tap', async ({ page }) => {
  await readyForOffline(page, server);
  const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);

  await page.getByTestId('menu-pack').click();
  await wedgeScan(page, DEMO_SCENARIOS.singleItem);
  await expectFeedback(page, 'ok');
  await shipNewVersion(page);
  // The new worker is installed and waiting, but the packer in mid-parcel is not offered it.
  await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));
  // Give workbox-window's "waiting" event time to reach the app before asserting the bar stays away.
  await page.waitForTimeout(500);
  await expect(page.getByTestId('update-bar')).toHaveCount(0);
  await expect(page.getByTestId('parcel-card')).toBeVisible();

  // Between parcels the bar appears; the page keeps its worker until the tap.
  await page.getByTestId('cancel-button').click();
  await page.getByTestId('cancel-confirm').click();
  // Installing the new worker checks every precached file (the decoder's .wasm included): slow when the machine is busy.
  await expect(page.getByTestId('update-bar')).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(firstWorker);
  const reloaded = page.waitForEvent('load');
  await page.getByTestId('update-bar').getByRole('button').click();
  await reloaded;
  await expect(page.getByTestId('update-bar')).toHaveCount(0);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
});

/** Makes the precached pick screen's code unavailable ('gone'), as an update activated in another tab does, or serves it again ('back'). */
async function setPickChunks(page: import('@playwright/test').Page, state: 'gone' | 'back'): Promise<number> {
  return page.evaluate(async (state) => {
    let n = 0;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if (!/\/assets\/pick-[^/]*\.js/.test(request.url)) continue;
        n += 1;
        if (state === 'gone') await cache.put(request, new Response('gone', { status: 404 }));
        else await cache.delete(request); // the worker then fetches it from the server again
      }
    }
    return n;
  }, state);
}

test('a screen whose code is no longer there asks for a reload instead of breaking, and opens after it', async ({ page }) => {
  await enrolDevice(page, server);
  await signIn(page);
  await waitForServiceWorker(page);
  expect(await setPickChunks(page, 'gone')).toBeGreaterThan(0);

  await page.getByTestId('menu-pick').click();
  const failed = page.getByTestId('screen-load-failed');
  await expect(failed).toBeVisible();
  await expect(page.getByTestId('pick-screen')).toHaveCount(0);

  // A reload brings the version being served, whose screens are all there.
  await setPickChunks(page, 'back');
  const reloaded = page.waitForEvent('load');
  await failed.getByRole('button').click();
  await reloaded;
  await page.getByTestId('menu-pick').click();
  await expect(page.getByTestId('pick-screen')).toBeVisible();
});
