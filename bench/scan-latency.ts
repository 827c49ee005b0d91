/**
 * scan_to_feedback_ms_p95 and scan_commit_ms_p95: wedge scans of the items of a 20-line parcel on the
 * pack screen, CPU throttled 4×. Measured in the page by a script the bench injects (the app only
 * sets one User Timing mark when a strict pack commit completes):
 *   feedback = Enter keydown's timeStamp → the next painted frame, which shows the line's new count
 *              (the probe checks the DOM before that frame). Taken from the browser's own definition
 *              of input → next paint: the keydown's Event Timing `duration` (PerformanceEventTiming,
 *              8 ms steps). Keydowns under 16 ms get no entry (the API's minimum threshold) and count
 *              as 8. Not the rAF after the DOM change: it runs at the START of the frame, before its
 *              style, layout and paint, so it would leave the frame out.
 *              For the split the probe also times, on the main thread: the keydown's dispatch, the
 *              DOM showing the tick, the frame's rAF, and a user-blocking task posted from that rAF
 *              (runs once the frame's style, layout, paint and commit are done).
 *   commit   = the same Enter → the `floorpack:pack-commit` mark (tx.done of the strict transaction).
 * In the same page and run, after each scan, the floors: a bare strict put of one small record, and
 * of the records the app writes (its pack state, and the state plus an outbox event as on completion);
 * and, in a blank page of the same browser, the frame floor: a keydown that changes one number.
 * BENCH_TRACE=<file.json> records a Chrome trace of the scans (open it in DevTools' Performance panel)
 * and prints the main thread's time per scan by trace event; BENCH_PROFILE=<file.cpuprofile> records a
 * CPU profile and prints the self time per function (readable in an unminified build); BENCH_TRACE_EXTRA
 * adds trace categories (",IndexedDB" shows when the backend commits and when the page hears of it).
 * Tracing and profiling slow the page: such a run reports no metrics.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { PACK_COMMIT_MARK } from '../src/app/flow/commit-mark.js';
import { startBenchServer } from './lib/bench-server.js';
import { enrolAndSignIn, launchChromium, newDeviceContext, READ_LAST_SYNC_SCRIPT, throttle, wedgeScan } from './lib/browser.js';
import { percentile, type Bench } from './lib/metric.js';
import { BENCH_PRODUCTS, BENCH_SCAN_PARCEL, seedBenchBase } from './lib/seed.js';
import { selfTimeByFunction, startCpuProfile } from './lib/cpu-profile.js';
import { selfTimeByName, startTrace } from './lib/trace-split.js';

/**
 * Injected before the app: a scanner that ends each code with Enter only. With the default 30 ms pause
 * ending a suffix-less burst, a loaded machine could deliver Playwright's Enter after the pause had
 * already handed the scan on; the probe then never saw its Enter and the run hung until the timeout.
 */
const ENTER_ONLY_SCANNER = `localStorage.setItem('floorpack.settings', JSON.stringify({ wedge: { pauseMs: 0 } }));`;

/**
 * Injected before the app: per armed scan, the times (performance.now) of the Enter keydown
 * (timeStamp, when the key was pressed), the start of its dispatch, the DOM showing the new count,
 * the next rAF (frame start), the task after that frame (frame rendered) and the commit mark; the
 * Event Timing entries of slow keydowns; and the strict-put floors.
 */
