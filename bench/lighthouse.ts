/**
 * lighthouse_performance / _accessibility / _best_practices: Lighthouse 12 (the last line that runs on
 * Node 20; 13 needs Node 22) on the pack screen of an enrolled, signed-in device with a parcel open,
 * mobile emulation and Lighthouse's own simulated throttling. Chromium is Debian's, started by
 * Playwright with a DevTools port Lighthouse connects to; storage is not reset, so the app boots into
 * the pack screen exactly as the worker would see it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium.js';
import { waitForServiceWorker } from '../test/helpers/journey.js';
import { freePort } from '../test/helpers/ports.js';
import { startBenchServer } from './lib/bench-server.js';
import { enrolAndSignIn, READ_LAST_SYNC_SCRIPT, wedgeScan } from './lib/browser.js';
import type { Bench } from './lib/metric.js';
import { seedBenchBase } from './lib/seed.js';

export const lighthouseBench: Bench = {
  name: 'lighthouse',
  metrics: {
    lighthouse_performance: { unit: 'score', budget: 0.95, better: 'higher' },
    lighthouse_accessibility: { unit: 'score', budget: 0.95, better: 'higher' },
    lighthouse_best_practices: { unit: 'score', budget: 0.95, better: 'higher' },
  },
  timeoutMs: 240_000,
  async run(ctx) {
    const server = await startBenchServer((db) => seedBenchBase(db, 1));
    const profile = mkdtempSync(join(tmpdir(), 'floorpack-bench-lh-'));
    const port = await freePort();
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1'],
      headless: true,
      viewport: { width: 360, height: 640 },
      locale: 'ja-JP',
    });
    try {
      await context.addInitScript(READ_LAST_SYNC_SCRIPT);
      const page = context.pages()[0] ?? (await context.newPage());
      await enrolAndSignIn(page, server);
      await waitForServiceWorker(page);
      await page.getByTestId('menu-pack').click();
      await wedgeScan(page, 'S0000001');
      await page.getByTestId('parcel-card').waitFor();
      await page.locator('[data-testid="saved-indicator"][data-state="saved"]').waitFor();
      // Loaded here: Lighthouse is large and only this module needs it.
      const { default: lighthouse } = await import('lighthouse');
      const result = await lighthouse(
        server.url,
        { port, output: 'json', logLevel: 'error', disableStorageReset: true, onlyCategories: ['performance', 'accessibility', 'best-practices'] },
        undefined,
      );
      const categories = result?.lhr.categories;
      if (!categories) throw new Error('lighthouse returned no result');
      const failing = Object.values(result.lhr.audits)
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
        .map((a) => `${a.id} ${a.score}${a.displayValue ? ` (${a.displayValue})` : ''}`);
      ctx.log(`lighthouse ${result.lhr.lighthouseVersion} on ${result.lhr.finalDisplayedUrl}: audits below 0.9: ${failing.join('; ') || 'none'}`);
      return {
        lighthouse_performance: categories.performance?.score ?? null,
        lighthouse_accessibility: categories.accessibility?.score ?? null,
        lighthouse_best_practices: categories['best-practices']?.score ?? null,
      };
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      await server.stop();
    }
  },
};
