/**
 * pull_scaling_exponent: a device's full first pull (every page, server side: the route on the real
 * app with an in-memory PGlite, over HTTP on 127.0.0.1) at three warehouse sizes, fitted as
 * time ∝ n^k. k ≈ 1 means each parcel costs the same however many there are.
 */
import { buildDemoApp } from '../src/server/demo/demo-app.js';
import type { PullResponse } from '../src/shared/protocol/sync.js';
import { scalingExponent, type Bench } from './lib/metric.js';
import { seedGeneratedParcels } from './lib/seed.js';

/** Pulls every page with the app's page size; returns the parcels received. */
async function pullEverything(url: string, token: string, limit = 1000): Promise<number> {
  let cursor = '0';
  let received = 0;
  for (;;) {
    const res = await fetch(`${url}/api/sync/pull?cursor=${cursor}&limit=${limit}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`pull: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as PullResponse;
    received += page.parcels.length;
    if (!page.more) return received;
    cursor = page.cursor;
  }
}

export const pullScalingBench: Bench = {
  name: 'pull-scaling',
  metrics: { pull_scaling_exponent: { unit: 'k', budget: 1.1, better: 'lower' } },
  timeoutMs: 300_000,
  async run(ctx) {
    const sizes = ctx.quick ? [500, 1000, 2500] : [1000, 5000, 20_000];
    const points: { n: number; ms: number }[] = [];
    for (const n of sizes) {
      const demo = await buildDemoApp();
      try {
        await seedGeneratedParcels(demo.database, n);
        const address = await demo.app.listen({ port: 0, host: '127.0.0.1' });
        const { token } = await demo.enrol('bench-pull');
        await pullEverything(address, token); // warm-up: JIT, PGlite caches
        const times: number[] = [];
        for (let i = 0; i < 3; i++) {
          const t0 = performance.now();
          const got = await pullEverything(address, token);
          times.push(performance.now() - t0);
          if (got < n) throw new Error(`pulled ${got} of ${n} parcels`);
        }
        const ms = Math.min(...times);
        points.push({ n, ms });
        ctx.log(`pull scaling: ${n} parcels in ${ms.toFixed(0)} ms (${((ms / n) * 1000).toFixed(0)} µs/parcel)`);
      } finally {
        await demo.close();
      }
    }
    return { pull_scaling_exponent: scalingExponent(points) };
  },
};
