/**
 * initial_js_gzip_kb: every JavaScript file the page loads from a fresh device's first visit until the
 * pack screen accepts a scan (the camera is never opened), gzip-compressed (zlib level 9, as a CDN or
 * reverse proxy would), summed. Service-worker precache fetches are not the page's and are left out.
 */
import { gzipSync } from 'node:zlib';
import { startBenchServer } from './lib/bench-server.js';
import { enrolAndSignIn, launchChromium, newDeviceContext, READ_LAST_SYNC_SCRIPT } from './lib/browser.js';
import type { Bench } from './lib/metric.js';
import { seedBenchBase } from './lib/seed.js';

export const initialJsBench: Bench = {
  name: 'initial-js',
  metrics: { initial_js_gzip_kb: { unit: 'kB', budget: 45, better: 'lower' } },
  timeoutMs: 120_000,
  async run(ctx) {
    const server = await startBenchServer((db) => seedBenchBase(db, 1));
    const browser = await launchChromium();
    try {
      const context = await newDeviceContext(browser);
      await context.addInitScript(READ_LAST_SYNC_SCRIPT);
      const page = await context.newPage();
      const files = new Map<string, Promise<number>>();
      page.on('response', (response) => {
        const request = response.request();
        if (request.serviceWorker() || request.resourceType() !== 'script') return;
        const url = new URL(response.url());
        if (!files.has(url.pathname)) files.set(url.pathname, response.body().then((b) => gzipSync(b, { level: 9 }).length));
      });
      await enrolAndSignIn(page, server);
      await page.getByTestId('menu-pack').click();
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'scan-input');
      let bytes = 0;
      for (const [path, size] of files) {
        const n = await size;
        bytes += n;
        ctx.log(`initial js: ${path} ${(n / 1024).toFixed(1)} kB gzip`);
      }
      await context.close();
      return { initial_js_gzip_kb: bytes / 1024 };
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
