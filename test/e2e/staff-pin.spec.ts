/** A staff member with a PIN: the badge alone is not enough; a wrong PIN is refused; the right one signs in. */
import { expect, test } from '@playwright/test';
import { enrolDevice, setStaffPin, wedgeScan } from '../helpers/journey.js';
import { useServer } from '../helpers/spec-server.js';

const server = useServer();

test('asks for the PIN after the badge, refuses a wrong one, signs in with the right one', async ({ page }) => {
  await setStaffPin(server, 'staff-002', '482913');
  await enrolDevice(page, server);
  await wedgeScan(page, 'ST002', 'signin-code');
  await expect(page.getByTestId('signin-pin')).toBeVisible();
  await page.getByTestId('signin-pin').fill('111111');
  await page.getByTestId('signin-pin-submit').click();
  await expect(page.getByTestId('signin-error')).toContainText('暗証番号が違います');
  await page.getByTestId('signin-pin').fill('482913');
  await page.getByTestId('signin-pin-submit').click();
  await expect(page.getByTestId('home-screen')).toBeVisible();
});
