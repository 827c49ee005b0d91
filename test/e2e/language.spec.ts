/**
 * Every device starts in Japanese and never loads the English words until a worker asks for them. A
 * worker who switches to English sees English at once, after a reload and offline, never Japanese
 * first; when the English words cannot load, the device stays in Japanese and keeps working.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_SCENARIOS } from '../../src/server/demo/demo-data.js';
import { expectAllSynced, expectFeedback, waitForServiceWorker, wedgeScan } from '../helpers/journey.js';
import { useServer } from '../helpers/spec-server.js';

test.describe.configure({ mode: 'serial' });

const server = useServer();

const ENGLISH_CHUNK = /\/assets\/catalogue-en-[^/]*\.js/;

/** The English chunk's loads by the page itself (the service worker's precache fetches are not the page's). */
function countEnglishLoads(page: Page): { count: number } {
  const loads = { count: 0 };
  page.on('request', (request) => {
    if (!request.serviceWorker() && ENGLISH_CHUNK.test(request.url())) loads.count += 1;
  });
  return loads;
}

/** Records, from the page's first byte, whether any of these Japanese words was ever on screen. */
async function watchForJapanese(page: Page, words: string[]): Promise<void> {
  await page.addInitScript((words) => {
    const seen: string[] = [];
    (window as unknown as { japaneseSeen: string[] }).japaneseSeen = seen;
    const look = () => {
      const text = document.body?.textContent ?? '';
      for (const word of words) if (text.includes(word) && !seen.includes(word)) seen.push(word);
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true });
  }, words);
}

function japaneseSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { japaneseSeen: string[] }).japaneseSeen);
}

test('a worker who switches to English sees English after the switch, after a reload and offline', async ({ page, context }) => {
  const englishLoads = countEnglishLoads(page);
  await page.goto(server.url);
  // The worker controls the page before any reload (a page reloaded while it activates may stay uncontrolled).
  await waitForServiceWorker(page);
  const enrol = page.getByTestId('enrol-screen');
  await expect(enrol.locator('h1')).toHaveText('端末の登録');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  expect(englishLoads.count).toBe(0);

  await page.getByTestId('lang-toggle').click();
  await expect(enrol.locator('h1')).toHaveText('Enrol this device');
  await expect(page.getByTestId('lang-toggle')).toHaveText('日本語');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(englishLoads.count).toBe(1);

  // After a reload the first screen is already English: the words load before the first render.
  await watchForJapanese(page, ['読み込み中', '端末の登録', 'サインイン', '検品']);
  await page.reload();
  await expect(enrol.locator('h1')).toHaveText('Enrol this device');
  await page.getByTestId('enrol-code').fill(await server.enrolmentCode());
  await page.getByTestId('enrol-device-name').fill('pack-en');
  await page.getByTestId('enrol-submit').click();
  await expect(page.getByTestId('signin-screen')).toContainText('Sign in');
  await wedgeScan(page, 'ST001', 'signin-code');
  await expect(page.getByTestId('menu-pack')).toContainText('Pack');
  await expectAllSynced(page);

  // Offline, the service worker's precache brings the English words.
  await context.setOffline(true);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-online', 'false');
  await page.reload();
  await expect(page.getByTestId('menu-pack')).toContainText('Pack');
  await page.getByTestId('menu-pack').click();
  await wedgeScan(page, DEMO_SCENARIOS.held);
  await expectFeedback(page, 'error', `HELD: ${DEMO_SCENARIOS.held}`);
  expect(await japaneseSeen(page)).toEqual([]);
  await context.setOffline(false);
});

/** Makes the precached English chunk unavailable ('gone'), as a cache that lacks it is, or serves it again ('back'). */
async function setEnglishChunk(page: Page, state: 'gone' | 'back'): Promise<number> {
  return page.evaluate(
    async ({ state, pattern }) => {
      let n = 0;
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          if (!new RegExp(pattern).test(request.url)) continue;
          n += 1;
          if (state === 'gone') await cache.put(request, new Response('gone', { status: 404 }));
          else await cache.delete(request); // the worker then fetches it from the server again
        }
      }
      return n;
    },
    { state, pattern: ENGLISH_CHUNK.source },
  );
}

test('when the English words cannot load, the device stays in Japanese and keeps working', async ({ page }) => {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(server.url);
  await waitForServiceWorker(page);
  expect(await setEnglishChunk(page, 'gone')).toBeGreaterThan(0);

  const enrol = page.getByTestId('enrol-screen');
  const toggle = page.getByTestId('lang-toggle');
  const refused = page.waitForResponse((response) => ENGLISH_CHUNK.test(response.url()) && !response.request().serviceWorker());
  await toggle.click();
  expect((await refused).status()).toBe(404);
  // Let the failed load settle: the screen stays Japanese and usable, with no error.
  await page.waitForTimeout(300);
  await expect(enrol.locator('h1')).toHaveText('端末の登録');
  await expect(toggle).toHaveText('English');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.getByTestId('enrol-device-name').fill('pack-ja');
  await expect(page.getByTestId('enrol-device-name')).toHaveValue('pack-ja');
  expect(errors).toEqual([]);

  // Once the chunk is served again, the next tap brings English, no reload needed.
  await setEnglishChunk(page, 'back');
  await toggle.click();
  await expect(enrol.locator('h1')).toHaveText('Enrol this device');
  await expect(page.getByTestId('enrol-device-name')).toHaveValue('pack-ja');
  expect(errors).toEqual([]);
});
