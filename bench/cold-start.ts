/**
 * cold_start_offline_ms: a device holding ~500 parcels with a parcel half-verified, network off,
 * service worker stopped (as after the phone slept): navigation start → the pack screen's scan input
 * has the focus, i.e. a wedge scan would be taken. Median of several fresh pages (new renderer each).
 */
import { storedParcels, waitForServiceWorker } from '../test/helpers/journey.js';
import { BOOT_MEASURE } from '../src/app/store/boot.js';
import { startBenchServer } from './lib/bench-server.js';
import { enrolAndSignIn, launchChromium, newDeviceContext, READ_LAST_SYNC_SCRIPT, throttle, wedgeScan } from './lib/browser.js';
import { median, type Bench } from './lib/metric.js';
import { seedBenchBase, seedGeneratedParcels } from './lib/seed.js';

/** Injected before the app: the time (since navigation start) the pack screen's scan input got the focus. */
const READY_PROBE = `
addEventListener('focusin', (e) => {
  const t = e.target;
  if (window.__packReadyAt === undefined && t && t.getAttribute && t.getAttribute('data-testid') === 'scan-input' && t.closest('[data-testid="pack-screen"]')) {
    window.__packReadyAt = performance.now();
  }
}, true);`;

declare global {
  interface Window {
    __packReadyAt?: number;
  }
}

export const coldStartBench: Bench = {
  name: 'cold-start',
  metrics: { cold_start_offline_ms: { unit: 'ms', budget: 800, better: 'lower' } },
  timeoutMs: 240_000,
  async run(ctx) {
    const runs = ctx.quick ? 3 : 7;
    // The demo's parcels plus generated ones: 500 in all on the device.
    const server = await startBenchServer(async (db) => {
      await seedBenchBase(db, 1);
      await seedGeneratedParcels(db, 500 - 20);
    });
    const browser = await launchChromium();
    try {
      const context = await newDeviceContext(browser);
      await context.addInitScript(READ_LAST_SYNC_SCRIPT);
      await context.addInitScript(READY_PROBE);
      const setup = await context.newPage();
      await enrolAndSignIn(setup, server);
      const stored = await storedParcels(setup);
      ctx.log(`cold start: ${stored} parcels stored on the device`);
      await waitForServiceWorker(setup);
      // A parcel in progress: the app starts straight on the pack screen, as after a reboot mid-parcel.
      await setup.getByTestId('menu-pack').click();
      await wedgeScan(setup, 'S0000001');
      await setup.getByTestId('parcel-card').waitFor();
      await setup.locator('[data-testid="saved-indicator"][data-state="saved"]').waitFor();
      await setup.close();
      await context.setOffline(true);

      const times: number[] = [];
      const splits: Record<string, number>[] = [];
      for (let i = 0; i < runs; i++) {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        // A cold service worker too, as when the scanner wakes at the start of a shift.
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await throttle(page);
        await page.goto(server.url, { waitUntil: 'commit' });
        const handle = await page.waitForFunction(() => window.__packReadyAt, undefined, { timeout: 30_000, polling: 50 });
        times.push((await handle.jsonValue()) as number);
        splits.push(await page.evaluate((prefix) => Object.fromEntries(performance.getEntriesByType('measure').filter((m) => m.name.startsWith(prefix)).map((m) => [m.name.slice(prefix.length + 1), m.duration])), BOOT_MEASURE));
        await page.close();
      }
      ctx.log(`cold start: runs ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
      const parts = ['read', 'check'].map((part) => `${part} ${median(splits.map((s) => s[part] ?? 0)).toFixed(0)}`);
      ctx.log(`cold start split (median ms): ${parts.join(', ')}`);
      await context.close();
      return { cold_start_offline_ms: median(times) };
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
