/**
 * A fresh device's first sync of 5,000 parcels (~15,000 lines) into IndexedDB, CPU throttled 4×:
 * - pull_5000_parcels_ms: the first pull request's start (Resource Timing) → the app writing
 *   lastSyncAt after the last page (network, server, JSON, one strict transaction per page);
 * - pull_ratio_vs_raw_idb: that time over the floor: the same 5,000 records put in one strict
 *   transaction of a scratch database with the raw IndexedDB API (what idb's put wraps), same page
 *   (the median of three such puts: on a shared machine one put alone varied 4× between runs);
 * - device_heap_mb_5000: the page's JS heap after a forced GC (CDP Runtime.getHeapUsage).
 * stderr gets the split (lib/pull-split.ts): server query and serialisation, network, JSON.parse,
 * validation, IndexedDB puts and commit, waiting, and a CDP CPU profile of the page over the pull.
 */
import { startBenchServer } from './lib/bench-server.js';
import { enrolAndSignIn, launchChromium, newDeviceContext, READ_LAST_SYNC_SCRIPT, throttle } from './lib/browser.js';
import type { Bench } from './lib/metric.js';
import { describePullSplit, type CpuProfile, type PullRecording } from './lib/pull-split.js';
import { seedBenchBase, seedGeneratedParcels } from './lib/seed.js';

/**
 * The floor, run in the page: read the app's parcels, then time one bulk put into a scratch database.
 * A string, not a function: tsx's name-keeping helpers do not exist in the page.
 */
const RAW_IDB_BULK_PUT = `(async () => {
  const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const app = await req(indexedDB.open('floorpack'));
  const records = await req(app.transaction('parcels').objectStore('parcels').getAll());
  app.close();
  await req(indexedDB.deleteDatabase('bench-raw'));
  const open = indexedDB.open('bench-raw', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('parcels', { keyPath: 'shipmentId' });
  const db = await req(open);
  const t0 = performance.now();
  const tx = db.transaction('parcels', 'readwrite', { durability: 'strict' });
  const store = tx.objectStore('parcels');
  for (const record of records) store.put(record);
  const issued = performance.now() - t0;
  await new Promise((resolve, reject) => { tx.oncomplete = () => resolve(); tx.onabort = () => reject(tx.error); });
  const ms = performance.now() - t0;
  db.close();
  await req(indexedDB.deleteDatabase('bench-raw'));
  return { ms, issued, records: records.length };
})()`;

/** Raw bulk puts timed for the floor; the median counts. */
const FLOOR_RUNS = 3;

export const pullDeviceBench: Bench = {
  name: 'pull-device',
  metrics: {
    // No budget was set for the time itself: 10 s for a morning's first sync is our proposal.
    pull_5000_parcels_ms: { unit: 'ms', budget: 10_000, better: 'lower' },
    pull_ratio_vs_raw_idb: { unit: 'x', budget: 2, better: 'lower' },
    device_heap_mb_5000: { unit: 'MB', budget: 50, better: 'lower' },
  },
  timeoutMs: 300_000,
  async run(ctx) {
    const total = 5000;
    const server = await startBenchServer(async (db) => {
      await seedBenchBase(db, 1);
      await seedGeneratedParcels(db, total - 20);
    });
    const browser = await launchChromium();
    try {
      const context = await newDeviceContext(browser);
      await context.addInitScript(READ_LAST_SYNC_SCRIPT);
      const page = await context.newPage();
      await throttle(page);
      // A sampling profile of the page's main thread over the whole journey; the split keeps the pull's part.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
      // Profile timestamps are monotonic µs, the page's are ms since its time origin: pair them once.
      const pageNowAtStart = await page.evaluate(() => performance.now());
      await enrolAndSignIn(page, server, 240_000);
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      const recording = await page.evaluate(async (): Promise<PullRecording> => {
        const pulls = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.includes('/api/sync/pull'));
        const last = await readLastSyncAt();
        return {
          requests: pulls.map((e) => ({
            start: e.startTime,
            requestStart: e.requestStart,
            responseStart: e.responseStart,
            responseEnd: e.responseEnd,
            bytes: e.encodedBodySize,
            server: Object.fromEntries(e.serverTiming.map((s) => [s.name, s.duration])),
          })),
          measures: performance.getEntriesByType('measure').filter((m) => m.name.startsWith('floorpack:pull')).map((m) => ({ name: m.name, start: m.startTime, duration: m.duration })),
          end: last ? Date.parse(last) - performance.timeOrigin : NaN,
        };
      });
      const pullMs = recording.end - recording.requests[0].start;
      const floors: { ms: number; issued: number; records: number }[] = [];
      for (let i = 0; i < FLOOR_RUNS; i++) floors.push((await page.evaluate(RAW_IDB_BULK_PUT)) as (typeof floors)[number]);
      const raw = [...floors].sort((a, b) => a.ms - b.ms)[Math.floor(FLOOR_RUNS / 2)];
      ctx.log(
        `pull: ${raw.records} parcels in ${recording.requests.length} pages, ${pullMs.toFixed(0)} ms; ` +
          `raw idb bulk put ${raw.ms.toFixed(0)} ms (median of ${floors.map((f) => f.ms.toFixed(0)).join(', ')}; ` +
          `puts issued ${raw.issued.toFixed(0)} ms, then the strict commit)`,
      );
      for (const line of describePullSplit(recording, profile, pageNowAtStart - profile.startTime / 1000)) ctx.log(line);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      ctx.log(`heap: used ${(heap.usedSize / 2 ** 20).toFixed(1)} MB of ${(heap.totalSize / 2 ** 20).toFixed(1)} MB`);
      await context.close();
      return {
        pull_5000_parcels_ms: pullMs,
        pull_ratio_vs_raw_idb: pullMs / raw.ms,
        device_heap_mb_5000: heap.usedSize / 2 ** 20,
      };
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
