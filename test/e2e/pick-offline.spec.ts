/**
 * The picking journey: claim a multi-item batch, go offline, pick it in walking order by wedge scans
 * (a wrong location and a wrong item refused), reload mid-batch and carry on, key a quantity, report a
 * short pick, go online; the short parcel is then held and refused at the pack station, and the
 * picked ones carry the "picked" badge there.
 */
import { expect, test } from '@playwright/test';
import { DEMO_SCENARIOS as S } from '../../src/server/demo/demo-data.js';
import { barcodeOf, expectAllSynced, expectFeedback, readyForOffline, wedgeScan } from '../helpers/journey.js';
import { useServer } from '../helpers/spec-server.js';

test.describe.configure({ mode: 'serial' });

const server = useServer();

interface AdminBatch {
  batchId: string;
  shape: string;
  status: string;
  shipmentIds: string[];
  shortShipmentIds: string[];
}

test('picks a multi-item batch offline through a wrong item, a reload and a short pick; the short parcel is held at packing', async ({ page, context }) => {
  const { batches } = await server.admin<{ batches: AdminBatch[] }>('GET', '/api/admin/batches?status=open');
  const multi = batches.find((b) => b.shipmentIds.includes(S.pickMultiTopRank))!;
  expect(multi.shipmentIds).toEqual([S.pickMultiTopRank, S.pickMultiFirstPurchase, S.pickMultiNewest]);

  await readyForOffline(page, server, 'pick-01');

  // The list shows each batch's shape and size; this picker takes the multi-item one.
  await page.getByTestId('menu-pick').click();
  const card = page.getByTestId(`batch-${multi.batchId}`);
  await expect(card).toHaveAttribute('data-shape', 'multi');
  await expect(card).toHaveAttribute('data-size', '3');
  await expect(card).toContainText('複数品');
  await page.getByTestId(`claim-${multi.batchId}`).click();
  await expectFeedback(page, 'ok', multi.batchId);
  await expectAllSynced(page);

  await context.setOffline(true);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-online', 'false');

  // Stop 1 of the walking route: zone A, aisle 1.
  await expect(page.getByTestId('stop-location')).toHaveText('A-01-01-1');
  await wedgeScan(page, 'B-01-04-1'); // a location further along the route
  await expectFeedback(page, 'error', 'A-01-01-1');
  await wedgeScan(page, barcodeOf('SKU-1009')); // an item of a later stop
  await expectFeedback(page, 'error', '違う商品');
  await expect(page.getByTestId('pick-progress')).toHaveAttribute('data-picked', '0');
  await wedgeScan(page, 'A-01-01-1');
  await expectFeedback(page, 'ok', 'A-01-01-1');
  await wedgeScan(page, barcodeOf('SKU-1006'));
  await expectFeedback(page, 'ok');

  // Stop 2: aisle 2 (walked down the bays); one unit scanned, then a reload with no network.
  await expect(page.getByTestId('stop-location')).toHaveText('A-02-01-3');
  await wedgeScan(page, barcodeOf('SKU-1004'));
  await expectFeedback(page, 'ok');
  await expect(page.getByTestId('saved-indicator')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await expect(page.getByTestId('pick-screen')).toHaveAttribute('data-step', 'picking');
  await expect(page.getByTestId('stop-location')).toHaveText('A-02-01-3');
  await expect(page.getByTestId('stop-qty')).toHaveAttribute('data-picked', '1');
  await expect(page.getByTestId('pick-progress')).toHaveAttribute('data-picked', '2');

  // Scan once, key the rest.
  await page.getByTestId('keypad-button').click();
  await page.getByTestId('keypad-input').fill('2');
  await page.getByTestId('keypad-submit').click();
  await expectFeedback(page, 'ok');

  // Stop 3: one product for all three parcels, split per cart slot; the top-rank and first-purchase parcels are marked.
  await expect(page.getByTestId('stop-location')).toHaveText('A-03-02-1');
  await expect(page.getByTestId('stop-qty')).toHaveAttribute('data-required', '3');
  await expect(page.getByTestId('split-slot-1')).toHaveAttribute('data-marked', 'true');
  await expect(page.getByTestId('split-slot-2')).toHaveAttribute('data-marked', 'true');
  await expect(page.getByTestId('split-slot-3')).toHaveAttribute('data-marked', 'false');
  await wedgeScan(page, barcodeOf('SKU-1009'));
  await expectFeedback(page, 'ok');
  await wedgeScan(page, barcodeOf('SKU-1009'));
  await expectFeedback(page, 'ok');

  // Only two on the shelf: the newest order (slot 3) goes without, and its last stop is skipped.
  await page.getByTestId('short-button').click();
  await expect(page.getByTestId('short-input')).toHaveValue('2');
  await page.getByTestId('short-submit').click();
  await expectFeedback(page, 'warning', 'スロット 3');
  await expect(page.getByTestId('pick-screen')).toHaveAttribute('data-step', 'idle');
  await expect(page.getByTestId('last-batch')).toContainText(S.pickMultiNewest);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '4');

  // Network back: the picks sync; the server holds the short parcel and has the batch completed.
  await context.setOffline(false);
  await expectAllSynced(page);
  const done = await server.admin<{ batches: AdminBatch[] }>('GET', '/api/admin/batches?status=completed');
  expect(done.batches).toEqual([expect.objectContaining({ batchId: multi.batchId, shortShipmentIds: [S.pickMultiNewest] })]);
  await expect(page.getByTestId(`batch-${multi.batchId}`)).toHaveCount(0);

  // At the pack station: the short parcel is refused, a picked one shows the badge.
  await page.getByTestId('pick-back').click();
  await page.getByTestId('menu-pack').click();
  await wedgeScan(page, S.pickMultiNewest);
  await expectFeedback(page, 'error', '欠品');
  await expect(page.getByTestId('parcel-card')).toHaveCount(0);
  await wedgeScan(page, S.pickMultiTopRank);
  await expectFeedback(page, 'ok');
  await expect(page.getByTestId('picked-badge')).toBeVisible();
});