const PROBE = `
window.__scanProbe = (() => {
  const probe = { armed: null, cur: null, rows: [], et: [], floor: { one: [], state: [], stateAndEvent: [] }, waiting: null };
  const now = () => performance.now();
  const settle = () => {
    const c = probe.cur;
    if (c && c.painted !== undefined && (c.noCommit || c.commit !== undefined)) { probe.rows.push(c); probe.cur = null; }
    if (probe.waiting && probe.rows.length >= probe.waiting.n) { const w = probe.waiting; probe.waiting = null; w.resolve(); }
  };
  // A task that runs as soon as the frame's rendering is over (before ordinary queued tasks where the
  // Scheduler API exists).
  const afterFrame = (fn) => {
    if (globalThis.scheduler && scheduler.postTask) { scheduler.postTask(fn, { priority: 'user-blocking' }); return; }
    const ch = new MessageChannel(); ch.port1.onmessage = fn; ch.port2.postMessage(0);
  };
  // Capture at window: runs before the app's own keydown handler.
  addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || !probe.armed) return;
    probe.cur = Object.assign({}, probe.armed, { t0: e.timeStamp, start: now() });
    probe.armed = null;
  }, true);
  const check = () => {
    const c = probe.cur;
    if (!c || c.dom !== undefined) return;
    const el = document.querySelector('[data-testid="' + c.testId + '"]');
    if (!el || el.getAttribute('data-done') !== String(c.done)) return;
    c.dom = now();
    requestAnimationFrame(() => { c.raf = now(); afterFrame(() => { c.painted = now(); settle(); }); });
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-done'] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === ${JSON.stringify(PACK_COMMIT_MARK)} && probe.cur && probe.cur.commit === undefined) { probe.cur.commit = entry.startTime; settle(); }
    }
  }).observe({ type: 'mark' });
  // The browser's input → next paint; keydowns under 16 ms are not reported (the API's minimum).
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'keydown') probe.et.push({ t0: e.startTime, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16 });
  probe.arm = (testId, done, noCommit) => { probe.armed = { testId, done, noCommit }; };
  probe.wait = (n) => new Promise((resolve) => { probe.waiting = { n, resolve }; settle(); });

  // The floor of a strict commit: the same browser, page and moment, without the app.
  let floorDb = null;
  let appState = null;
  const openFloor = () => floorDb || (floorDb = new Promise((resolve, reject) => {
    const open = indexedDB.open('floorpack-bench-floor', 1);
    open.onupgradeneeded = () => { open.result.createObjectStore('meta', { keyPath: 'key' }); open.result.createObjectStore('outbox', { keyPath: 'id' }); };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  }));
  // The app's pack state as stored (read once, raw IndexedDB), so the floor writes records of its size.
  const readAppState = () => appState || (appState = new Promise((resolve) => {
    const open = indexedDB.open('floorpack');
    open.onsuccess = () => {
      const req = open.result.transaction('meta').objectStore('meta').get('packState');
      req.onsuccess = () => { open.result.close(); resolve(req.result.value); };
    };
  }));
  const strictPut = (db, writes) => new Promise((resolve, reject) => {
    const t = now();
    const tx = db.transaction(Object.keys(writes), 'readwrite', { durability: 'strict' });
    for (const [store, record] of Object.entries(writes)) tx.objectStore(store).put(record);
    tx.oncomplete = () => resolve(now() - t);
    tx.onabort = () => reject(tx.error);
  });
  let seq = 0;
  probe.runFloor = async () => {
    const db = await openFloor();
    const state = await readAppState();
    seq += 1;
    const at = new Date().toISOString();
    const event = { id: crypto.randomUUID(), deviceSeq: seq, shipmentId: state.progress.shipmentId, status: 'pending', recordedAt: at, syncedAt: null, rejection: null,
      event: { id: 'x', deviceSeq: seq, staffId: 'S1', at, type: 'parcel.packed', payload: { shipmentId: state.progress.shipmentId, startedAt: at, items: Object.entries(state.progress.counts).map(([productCode, qty]) => ({ productCode, qty })), insertCodes: [], giftCode: null, flags: [] } } };
    probe.floor.one.push(await strictPut(db, { meta: { key: 'x', value: seq } }));
    probe.floor.state.push(await strictPut(db, { meta: { key: 'packState', value: state } }));
    probe.floor.stateAndEvent.push(await strictPut(db, { meta: { key: 'packState', value: state }, outbox: event }));
  };
  return probe;
})();`;

/** The frame floor: a blank page whose Enter changes one number (served from another origin, outside the app's service worker). */
const FRAME_FLOOR_URL = 'http://frame-floor.invalid/';
const FRAME_FLOOR_HTML = `<!doctype html><meta name="viewport" content="width=device-width"><input data-testid="scan-input" autofocus>
<p data-testid="line-floor" data-done="0">0</p>
<script>
  const line = document.querySelector('p'); let n = 0;
  document.querySelector('input').addEventListener('keydown', (e) => { if (e.key === 'Enter') { n += 1; line.textContent = n; line.dataset.done = n; } });
</script>`;

