/**
 * A server that no longer serves this app's sync protocol answers 426 app_update_required (see
 * test/server/http/app-version.test.ts); the handheld then says 「アプリを更新してください」 with an
 * update button, in view at 360×640, instead of failing its syncs silently.
 */
import { expect, test } from '@playwright/test';
import { enrolDevice, signIn } from '../helpers/journey.js';
import { useServer } from '../helpers/spec-server.js';

const server = useServer();

test('asks the worker to update the app when the server answers 426', async ({ page }) => {
  await enrolDevice(page, server);
  await signIn(page);
  await expect(page.getByTestId('update-required')).toHaveCount(0);

  // The server's answer to an app below its oldest protocol (the wire format of the 426 the server gives).
  await page.route('**/api/sync/**', (route) =>
    route.fulfill({ status: 426, contentType: 'application/json', body: JSON.stringify({ error: 'app_update_required', message: 'update the app' }) }),
  );
  await page.reload();
  const notice = page.getByTestId('update-required');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('アプリを更新してください');
  await expect(notice.getByRole('button', { name: '更新' })).toBeInViewport();
});
