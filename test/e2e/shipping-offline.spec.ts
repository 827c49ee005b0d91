/**
 * Shipping on the handheld, offline, at 360×640: the label step at packing refuses another customer's
 * label (送り状照合), and the loading check (積込検品) refuses a held parcel before it reaches the truck.
 * The parcels' shipping data (carrier, boxes, labels) is written into the device's own parcel store, as
 * a pull that carries it would leave it, so these journeys do not depend on the server's shipping side.
 */
import { expect, test, type Page } from '@playwright/test';
import type { ParcelShipping } from '../../src/shared/domain/carrier.js';
import { sevenDrCheckDigit } from '../../src/shared/domain/tracking-number.js';
import { DEMO_SCENARIOS } from '../../src/server/demo/demo-data.js';
import { barcodeOf, demoParcel, expectFeedback, insertBarcode, readyForOffline, wedgeScan } from '../helpers/journey.js';
import { useServer } from '../helpers/spec-server.js';

test.describe.configure({ mode: 'serial' });

const server = useServer();

const yamato = (body: string) => body + String(sevenDrCheckDigit(body));
const MINE = yamato('44441375870');
const SOMEONE_ELSES = yamato('44441375879');
const HELD_LABEL = yamato('44441375873');
const A = yamato('44441375874');
const B1 = yamato('44441375875');
const B2 = yamato('44441375876');
const SAGAWA = yamato('51254751433');

function shipping(patch: Partial<ParcelShipping>): ParcelShipping {
  return { carrierId: 'yamato', service: '宅急便', boxCount: 1, labelScan: 'required', expectedTrackingNumbers: [], boundTrackingNumbers: [], loadedTrackingNumbers: [], ...patch };
}

/** Patches parcels in the device's IndexedDB (what a pull with shipping data would have stored), then restarts the app from it. */
async function seedParcels(page: Page, patches: Record<string, Record<string, unknown>>): Promise<void> {
  await page.evaluate(
    (all) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('floorpack');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('parcels', 'readwrite');
          const store = tx.objectStore('parcels');
          for (const [id, patch] of Object.entries(all)) {
            const get = store.get(id);
            get.onsuccess = () => store.put({ ...get.result, ...patch });
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    patches,
  );
  await page.reload();
  await expect(page.getByTestId('home-screen')).toBeVisible();
}

/** The outbox's pending events, oldest first. */
function pendingEvents(page: Page): Promise<{ type: string; payload: Record<string, unknown> }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('floorpack');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('outbox').objectStore('outbox').getAll();
          all.onsuccess = () => {
            open.result.close();
            const entries = all.result as { status: string; deviceSeq: number; event: { type: string; payload: Record<string, unknown> } }[];
            resolve(entries.filter((e) => e.status === 'pending').sort((a, b) => a.deviceSeq - b.deviceSeq).map((e) => e.event));
          };
        };
      }),
  );
}

/** True when the element is wholly inside the 360×640 viewport without scrolling. */
async function inView(page: Page, testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= 640 && box.x >= 0 && box.x + box.width <= 360;
}

test('packing offline: another customer’s label is refused loudly, the right one completes the pack with it', async ({ page, context }) => {
  const single = demoParcel(DEMO_SCENARIOS.singleItem);
  await readyForOffline(page, server);
  await context.setOffline(true);
  await seedParcels(page, { [single.shipmentId]: { shipping: shipping({ expectedTrackingNumbers: [MINE] }) } });
  await page.getByTestId('menu-pack').click();

  await wedgeScan(page, single.shipmentId);
  await expectFeedback(page, 'ok');
  await wedgeScan(page, barcodeOf(single.lines[0].productCode));
  await expectFeedback(page, 'ok');
  await wedgeScan(page, insertBarcode('L01')!);
  await expectFeedback(page, 'ok');

  // The contents are done: the step panel asks for the box count, then the label. 完了 waits for both.
  await expect(page.getByTestId('step-now')).toHaveAttribute('data-step', 'boxes');
  await expect(page.getByTestId('label-step')).toBeVisible();
  await expect(page.getByTestId('complete-button')).toBeDisabled();
  await page.getByTestId('boxes-confirm').click();
  await expectFeedback(page, 'ok');
  await expect(page.getByTestId('step-now')).toHaveAttribute('data-step', 'label');
  await expect(page.getByTestId('step-instruction')).toContainText('1/1 箱目の送り状');

  // Another customer's label, as a wedge sends NW-7 (start/stop letters): refused, red, nothing recorded.
  await wedgeScan(page, `a${SOMEONE_ELSES}a`);
  await expectFeedback(page, 'error', '別のお客様の送り状です');
  await expect(page.getByTestId('error-overlay')).toContainText('貼り直してください');
  await expect(page.getByTestId('label-step')).toHaveAttribute('data-labels', '0');
  await expect(page.getByTestId('complete-button')).toBeDisabled();
  await page.getByTestId('error-overlay').click();

  await wedgeScan(page, `a${MINE}a`);
  await expectFeedback(page, 'ok');
  // Every box has its label: the step panel moves on to complete.
  await expect(page.getByTestId('step-now')).toHaveAttribute('data-step', 'complete');
  await page.getByTestId('complete-button').click();
  await expectFeedback(page, 'complete');
  const [packed] = await pendingEvents(page);
  expect(packed).toMatchObject({ type: 'parcel.packed', payload: { shipmentId: single.shipmentId, boxCount: 1, labels: [{ box: 1, trackingNumber: MINE }] } });
});

