/**
 * A device whose local database vanished (evicted, cleared) while the browser kept its enrolled mark:
 * the app says so, and when it is enrolled again the server tells a supervisor what may have been lost.
 */
import { expect, test } from '@playwright/test';
import { enrolDevice, expectAllSynced, signIn } from '../helpers/journey.js';
import { useServer } from '../helpers/spec-server.js';

const server = useServer();

test('a vanished database is shown on the device and flagged for a supervisor on re-enrolment', async ({ page }) => {
  await enrolDevice(page, server, 'pack-vanish');
  await signIn(page);
  await expectAllSynced(page);
  const { devices } = await server.admin<{ devices: { id: string; name: string }[] }>('GET', '/api/admin/devices');
  const old = devices.find((d) => d.name === 'pack-vanish')!;

  // The browser evicts IndexedDB (the localStorage mark survives, as when only the database is cleared).
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase('floorpack');
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
        // The open connection is closed by the app on versionchange.
        req.onblocked = () => undefined;
      }),
  );
  await page.reload();
  await expect(page.getByTestId('notice-vanished')).toBeVisible();
  await expect(page.getByTestId('enrol-screen')).toBeVisible();

  await enrolDevice(page, server, 'pack-vanish');
  const { flags } = await server.admin<{ flags: { kind: string; deviceId: string }[] }>('GET', '/api/admin/supervisor-flags?open=true');
  expect(flags).toEqual([expect.objectContaining({ kind: 'db_lost', deviceId: old.id })]);
});
