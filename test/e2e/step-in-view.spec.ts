/**
 * At 360×640, with no scrolling, each step of the pack, pick and returns flows shows its instruction,
 * its action button, the feedback line and the count; scan prompts are never cut (Japanese and
 * English); and rank badges read at 4.5:1 or better for the demo's colours and for mid-tone imported ones.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_SCENARIOS as S } from '../../src/server/demo/demo-data.js';
import { barcodeOf, demoParcel, enrolDevice, expectAllSynced, expectFeedback, insertBarcode, signIn, wedgeScan } from '../helpers/journey.js';
import { trackingNumber } from '../helpers/tracking-numbers.js';
import { badgeContrast, expectInView, expectPromptsWhole } from '../helpers/viewport.js';
import { SERVER_ADMIN_TOKEN } from '../helpers/server-process.js';
import { useServer } from '../helpers/spec-server.js';

const server = useServer();

const giftParcel = demoParcel(S.multiItemGiftFirstPurchase);

/** The pack step in view: the step panel and its instruction, the feedback line, and what else is named. */
async function expectPackStep(page: Page, step: string, more: Record<string, string> = {}): Promise<void> {
  await expect(page.getByTestId('step-now')).toHaveAttribute('data-step', step);
  const named = Object.fromEntries(Object.entries(more).map(([name, testId]) => [name, page.getByTestId(testId)]));
  await expectInView(page, { feedback: page.getByTestId('feedback'), instruction: page.getByTestId('step-instruction'), ...named });
  await expectPromptsWhole(page);
}

test('pack, pick and returns: each step in view at 360×640, prompts whole, badges readable', async ({ page, context }) => {
  await test.step('pack: every step of a gift parcel', () => packSteps(page));
  await test.step('pick: a batch claimed low in the list', () => pickStep(page));
  await test.step('returns: a first return', () => returnSteps(page, context));
  await test.step('badges and English prompts', () => badgesAndEnglish(page));
});

async function packSteps(page: Page): Promise<void> {
  await page.goto(server.url);
  await expectPromptsWhole(page);
  await enrolDevice(page, server);
  await expectPromptsWhole(page);
  await signIn(page);
  await expectAllSynced(page);

  await page.getByTestId('menu-pack').click();
  await expectPackStep(page, 'slip', { 'scan field': 'scan-input', 'manual entry': 'manual-entry' });
  await page.getByTestId('manual-entry').click();
  await expectPromptsWhole(page);
  await page.getByTestId('manual-dialog').getByRole('button', { name: 'キャンセル' }).click();

  await wedgeScan(page, giftParcel.shipmentId);
  await expectFeedback(page, 'ok');
  await expectPackStep(page, 'item', { count: 'progress' });
  // A wrong item first: the refusal and the step still in view.
  await wedgeScan(page, barcodeOf('SKU-1001'));
  await expectFeedback(page, 'error');
  await page.getByTestId('error-overlay').click();
  for (const line of giftParcel.lines) {
    for (let unit = 0; unit < line.qty; unit++) {
      await wedgeScan(page, barcodeOf(line.productCode));
      await expectFeedback(page, 'ok');
    }
  }

  // Inserts: one confirmed by tap, two by scan.
  await expectPackStep(page, 'insert', { count: 'progress', button: 'insert-confirm-L05' });
  await page.getByTestId('insert-confirm-L05').click();
  await expectPackStep(page, 'insert', { count: 'progress' });
  await expect(page.getByTestId('step-now')).toContainText('サンクスカード');
  await wedgeScan(page, insertBarcode('L02')!);
  await expectFeedback(page, 'ok');
  await wedgeScan(page, insertBarcode('L01')!);
  await expectFeedback(page, 'ok');

  // The gift instruction whole, with its button, then the human-touch step.
  await expectPackStep(page, 'gift', { count: 'progress', button: 'gift-confirm' });
  for (const text of ['包装紙(白)', '御祝', '外のし', giftParcel.noshiName!, giftParcel.message!]) await expect(page.getByTestId('gift-step')).toContainText(text);
  await page.getByTestId('gift-confirm').click();
  await expectPackStep(page, 'humanTouch', { count: 'progress', button: 'flag-confirm' });
  await expect(page.getByTestId('step-now')).toContainText('初回購入');
  await page.getByTestId('flag-confirm').click();

  // The carrier asks for a label per box: the box count, then the label, each in view with its button.
  await expectPackStep(page, 'boxes', { count: 'progress', button: 'boxes-confirm' });
  await page.getByTestId('boxes-confirm').click();
  await expectPackStep(page, 'label', { count: 'progress', button: 'labels-skip' });
  await wedgeScan(page, trackingNumber(2));
  await expectFeedback(page, 'ok');

  await expectPackStep(page, 'complete', { count: 'progress', button: 'complete-button' });
  await page.getByTestId('complete-button').click();
  await expectFeedback(page, 'complete');
  await expectPackStep(page, 'slip', { 'packed banner': 'packed-banner' });
}

/** A batch claimed low in the list opens at the top with its stop, count and buttons in view. */
async function pickStep(page: Page): Promise<void> {
  await page.getByTestId('pack-back').click();
  await page.getByTestId('menu-pick').click();
  await expectPromptsWhole(page);
  const claims = page.locator('[data-testid^="claim-"]');
  const last = claims.last();
  await last.scrollIntoViewIfNeeded();
  await last.click();
  await expectFeedback(page, 'ok');
  await expectInView(page, {
    'scan field': page.getByTestId('scan-input'),
    feedback: page.getByTestId('feedback'),
    count: page.getByTestId('pick-progress'),
    location: page.getByTestId('stop-location'),
    quantity: page.getByTestId('stop-qty'),
    keypad: page.getByTestId('keypad-button'),
  });
  await expectPromptsWhole(page);
}

