/**
 * scan_to_feedback_ms_p95 and scan_commit_ms_p95: wedge scans of the items of a 20-line parcel on the
 * pack screen, CPU throttled 4×. Measured in the page by a script the bench injects (the app only
 * sets one User Timing mark when a strict pack commit completes):
 *   feedback = Enter keydown's timeStamp → the requestAnimationFrame callback after the DOM shows the
 *              line's new count (the frame that paints the tick);
 *   commit   = the same Enter → the `floorpack:pack-commit` mark (tx.done of the strict transaction).
 */
import { PACK_COMMIT_MARK } from '../../src/app/pack/pack-session.js';
import { startBenchServer } from './lib/bench-server.js';
import { enrolAndSignIn, launchChromium, newDeviceContext, READ_LAST_SYNC_SCRIPT, throttle, wedgeScan } from './lib/browser.js';
import { percentile, type Bench } from './lib/metric.js';
import { BENCH_PRODUCTS, BENCH_SCAN_PARCEL, seedBenchBase } from './lib/seed.js';

/**
 * Injected before the app: a scanner that ends each code with Enter only. With the default 30 ms pause
 * ending a suffix-less burst, a loaded machine could deliver Playwright's Enter after the pause had
 * already handed the scan on; the probe then never saw its Enter and the run hung until the timeout.
 */
const ENTER_ONLY_SCANNER = `localStorage.setItem('floorpack.settings', JSON.stringify({ wedge: { pauseMs: 0 } }));`;

/** Injected before the app: timestamps every Enter, watches for the expected count, observes commit marks. */
const PROBE = `
window.__scanProbe = (() => {
  const probe = { t0: null, expect: null, feedback: [], dom: [], commit: [], waiting: null };
  const settle = () => {
    if (probe.waiting && probe.feedback.length >= probe.waiting.n && probe.commit.length >= probe.waiting.n) {
      const w = probe.waiting; probe.waiting = null; w.resolve();
    }
  };
  addEventListener('keydown', (e) => { if (e.key === 'Enter' && probe.expect) probe.t0 = e.timeStamp; }, true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === ${JSON.stringify(PACK_COMMIT_MARK)} && probe.commitFrom !== null && probe.commitFrom !== undefined) {
        probe.commit.push(entry.startTime - probe.commitFrom); probe.commitFrom = null; settle();
      }
    }
  }).observe({ type: 'mark' });
  const check = () => {
    const e = probe.expect;
    if (!e || probe.t0 === null) return;
    const el = document.querySelector('[data-testid="' + e.testId + '"]');
    if (!el || el.getAttribute('data-done') !== String(e.done)) return;
    const t0 = probe.t0; probe.expect = null;
    // Split for diagnosis: the app's own work (Enter → DOM updated) and the wait for the frame.
    probe.dom.push(performance.now() - t0);
    requestAnimationFrame(() => { probe.feedback.push(performance.now() - t0); settle(); });
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-done'] });
  probe.arm = (testId, done) => { probe.expect = { testId, done }; probe.t0 = null; probe.armed = true; };
  // The commit is timed from the same Enter: remember it once the keydown has been seen.
  addEventListener('keydown', (e) => { if (e.key === 'Enter' && probe.armed) { probe.commitFrom = e.timeStamp; probe.armed = false; } }, true);
  probe.wait = (n) => new Promise((resolve) => { probe.waiting = { n, resolve }; settle(); });
  return probe;
})();`;

declare global {
  interface Window {
    __scanProbe: { arm(testId: string, done: number): void; wait(n: number): Promise<void>; feedback: number[]; dom: number[]; commit: number[] };
  }
}

export const scanLatencyBench: Bench = {
  name: 'scan-latency',
  metrics: {
    scan_to_feedback_ms_p95: { unit: 'ms', budget: 16, better: 'lower' },
    scan_commit_ms_p95: { unit: 'ms', budget: 50, better: 'lower' },
  },
  timeoutMs: 300_000,
  async run(ctx) {
    // 20 lines × 15 units = 300 item scans (quick: × 3 = 60).
    const qty = ctx.quick ? 3 : 15;
    const server = await startBenchServer((db) => seedBenchBase(db, qty));
    const browser = await launchChromium();
    try {
      const context = await newDeviceContext(browser);
      await context.addInitScript(READ_LAST_SYNC_SCRIPT);
      await context.addInitScript(ENTER_ONLY_SCANNER);
      await context.addInitScript(PROBE);
      const page = await context.newPage();
      await enrolAndSignIn(page, server);
      await page.getByTestId('menu-pack').click();
      await throttle(page);
      await wedgeScan(page, BENCH_SCAN_PARCEL);
      await page.getByTestId('parcel-card').waitFor();
      let n = 0;
      for (let round = 1; round <= qty; round++) {
        for (const product of BENCH_PRODUCTS) {
          n += 1;
          await page.evaluate(([id, done]) => window.__scanProbe.arm(id, done), [`line-${product.code}`, round] as [string, number]);
          await page.keyboard.insertText(product.barcodes[0]);
          await page.keyboard.press('Enter');
          await page.evaluate((count) => window.__scanProbe.wait(count), n);
        }
      }
      const { feedback, dom, commit } = await page.evaluate(() => ({ feedback: window.__scanProbe.feedback, dom: window.__scanProbe.dom, commit: window.__scanProbe.commit }));
      ctx.log(`scan: Enter → DOM updated (the app's work, before the frame) p50 ${percentile(dom, 50).toFixed(1)} ms, p95 ${percentile(dom, 95).toFixed(1)} ms`);
      ctx.log(`scan: ${n} scans; feedback p50 ${percentile(feedback, 50).toFixed(1)} ms, max ${Math.max(...feedback).toFixed(1)}; commit p50 ${percentile(commit, 50).toFixed(1)} ms, max ${Math.max(...commit).toFixed(1)}`);
      await context.close();
      return { scan_to_feedback_ms_p95: percentile(feedback, 95), scan_commit_ms_p95: percentile(commit, 95) };
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
