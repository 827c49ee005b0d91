/**
 * Revocation: a device packs offline, is revoked, and comes back online. Its next request gets 401,
 * the app wipes the customer data and returns to enrolment, keeping the unsent record; enrolled again,
 * it sends that record and the server applies it once.
 */
import { expect, test } from '@playwright/test';
import { barcodeOf, demoParcel, enrolDevice, expectAllSynced, expectFeedback, readyForOffline, signIn, skipLabelStep, storedParcels, wedgeScan } from '../helpers/journey.js';
import { useServer } from '../helpers/spec-server.js';

const server = useServer();

test('a revoked device wipes its customer data, keeps its unsent record, and sends it once re-enrolled', async ({ page, context }) => {
  const parcel = demoParcel('S0000014');
  // Installed for offline work (the service worker holds every chunk) before the network goes.
  await readyForOffline(page, server);
  expect(await storedParcels(page)).toBeGreaterThan(10);

  // Packed offline: one unsent record.
  await context.setOffline(true);
  await page.getByTestId('menu-pack').click();
  await wedgeScan(page, parcel.shipmentId);
  for (const line of parcel.lines) await wedgeScan(page, barcodeOf(line.productCode));
  await skipLabelStep(page);
  await wedgeScan(page, parcel.shipmentId);
  await expectFeedback(page, 'complete');
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '1');

  // The supervisor revokes it (lost on the floor, say); then it finds the network again.
  const { devices } = await server.admin<{ devices: { id: string }[] }>('GET', '/api/admin/devices');
  await server.admin('POST', `/api/admin/devices/${devices[0].id}/revoke`);
  await context.setOffline(false);
  await expect(page.getByTestId('notice-revoked')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('enrol-code')).toBeVisible();
  await expect(page.getByText('未送信の記録 1 件')).toBeVisible();
  expect(await storedParcels(page)).toBe(0);

  // Enrolled again: the kept record goes out and is applied exactly once.
  await enrolDevice(page, server, 'pack-01b');
  await signIn(page);
  await expectAllSynced(page);
  const { events } = await server.admin<{ events: { status: string; deviceId: string }[] }>('GET', `/api/admin/events?shipmentId=${parcel.shipmentId}`);
  expect(events).toEqual([expect.objectContaining({ status: 'applied' })]);
  expect(events[0].deviceId).not.toBe(devices[0].id);
});
