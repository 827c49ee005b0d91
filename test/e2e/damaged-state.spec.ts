/**
 * The app draws its first screen from its records as stored and checks them just after: a record
 * that no longer reads (here a half-verified parcel's saved progress) is caught there, the app
 * starts over from what does read, says so, and the worker carries on.
 */
import { expect, test, type Page } from '@playwright/test';
import { enrolDevice, expectAllSynced, expectFeedback, signIn, wedgeScan } from '../helpers/journey.js';
import { useServer } from '../helpers/spec-server.js';

const server = useServer();

test('a parcel in progress whose saved progress no longer reads starts over on the slip prompt, said on screen, and packing goes on', async ({ page }) => {
  await enrolDevice(page, server, 'pack-damaged-state');
  await signIn(page);
  await expectAllSynced(page);
  await page.getByTestId('menu-pack').click();
  await wedgeScan(page, 'S0000001');
  await expect(page.getByTestId('parcel-card')).toBeVisible();
  await expect(page.locator('[data-testid="saved-indicator"][data-state="saved"]')).toBeVisible();

  // The saved progress is damaged on disk (an old version's record, a half-written one).
  await damagePackState(page);
  await page.reload();
  await expect(page.getByTestId('notice-repaired')).toBeVisible();
  await expect(page.getByTestId('pack-screen')).toBeHidden();
  await page.getByTestId('menu-pack').click();
  await wedgeScan(page, 'S0000001');
  await expectFeedback(page, 'ok');
  await expect(page.getByTestId('parcel-card')).toBeVisible();
});

/** Replaces the pack screen's saved progress with one the app cannot read. */
function damagePackState(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('floorpack');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('meta', 'readwrite');
          tx.objectStore('meta').put({ key: 'packState', value: { step: 'verifying', progress: null } });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}