interface ScanRow {
  t0: number;
  start: number;
  dom: number;
  raf: number;
  painted: number;
  commit: number;
}

interface ProbeResult {
  rows: ScanRow[];
  et: { t0: number; duration: number }[];
  floor: { one: number[]; state: number[]; stateAndEvent: number[] };
}

declare global {
  interface Window {
    __scanProbe: { arm(testId: string, done: number, noCommit?: boolean): void; wait(n: number): Promise<void>; runFloor(): Promise<void> } & ProbeResult;
  }
}

/** "p50 a, p95 b" of a list of milliseconds. */
function p50p95(values: number[]): string {
  return `p50 ${percentile(values, 50).toFixed(1)}, p95 ${percentile(values, 95).toFixed(1)}`;
}

/** One armed Enter on the page; resolves once its frame has been rendered and (unless noCommit) its commit seen. */
async function probedScan(page: Page, code: string, testId: string, done: number, n: number, noCommit = false): Promise<void> {
  await page.evaluate(([id, d, nc]) => window.__scanProbe.arm(id, d, nc), [testId, done, noCommit] as [string, number, boolean]);
  if (code) await page.keyboard.insertText(code);
  await page.keyboard.press('Enter');
  await page.evaluate((count) => window.__scanProbe.wait(count), n);
}

/** Event Timing durations of the probed Enters (missing = under 16 ms, the API's reporting threshold). */
function eventTimings(result: ProbeResult): { reported: number[]; all: number[]; beyondPainted: number[] } {
  const reported: number[] = [];
  const all: number[] = [];
  // Event Timing's end (presentation) minus the probe's (the main thread done with the frame).
  const beyondPainted: number[] = [];
  for (const row of result.rows) {
    const entry = result.et.find((e) => Math.abs(e.t0 - row.t0) < 0.01);
    if (entry) {
      reported.push(entry.duration);
      beyondPainted.push(entry.duration - (row.painted - row.t0));
    }
    // Unreported keydowns took under 16 ms: count them as 8, the API's granularity, for the percentiles.
    all.push(entry ? entry.duration : 8);
  }
  return { reported, all, beyondPainted };
}

