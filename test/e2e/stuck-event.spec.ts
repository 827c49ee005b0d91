/**
 * No event can jam a device's queue, in a real browser against the real server: the push route answers
 * one parcel's event with an answer this app version does not know (as a newer server might), the rest
 * of the push goes to the server. The device keeps that event queued with the server's reason, syncs the
 * others, shows it stuck on the sync screen (Japanese, at 360×640) once it has failed STUCK_AFTER_ATTEMPTS
 * times, reports it to the console, keeps it across a reload, and sends it once the server takes it.
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { STUCK_AFTER_ATTEMPTS } from '../../src/shared/protocol/sync.js';
import { barcodeOf, demoParcel, enrolDevice, expectAllSynced, expectFeedback, insertBarcode, signIn, skipLabelStep, wedgeScan } from '../helpers/journey.js';
import { SERVER_ADMIN_TOKEN } from '../helpers/server-process.js';
import { useServer } from '../helpers/spec-server.js';

test.describe.configure({ mode: 'serial' });

const server = useServer();

/** The parcel whose event the "newer server" postpones, and one that syncs as usual. */
const POSTPONED = 'S0000010';
const FINE = 'S0000001';
const REASON = 'carrier manifest for S0000010 is closed: try after the next pickup';

type PushedEvent = { id: string; payload: { shipmentId?: string } };

/** Packs a demo parcel: slip, every unit, every insert, and the gift and flag steps when the step panel asks for them. */
async function pack(page: Page, shipmentId: string): Promise<void> {
  const parcel = demoParcel(shipmentId);
  await wedgeScan(page, shipmentId);
  await expectFeedback(page, 'ok');
  for (const line of parcel.lines) {
    for (let i = 0; i < line.qty; i++) {
      await wedgeScan(page, barcodeOf(line.productCode));
      await expectFeedback(page, 'ok');
    }
  }
  for (const code of parcel.insertCodes ?? []) {
    const barcode = insertBarcode(code);
    if (barcode) await wedgeScan(page, barcode);
    else await page.getByTestId(`insert-confirm-${code}`).click();
    await expectFeedback(page, 'ok');
  }
  const stepNow = page.getByTestId('step-now');
  if ((await stepNow.getAttribute('data-step')) === 'gift') {
    await page.getByTestId('gift-confirm').click();
    await expect(stepNow).not.toHaveAttribute('data-step', 'gift');
  }
  if ((await stepNow.getAttribute('data-step')) === 'humanTouch') {
    await page.getByTestId('flag-confirm').click();
    await expect(stepNow).not.toHaveAttribute('data-step', 'humanTouch');
  }
  // The demo's carriers offer the label step; this journey is about sync, so it skips it.
  if ((await stepNow.getAttribute('data-step')) === 'boxes') await skipLabelStep(page);
  await expect(stepNow).toHaveAttribute('data-step', 'complete');
  await page.getByTestId('complete-button').click();
  await expectFeedback(page, 'complete');
}

/** Answers POSTPONED's events with a status this app does not know; forwards the rest to the real server. */
async function postponeOneParcel(route: Route): Promise<void> {
  const { events } = route.request().postDataJSON() as { events: PushedEvent[] };
  const held = events.filter((e) => e.payload.shipmentId === POSTPONED);
  const rest = events.filter((e) => e.payload.shipmentId !== POSTPONED);
  let answered: { id: string }[] = [];
  if (rest.length > 0) {
    const response = await route.fetch({ postData: JSON.stringify({ events: rest }) });
    if (!response.ok()) return route.fulfill({ response });
    answered = ((await response.json()) as { results: { id: string }[] }).results;
  }
  const byId = new Map<string, unknown>([...answered.map((r) => [r.id, r] as const), ...held.map((e) => [e.id, { id: e.id, status: 'postponed', message: REASON, retryAfterSec: 900 }] as const)]);
  await route.fulfill({ json: { results: events.map((e) => byId.get(e.id)) } });
}

test('one event the server will not take stays queued and shows as stuck; the rest sync; nothing is lost', async ({ page, context }) => {
  await enrolDevice(page, server);
  await signIn(page);
  await expectAllSynced(page);
  await context.route('**/api/sync/push', postponeOneParcel);

  await page.getByTestId('menu-pack').click();
  await pack(page, POSTPONED);
  await pack(page, FINE);
  // The other parcel's event reaches the server; the postponed one waits on the device.
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '1', { timeout: 30_000 });
  const events = async (shipmentId: string) => (await server.admin<{ events: { status: string }[] }>('GET', `/api/admin/events?shipmentId=${shipmentId}`)).events;
  await expect.poll(() => events(FINE)).toEqual([expect.objectContaining({ status: 'applied' })]);
  expect(await events(POSTPONED)).toEqual([]);

  // On the sync screen: queued, with the server's reason; each tap on "sync now" is one more attempt.
  await page.getByTestId('pack-back').click();
  await page.getByTestId('menu-sync').click();
  const stuck = page.getByTestId('sync-stuck');
  const pending = page.getByTestId('sync-pending');
  await expect(pending.getByTestId('entry-retry')).toContainText(REASON);
  for (let i = 0; i < STUCK_AFTER_ATTEMPTS + 2 && (await stuck.count()) === 0; i++) {
    await expect(page.getByTestId('sync-now')).toBeEnabled();
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-now')).toBeEnabled();
  }
  await expect(stuck).toBeVisible();
  await expect(stuck).toContainText('同期できない記録があります');
  await expect(stuck).toContainText(POSTPONED);
  await expect(page.getByTestId('sync-stuck-reason')).toContainText(REASON);
  expect(Number(await stuck.getAttribute('data-attempts'))).toBeGreaterThanOrEqual(STUCK_AFTER_ATTEMPTS);
  // Readable at 360×640: nothing runs off the side of the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const stuckId = await stuck.getAttribute('data-event');

  // The console lists the device as stuck with that event, as the device reported it on its pull.
  const device = async () => (await server.admin<{ devices: { name: string; stuck: { eventId: string; type: string; attempts: number; reason: string } | null }[] }>('GET', '/api/admin/devices')).devices.find((d) => d.name === 'pack-01');
  await expect.poll(async () => (await device())?.stuck).toMatchObject({ eventId: stuckId, type: 'parcel.packed', reason: REASON });
  // … and the supervisor's page marks its row with that event: type, id, age, attempts, reason.
  const consolePage = await context.newPage();
  await consolePage.goto(`${server.url}/console/#devices`);
  await consolePage.getByTestId('console-token').fill(SERVER_ADMIN_TOKEN);
  await consolePage.getByTestId('console-signin-submit').click();
  const row = consolePage.getByTestId('device-row').filter({ hasText: 'pack-01' });
  await expect(row).toHaveAttribute('data-stuck', 'true');
  for (const text of ['parcel.packed', stuckId!, '分前', '回 / attempts', REASON]) await expect(row).toContainText(text);
  await consolePage.close();

  // A reload keeps it, queued and stuck, with its reason.
  await page.reload();
  await page.getByTestId('menu-sync').click();
  await expect(page.getByTestId('sync-stuck')).toHaveAttribute('data-event', stuckId!);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '1');

  // The server takes it now: it is sent once, and the device and the console are clear.
  await context.unroute('**/api/sync/push');
  await page.getByTestId('sync-now').click();
  await expectAllSynced(page);
  await expect(page.getByTestId('sync-stuck')).toHaveCount(0);
  await expect.poll(() => events(POSTPONED)).toEqual([expect.objectContaining({ status: 'applied' })]);
  await expect.poll(async () => (await device())?.stuck).toBeNull();
});
