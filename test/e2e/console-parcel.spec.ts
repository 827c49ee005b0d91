/**
 * The console's parcel page in a desktop Chromium: a supervisor asked about one order types its order
 * number and sees the parcel's lines with JANs, its flag and why, the gift, the inserts and who packed
 * it on which device and when, including the second try the server refused; a parcel packed with its
 * label is found by the number on the box. The lists stay readable at 1,280 px and on a 768 px tablet.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PRODUCTS, DEMO_RANKS, DEMO_STAFF } from '../../src/server/demo/demo-data.js';
import { contrastRatio } from '../../src/shared/domain/contrast.js';
import { bearer, packedEvent } from '../helpers/events.js';
import { SERVER_ADMIN_TOKEN } from '../helpers/server-process.js';
import { useServer } from '../helpers/spec-server.js';

test.use({ viewport: { width: 1280, height: 860 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1, locale: 'ja-JP', timezoneId: 'America/New_York' });

const server = useServer();

async function signIn(page: Page) {
  await page.goto(`${server.url}/console/`);
  await page.getByTestId('console-token').fill(SERVER_ADMIN_TOKEN);
  await page.getByTestId('console-signin-submit').click();
  await expect(page.getByTestId('import-section')).toBeVisible();
}

/**
 * A handheld packs the gift parcel, then pushes a second finish of it from the same device (refused:
 * already packed), and packs the held parcel offline (refused, and flagged for a supervisor).
 */
async function packOnAHandheld(page: Page) {
  const enrol = await page.request.post(`${server.url}/api/enrol`, { data: { code: await server.enrolmentCode(), deviceName: '梱包-03' } });
  expect(enrol.status()).toBe(200);
  const { token } = await enrol.json();
  const events = [
    packedEvent('S0000002', { deviceSeq: 1, at: '2026-11-24T01:05:00Z' }),
    packedEvent('S0000002', { deviceSeq: 2, at: '2026-11-24T01:09:00Z', staffId: DEMO_STAFF[1].id }),
    packedEvent('S0000006', { deviceSeq: 3, at: '2026-11-24T01:12:00Z' }),
  ];
  const push = await page.request.post(`${server.url}/api/sync/push`, { data: { events }, headers: bearer(token) });
  expect((await push.json()).results.map((r: { status: string }) => r.status)).toEqual(['applied', 'rejected', 'rejected']);
}

