/**
 * The warehouse console in a desktop Chromium: admin-token sign-in, then a back-office import with a
 * dry-run preview (errors by row and column, nothing written), confirm, and the parcels it created.
 */
import { expect, test } from '@playwright/test';
import { fixturePath } from '../helpers/fixtures/import-files.js';
import { SERVER_ADMIN_TOKEN } from '../helpers/server-process.js';
import { useServer } from '../helpers/spec-server.js';

test.use({ viewport: { width: 1280, height: 860 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 });

const server = useServer();

test('imports with a dry-run preview, then confirms; the token never appears in a URL', async ({ page }) => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));

  // Without the token the admin API answers 401, and the console asks for it.
  expect((await page.request.get(`${server.url}/api/admin/parcels`)).status()).toBe(401);
  await page.goto(`${server.url}/console/`);
  await page.getByTestId('console-token').fill('not-the-token-0123456789');
  await page.getByTestId('console-signin-submit').click();
  await expect(page.getByTestId('console-signin-error')).toContainText('管理トークンが違います');
  await page.getByTestId('console-token').fill(SERVER_ADMIN_TOKEN);
  await page.getByTestId('console-signin-submit').click();
  const section = page.getByTestId('import-section');
  await expect(section).toBeVisible();

  // The products first (columns in another order than the default): preview, then import.
  await page.getByTestId('import-file').setInputFiles(fixturePath('products.csv'));
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('report-type')).toHaveText('products');
  await expect(page.getByTestId('report-created')).toHaveText('3');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-result')).toHaveAttribute('data-ok', 'true');

  // The damaged Shift_JIS shipment export: the preview lists every error by row and column.
  await page.getByTestId('import-file').setInputFiles(fixturePath('shipments.sjis.csv'));
  await page.getByTestId('import-preview').click();
  const preview = page.getByTestId('import-preview-result');
  await expect(preview.getByTestId('report-type')).toHaveText('shipments');
  await expect(preview.getByTestId('report-created')).toHaveText('3');
  await expect(preview.getByTestId('report-rejected')).toHaveText('9');
  await expect(preview.getByTestId('report-error')).toHaveCount(17);
  const unknownProduct = preview.locator('[data-testid="report-error"][data-row="6"]');
  await expect(unknownProduct).toHaveAttribute('data-column', '商品コード');
  await expect(unknownProduct).toContainText('T-9999');
  await expect(preview.locator('[data-testid="report-error"][data-row="10"][data-column="顧客ランク"]')).toContainText('行が途中で切れています');

  // Nothing was written by the preview.
  await page.getByTestId('nav-parcels').click();
  await page.getByTestId('parcel-search').fill('S08');
  await page.getByTestId('parcel-search').press('Enter');
  await expect(page.getByTestId('parcels-section')).toContainText('該当なし');

  // Back to the import: preview again and confirm.
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-file').setInputFiles(fixturePath('shipments.sjis.csv'));
  await page.getByTestId('import-preview').click();
  await page.getByTestId('import-confirm').click();
  const result = page.getByTestId('import-result');
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result.getByTestId('report-created')).toHaveText('3');

  await page.getByTestId('nav-parcels').click();
  await page.getByTestId('parcel-search').fill('髙橋');
  await page.getByTestId('parcel-search').press('Enter');
  const row = page.locator('[data-testid="parcel-row"][data-shipment="S0800001"]');
  await expect(row).toContainText('髙橋 﨑子');
  await expect(row).toContainText('初回購入');

  // Notifications (none yet on a fresh server) and the demo's pick batches are listed from their routes.
  await page.getByTestId('nav-notifications').click();
  await expect(page.getByTestId('notifications-section')).toContainText('None');
  await page.getByTestId('nav-batches').click();
  await expect(page.getByTestId('batches-section').locator('table tbody tr').first()).toBeVisible();

  expect(urls.filter((u) => u.includes(SERVER_ADMIN_TOKEN))).toEqual([]);
  expect(await page.evaluate(() => sessionStorage.getItem('floorpack.console.adminToken'))).toBe(SERVER_ADMIN_TOKEN);
});