/** The receipt of a first return in view, with its own instruction, 未返品 and what happens next. */
async function returnSteps(page: Page, context: BrowserContext): Promise<void> {
  await page.getByTestId('pick-back').click();
  await page.getByTestId('menu-returns').click();
  await expectInView(page, { 'scan field': page.getByTestId('scan-input'), feedback: page.getByTestId('feedback'), search: page.getByTestId('return-search') });
  await expectPromptsWhole(page);

  await wedgeScan(page, giftParcel.shipmentId);
  await expectFeedback(page, 'ok');
  const banner = page.getByTestId('flag-banner');
  await expect(banner).toContainText('初回返品');
  await expect(banner).not.toContainText('サンクスカード');
  await expectInView(page, {
    feedback: page.getByTestId('feedback'),
    count: page.getByTestId('return-progress'),
    instruction: page.getByTestId('flag-instruction'),
    save: page.getByTestId('return-save'),
  });
  await expectPromptsWhole(page);
  expect((await badgeContrast(page.getByTestId('rank-badge'))).ratio).toBeGreaterThanOrEqual(4.5);

  const [back, ...notBack] = giftParcel.lines;
  await wedgeScan(page, barcodeOf(back.productCode));
  await expectFeedback(page, 'ok');
  await page.getByTestId('unit-reason-0').selectOption({ label: 'イメージ違い' });
  await expect(page.getByTestId('return-missing')).toContainText('未返品');
  await expect(page.getByTestId('return-missing')).not.toContainText('欠品');
  await expectInView(page, { feedback: page.getByTestId('feedback'), count: page.getByTestId('return-progress'), save: page.getByTestId('return-save') });

  await context.setOffline(true);
  await page.getByTestId('return-save').click();
  const missing = notBack.reduce((sum, l) => sum + l.qty, 0) + back.qty - 1;
  await expectFeedback(page, 'complete', `未返品 ${missing}`);
  await expect(page.getByTestId('return-next')).toHaveText('同期するとお客様に受付メールが届きます');
  await expectInView(page, { feedback: page.getByTestId('feedback'), saved: page.getByTestId('return-last-saved') });
  await context.setOffline(false);
  await expectAllSynced(page);
  await expect(page.getByTestId('return-next')).toHaveText('✓ 送信済み');
}

/** Badges read at 4.5:1 for every demo rank and for mid-tone imported ones; prompts whole in English. */
async function badgesAndEnglish(page: Page): Promise<void> {
  await page.getByTestId('returns-back').click();
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('menu-pack')).toContainText('Pack');
  // The batch claimed above is still in hand: the pick screen's scan prompt, then the returns search.
  for (const [screen, back] of [
    ['menu-pick', 'pick-back'],
    ['menu-returns', 'returns-back'],
  ]) {
    await page.getByTestId(screen).click();
    await expect(page.getByTestId('scan-input')).toBeFocused();
    await expectPromptsWhole(page);
    await page.getByTestId(back).click();
  }
  await page.getByTestId('menu-pack').click();
  // One parcel of each demo rank: D, G (#b8860b), S, B, N.
  const byRank = { D: S.diamond, G: 'S0000013', S: S.secondPurchase, B: S.firstReturn, N: S.singleItem };
  const badgeOf = async (shipmentId: string) => {
    await wedgeScan(page, shipmentId);
    await expectFeedback(page, 'ok');
    await expectPromptsWhole(page);
    const measured = await badgeContrast(page.getByTestId('rank-badge'));
    await page.getByTestId('cancel-button').click();
    await page.getByTestId('cancel-confirm').click();
    await expectFeedback(page, 'warning');
    return measured;
  };
  for (const [rank, shipmentId] of Object.entries(byRank)) {
    const { background, ratio } = await badgeOf(shipmentId);
    expect(ratio, `rank ${rank} on ${background}`).toBeGreaterThanOrEqual(4.5);
  }

  // Mid-tone colours from the back office: silver and bronze re-imported as #808080 and #c0c0c0.
  const ranks = 'ランクコード,ランク名,表示色\r\nD,ダイヤモンド,#5b2a86\r\nG,ゴールド,#b8860b\r\nS,シルバー,#808080\r\nB,ブロンズ,#c0c0c0\r\nN,一般,#4a5568\r\n';
  const imported = await fetch(`${server.url}/api/admin/import?filename=ranks.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SERVER_ADMIN_TOKEN}`, 'content-type': 'text/csv' },
    body: ranks,
  });
  expect(imported.status).toBe(200);
  // Pull the new colours now rather than at the next scheduled sync.
  await page.getByTestId('pack-back').click();
  await page.getByTestId('menu-sync').click();
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-now')).toBeEnabled();
  await page.getByTestId('sync-screen').getByRole('button', { name: '←' }).click();
  await page.getByTestId('menu-pack').click();
  for (const [shipmentId, colour] of [
    [byRank.S, '#808080'],
    [byRank.B, '#c0c0c0'],
  ]) {
    const { background, ratio } = await badgeOf(shipmentId);
    expect(background).toBe(colour);
    expect(ratio, `badge on ${background}`).toBeGreaterThanOrEqual(4.5);
  }
}