/** The mean of a list (NaN when empty). */
function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
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
    const traceFile = process.env.BENCH_TRACE;
    const profileFile = process.env.BENCH_PROFILE;
    const tracing = Boolean(traceFile || profileFile);
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

      // Its own context: a second tab in the app's window would be a background tab, whose frames are throttled.
      const floorContext = await newDeviceContext(browser);
      await floorContext.addInitScript(PROBE);
      await floorContext.route(FRAME_FLOOR_URL, (route) => route.fulfill({ contentType: 'text/html', body: FRAME_FLOOR_HTML }));
      const floorPage = await floorContext.newPage();
      await floorPage.goto(FRAME_FLOOR_URL);
      await throttle(floorPage);
      await floorPage.getByTestId('scan-input').focus();

      const cdp = tracing ? await page.context().newCDPSession(page) : null;
      const stopTrace = cdp && traceFile ? await startTrace(cdp) : null;
      const stopProfile = cdp && profileFile ? await startCpuProfile(cdp) : null;
      let n = 0;
      for (let round = 1; round <= qty; round++) {
        for (const product of BENCH_PRODUCTS) {
          n += 1;
          await probedScan(page, product.barcodes[0], `line-${product.code}`, round, n);
          if (tracing) continue;
          // The floors, at the same moment of the run (the machine's load moves): strict puts, and a bare frame.
          await page.evaluate(() => window.__scanProbe.runFloor());
          await probedScan(floorPage, '', 'line-floor', n, n, true);
        }
      }
      const trace = stopTrace ? await stopTrace() : null;
      const profile = stopProfile ? await stopProfile() : null;
      // Event Timing entries arrive after the frame is presented: give the last one time to come.
      await page.waitForTimeout(300);
      const result = await page.evaluate(() => ({ rows: window.__scanProbe.rows, et: window.__scanProbe.et, floor: window.__scanProbe.floor }));
      const floor = tracing ? null : await floorPage.evaluate(() => ({ rows: window.__scanProbe.rows, et: window.__scanProbe.et, floor: window.__scanProbe.floor }));

      const rows = result.rows;
      const painted = rows.map((r) => r.painted - r.t0);
      const commit = rows.map((r) => r.commit - r.t0);
      const et = eventTimings(result);
      ctx.log(
        `scan: ${n} scans; Enter → next paint (Event Timing, 8 ms steps) p50 ${percentile(et.all, 50)}, p95 ${percentile(et.all, 95)} ms ` +
          `(${et.reported.length} of ${rows.length} keydowns ≥ 16 ms; the others count as 8)`,
      );
      ctx.log(`  split on the main thread (p50/p95, ms), Enter → frame rendered ${p50p95(painted)}, max ${Math.max(...painted).toFixed(1)}:`);
      ctx.log(`  Enter pressed → keydown dispatched ${p50p95(rows.map((r) => r.start - r.t0))}`);
      ctx.log(`  keydown → DOM shows the tick (app handler + render) ${p50p95(rows.map((r) => r.dom - r.start))}`);
      // Where the pointer last was (the click on the menu; a tap leaves it there too), Chromium hit-tests
      // for hover at the start of each frame whose layout changed: style and layout come before rAF.
      ctx.log(`  DOM → frame's rAF (the wait for the display's next frame, then the style and layout the hover check runs before rAF) ${p50p95(rows.map((r) => r.raf - r.dom))}`);
      ctx.log(`  rAF → frame rendered (paint, commit; then tasks queued ahead of the probe's) ${p50p95(rows.map((r) => r.painted - r.raf))}`);
      ctx.log(`  presentation − frame rendered (Event Timing's end minus the probe's, ±4 ms rounding): mean ${mean(et.beyondPainted).toFixed(1)} ms`);
      if (floor) {
        const floorEt = eventTimings(floor);
        ctx.log(
          `  frame floor (blank page, Enter changes one number, same throttle): Event Timing p50 ${percentile(floorEt.all, 50)}, p95 ${percentile(floorEt.all, 95)} ms; ` +
            `frame rendered ${p50p95(floor.rows.map((r) => r.painted - r.t0))}; rAF wait ${p50p95(floor.rows.map((r) => r.raf - r.dom))}`,
        );
      }
      ctx.log(`scan: commit (Enter → strict tx complete) ${p50p95(commit)} ms, max ${Math.max(...commit).toFixed(1)}; keydown → complete ${p50p95(rows.map((r) => r.commit - r.start))}`);
      if (!tracing) {
        ctx.log(
          `  floor, bare strict put (tx created → complete): one small record ${p50p95(result.floor.one)}; the pack state ${p50p95(result.floor.state)}; ` +
            `state + outbox event ${p50p95(result.floor.stateAndEvent)}`,
        );
      }
      if (trace && traceFile) {
        writeFileSync(traceFile, JSON.stringify({ traceEvents: trace }));
        ctx.log(`trace: written to ${traceFile}`);
        const self = [...selfTimeByName(trace, 0, Number.POSITIVE_INFINITY)].filter(([, e]) => e.ms / n >= 0.05).sort((a, b) => b[1].ms - a[1].ms);
        const total = self.reduce((sum, [, e]) => sum + e.ms, 0);
        ctx.log(`trace: main thread busy ${(total / n).toFixed(2)} ms per scan (all frames and tasks of the run, tracing on); by event, self time per scan:`);
        for (const [name, e] of self.slice(0, 20)) ctx.log(`  ${(e.ms / n).toFixed(2).padStart(6)} ms  ${(e.count / n).toFixed(1).padStart(5)}×  ${name}`);
      }
      if (profile && profileFile) {
        writeFileSync(profileFile, JSON.stringify(profile));
        ctx.log(`profile: written to ${profileFile}; self time per scan by function:`);
        for (const [name, ms] of selfTimeByFunction(profile).slice(0, 25)) ctx.log(`  ${(ms / n).toFixed(3).padStart(7)} ms  ${name}`);
      }
      await context.close();
      await floorContext.close();
      if (tracing) return { scan_to_feedback_ms_p95: null, scan_commit_ms_p95: null };
      return { scan_to_feedback_ms_p95: percentile(et.all, 95), scan_commit_ms_p95: percentile(commit, 95) };
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