test('loading offline: a held parcel is refused at the truck, the count shows what is still on the shelf', async ({ page, context }) => {
  await readyForOffline(page, server);
  await context.setOffline(true);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-online', 'false');
  await seedParcels(page, {
    [DEMO_SCENARIOS.held]: { shipping: shipping({ boundTrackingNumbers: [HELD_LABEL] }) },
    [DEMO_SCENARIOS.secondPurchase]: { status: 'packed', shipping: shipping({ boundTrackingNumbers: [A] }) },
    [DEMO_SCENARIOS.innerNoshi]: { status: 'packed', shipping: shipping({ boxCount: 2, expectedTrackingNumbers: [B1, B2], boundTrackingNumbers: [B1, B2] }) },
    [DEMO_SCENARIOS.diamond]: { status: 'packed', shipping: shipping({ carrierId: 'sagawa', boundTrackingNumbers: [SAGAWA] }) },
  });
  await page.getByTestId('menu-load').click();
  await expect(page.getByTestId('load-carrier-yamato')).toHaveAttribute('data-boxes', '3');
  await expect(page.getByTestId('load-carrier-sagawa')).toHaveAttribute('data-boxes', '1');
  await page.getByTestId('load-carrier-yamato').click();
  await expect(page.getByTestId('load-left')).toContainText('残り 3 箱 / 2 件');

  // The parcel cancelled after packing is stopped here, saying what to do with it.
  await wedgeScan(page, `a${HELD_LABEL}a`);
  await expectFeedback(page, 'error', '出荷停止: 前日注文キャンセル — 出荷棚から外してください');
  await expect(page.getByTestId('error-overlay')).toBeVisible();
  await expect(page.getByTestId('load-count')).toHaveAttribute('data-loaded', '0');
  await page.getByTestId('error-overlay').click();
  // Sagawa's parcel does not go on Yamato's truck.
  await wedgeScan(page, SAGAWA);
  await expectFeedback(page, 'error', '佐川急便');
  await page.getByTestId('error-overlay').click();

  await wedgeScan(page, `a${A}a`);
  await expectFeedback(page, 'complete');
  await wedgeScan(page, B1);
  await expectFeedback(page, 'ok', '1/2');
  await expect(page.getByTestId('saved-indicator')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('load-left')).toContainText('残り 1 箱 / 1 件');
  await expect(page.getByTestId('load-count')).toHaveAttribute('data-loaded', '2');
  // At 360×640 the instruction, the feedback line, the count and the step's button are in view without scrolling.
  for (const id of ['scan-input', 'feedback', 'load-left', 'load-loaded', 'load-close']) expect(await inView(page, id), id).toBe(true);
  const scrolls = await page.evaluate(() => document.scrollingElement!.scrollHeight > window.innerHeight);
  expect(scrolls).toBe(false);
  // The README's picture of the loading screen.
  await page.screenshot({ path: process.env.LOADING_SCREENSHOT_OUT ?? test.info().outputPath('loading-360x640.png') });

  // The same box twice is refused.
  await wedgeScan(page, A);
  await expectFeedback(page, 'error', '積込済み');
  await page.getByTestId('error-overlay').click();

  // A reload offline keeps the truck's progress; closing with a box left asks first, then records the close.
  await page.reload();
  await expect(page.getByTestId('menu-load')).toContainText('積込中（2 箱）');
  await page.getByTestId('menu-load').click();
  await expect(page.getByTestId('load-count')).toHaveAttribute('data-loaded', '2');
  await page.getByTestId('load-close').click();
  await page.getByTestId('load-close-confirm').click();
  await expectFeedback(page, 'complete', '2 箱');
  const events = await pendingEvents(page);
  expect(events.map((e) => e.type)).toEqual(['load.scanned', 'load.scanned', 'handover.closed']);
  expect(events[2].payload).toMatchObject({ carrierId: 'yamato', boxesLoaded: 2 });
});