test('search by order number opens the parcel page: lines, flag and why, gift, inserts and the timeline', async ({ page }) => {
  await packOnAHandheld(page);
  await signIn(page);
  await page.getByTestId('nav-parcels').click();
  await page.getByTestId('parcel-search').fill('202611204002');
  await page.getByTestId('parcel-search').press('Enter');

  const parcelPage = page.getByTestId('parcel-page');
  await expect(parcelPage).toHaveAttribute('data-shipment', 'S0000002');
  await expect(page).toHaveURL(/#parcel\/S0000002$/);
  await expect(page.getByTestId('parcel-status')).toHaveText('梱包済');
  await expect(page.getByTestId('parcel-summary')).toContainText('田中 恵');

  const lines = page.getByTestId('parcel-line');
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(0)).toContainText('モイストクリーム 50g');
  await expect(lines.nth(0)).toContainText(DEMO_PRODUCTS[1].barcodes[0]);

  await expect(page.getByTestId('parcel-flag')).toContainText('初回購入');
  await expect(page.getByTestId('parcel-flag')).toContainText('サンクスカード');
  await expect(page.getByTestId('flag-basis')).toContainText('購入 1 回目');
  await expect(page.getByTestId('parcel-gift')).toContainText('外のし「御祝」');
  await expect(page.getByTestId('parcel-gift')).toContainText('田中');
  await expect(page.getByTestId('parcel-inserts')).toContainText('L05');
  await expect(page.getByTestId('parcel-inserts')).toContainText('ブランドブック');

  // Who, on which device and when (in the warehouse's zone, Asia/Tokyo, not the browser's New York), and what was refused.
  const entries = page.getByTestId('timeline-entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toHaveAttribute('data-outcome', 'applied');
  await expect(entries.nth(0)).toContainText('2026-11-24 10:05');
  await expect(entries.nth(0)).toContainText(DEMO_STAFF[0].name);
  await expect(entries.nth(0)).toContainText('梱包-03');
  await expect(entries.nth(1)).toHaveAttribute('data-outcome', 'rejected');
  await expect(entries.nth(1)).toContainText('already_packed');
  await expect(entries.nth(1)).toContainText(DEMO_STAFF[1].name);

  // The rank is its badge, and its text reads at 4.5:1 or better on the brand's colour.
  const badge = page.getByTestId('parcel-summary').getByTestId('rank-badge');
  await expect(badge).toHaveText('ゴールド');
  const colours = await badge.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
  const hex = (rgb: string) => `#${(rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
  expect(hex(colours[1])).toBe(DEMO_RANKS.find((r) => r.code === 'G')!.color);
  expect(contrastRatio(hex(colours[0]), hex(colours[1]))).toBeGreaterThanOrEqual(4.5);

  // The supervisor flag the held parcel raised links to its page, where the refusal and the flag stand in order.
  await page.getByTestId('nav-flags').click();
  const flag = page.getByTestId('flag-row').filter({ hasText: 'S0000006' });
  await expect(flag).toContainText('出荷停止中に梱包');
  await flag.getByTestId('parcel-link').click();
  await expect(page.getByTestId('parcel-page')).toHaveAttribute('data-shipment', 'S0000006');
  await expect(page.getByTestId('timeline-entry')).toHaveCount(2);
  await expect(page.getByTestId('timeline-entry').nth(0)).toContainText('parcel_held');
  await expect(page.getByTestId('timeline-entry').nth(1)).toContainText('出荷停止中に梱包');
});

test('a parcel packed with its label is found by the tracking number as printed; its page shows the carrier, the number and where it was scanned; 倉庫設定 sets LABEL_SCAN', async ({ page }) => {
  const enrol = await page.request.post(`${server.url}/api/enrol`, { data: { code: await server.enrolmentCode(), deviceName: '梱包-07' } });
  const { token } = await enrol.json();
  const packed = packedEvent('S0000004', { at: '2026-11-24T01:20:00Z' });
  const withLabel = { ...packed, payload: { ...packed.payload, boxCount: 1, labels: [{ box: 1, trackingNumber: '400000000470' }] } };
  const push = await page.request.post(`${server.url}/api/sync/push`, { data: { events: [withLabel] }, headers: bearer(token) });
  expect((await push.json()).results.map((r: { status: string }) => r.status)).toEqual(['applied']);

  await signIn(page);
  await page.getByTestId('nav-parcels').click();
  await page.getByTestId('parcel-search').fill('4000-0000-0470');
  await page.getByTestId('parcel-search').press('Enter');
  await expect(page.getByTestId('parcel-page')).toHaveAttribute('data-shipment', 'S0000004');

  const shipping = page.getByTestId('parcel-shipping');
  await expect(page.getByTestId('shipping-carrier')).toContainText('ヤマト運輸');
  const box = shipping.getByTestId('shipping-box');
  await expect(box).toHaveCount(1);
  await expect(box).toContainText('400000000470');
  await expect(box).toContainText('照合済み');
  // Scanned at 10:20 Tokyo time (the warehouse's zone, not the browser's New York) on the packing device.
  await expect(box).toContainText('2026-11-24 10:20 · 梱包-07');
  await expect(box).toContainText('未積込');
  await expect(page.getByTestId('shipping-notification')).toContainText('積込の締め');
  await expect(box.getByRole('link', { name: '400000000470' })).toHaveAttribute('href', /kuronekoyamato/);

  // 倉庫設定 changes LABEL_SCAN per carrier through the shipping settings, and it stays changed.
  await page.goto(`${server.url}/console/#settings`);
  await page.getByTestId('label-scan-sagawa').selectOption('required');
  await expect(page.getByTestId('label-scan-row').filter({ hasText: '佐川急便' })).toContainText('保存しました');
  await page.reload();
  await expect(page.getByTestId('label-scan-sagawa')).toHaveValue('required');
  await expect(page.getByTestId('label-scan-yamato')).toHaveValue('optional');
});

test('every list links to the parcel page; cells hold no JSON, null or ISO times; tables fit a 1,280 px screen and a tablet', async ({ page }) => {
  await signIn(page);
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 900 });
    for (const section of ['batches', 'parcels', 'holds', 'catalogue', 'shipping', 'settings'] as const) {
      await page.goto(`${server.url}/console/#${section}`);
      await expect(page.locator('main table').first()).toBeVisible();
      const cells = await page.locator('main td').allInnerTexts();
      expect(cells.length).toBeGreaterThan(0);
      for (const text of cells) {
        expect(text, `${section}: ${text}`).not.toMatch(/^\[|"\]|\bnull\b|\d{4}-\d\d-\d\dT\d\d:/);
      }
      // The page never scrolls sideways; a wide table scrolls inside its own box.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${section} at ${width}px`).toBeLessThanOrEqual(width);
    }
  }

  // A batch's parcels are links to their pages.
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(`${server.url}/console/#batches`);
  const link = page.getByTestId('batch-row').first().getByTestId('parcel-link').first();
  const shipmentId = await link.innerText();
  await link.click();
  await expect(page.getByTestId('parcel-page')).toHaveAttribute('data-shipment', shipmentId);

  // The held parcel's page says why it is held.
  await page.goto(`${server.url}/console/#holds`);
  await page.locator('[data-testid="parcel-row"][data-shipment="S0000006"]').getByTestId('parcel-link').click();
  await expect(page.getByTestId('parcel-hold-reason')).toHaveText('前日注文キャンセル');

  // An id nobody has says what to do.
  await page.goto(`${server.url}/console/#parcel/S9999999`);
  await expect(page.getByTestId('empty-state')).toContainText('出荷一覧で');
});
