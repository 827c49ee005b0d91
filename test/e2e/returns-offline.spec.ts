/**
 * The returns journey: pack a parcel, then (offline) log its return with one item 開封済 and one missing,
 * go online; a real SMTP server started here receives exactly one receipt mail with the order number and
 * items, and the customer's next parcel shows 初回返品 at the pack station.
 */
import { expect, test } from '@playwright/test';
import { DEMO_SCENARIOS } from '../../src/server/demo/demo-data.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { barcodeOf, demoParcel, expectAllSynced, expectFeedback, readyForOffline, skipLabelStep, wedgeScan } from '../helpers/journey.js';
import { DEFAULT_RETURN_INSTRUCTIONS } from '../../src/shared/domain/return-instructions.js';
import { useServer } from '../helpers/spec-server.js';

test.describe.configure({ mode: 'serial' });

let sink: SmtpSink;
test.beforeAll(async () => {
  sink = await startSmtpSink();
});
test.afterAll(async () => {
  await sink?.stop();
});
const server = useServer(() => ({ env: { SMTP_URL: sink.url, MAIL_FROM: 'Floorpack Shop <returns@shop.example>' } }));

const returned = demoParcel(DEMO_SCENARIOS.returnFirst);
const next = demoParcel(DEMO_SCENARIOS.returnFirstNext);
const [kept, lost] = returned.lines; // クレンジングバーム comes back opened; ハンドクリーム is not in the box

test('logs a first return offline, mails the customer once on sync, and flags their next parcel 初回返品', async ({ page, context }) => {
  await readyForOffline(page, server, 'returns-01');
  await context.setOffline(true);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-online', 'false');

  // The parcel leaves first (packed on this device, offline too).
  await page.getByTestId('menu-pack').click();
  await wedgeScan(page, returned.shipmentId);
  await wedgeScan(page, barcodeOf(kept.productCode));
  await wedgeScan(page, barcodeOf(lost.productCode));
  await skipLabelStep(page);
  await page.getByTestId('complete-button').click();
  await expectFeedback(page, 'complete');
  await page.getByTestId('pack-back').click();

  // 返品受付: find it by the customer's name, see who it is and that this is their first return.
  await page.getByTestId('menu-returns').click();
  await page.getByTestId('return-search').fill('岡田');
  await page.getByTestId(`return-pick-${returned.shipmentId}`).click();
  const card = page.getByTestId('return-card');
  await expect(card).toHaveAttribute('data-shipment', returned.shipmentId);
  await expect(card.getByTestId('customer-name')).toHaveText(returned.customerName);
  await expect(card.getByTestId('rank-badge')).toHaveText('ゴールド');
  await expect(card.getByTestId('flag-banner')).toContainText('初回返品');
  // The returns bench's own instruction, as the server's rules give it, not the one for packing the customer's next parcel.
  await expect(card.getByTestId('flag-instruction')).toHaveText(DEFAULT_RETURN_INSTRUCTIONS.FIRST_RETURN.ja);
  await expect(card.getByTestId('flag-banner')).not.toContainText('緩衝材');

  // One item back, opened, size was wrong; the other is listed missing. A stray item is flagged.
  await wedgeScan(page, barcodeOf(kept.productCode));
  await expectFeedback(page, 'ok');
  await wedgeScan(page, barcodeOf('SKU-1001'));
  await expectFeedback(page, 'warning', '想定外');
  await expect(page.getByTestId('return-unexpected')).toContainText('薬用美白ローション');
  await page.getByTestId('return-unexpected').getByRole('button').click();
  await expect(page.getByTestId('return-unexpected')).toHaveCount(0);
  await page.getByTestId('unit-condition-0').selectOption('opened');
  await page.getByTestId('unit-reason-0').selectOption({ label: 'サイズ違い' });
  await expect(page.getByTestId(`return-line-${kept.productCode}`)).toHaveAttribute('data-received', '1');
  await expect(page.getByTestId(`return-missing-${lost.productCode}`)).toContainText('ハンドクリーム');
  await page.getByTestId('return-save').click();
  await expectFeedback(page, 'complete', '未返品 1');
  // What happens next: the customer is told when this device syncs.
  await expect(page.getByTestId('return-next')).toHaveText('同期するとお客様に受付メールが届きます');
  await expect(page.getByTestId('saved-indicator')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '2');

  // The same parcel again is refused on this device.
  await wedgeScan(page, returned.shipmentId);
  await expectFeedback(page, 'error', '受付済み');
  await page.getByTestId('error-overlay').click();

  // Online: the outbox goes up by itself; the customer gets one mail.
  await context.setOffline(false);
  await expectAllSynced(page);
  await expect(page.getByTestId('return-next')).toContainText('送信済み');
  await expect.poll(() => sink.messages.length, { timeout: 30_000 }).toBe(1);
  const mail = sink.messages[0];
  expect(mail.subject).toContain(returned.orderNumber);
  expect(mail.text).toContain(returned.orderNumber);
  expect(mail.text).toMatch(/クレンジングバーム 90g.*× 1.*開封済/);
  expect(mail.text).toContain('ハンドクリーム 柚子 40g');
  expect(mail.messageId).toMatch(/^<return-[0-9a-f-]+@shop\.example>$/);
  const { notifications } = await server.admin<{ notifications: { status: string; orderNumber: string }[] }>('GET', '/api/admin/notifications');
  expect(notifications).toEqual([expect.objectContaining({ status: 'sent', orderNumber: returned.orderNumber })]);

  // The customer's next parcel, pulled in the same sync, carries 初回返品 at the pack station.
  await page.getByTestId('returns-back').click();
  await page.getByTestId('menu-pack').click();
  await wedgeScan(page, next.shipmentId);
  await expectFeedback(page, 'ok');
  await expect(page.getByTestId('parcel-card').getByTestId('flag-banner')).toContainText('初回返品');
  expect(sink.messages).toHaveLength(1);
});
