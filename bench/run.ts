/**
 * `npm run bench [-- --quick] [-- --only a,b]`: runs every benchmark module one after another, prints
 * one JSON line per metric on stdout ({metric, value, unit, budget, ok}) and a one-line summary;
 * progress and findings go to stderr. Each module is bounded by its own timeout; all traffic stays on
 * 127.0.0.1. Budgets are goals, never assertions: the exit code is 0 unless the harness itself broke.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cameraDecodeBench } from './camera-decode.js';
import { coldStartBench } from './cold-start.js';
import { initialJsBench } from './initial-js.js';
import { lighthouseBench } from './lighthouse.js';
import { stopAllBenchServers } from './lib/bench-server.js';
import { metricLine, type Bench, type BenchContext } from './lib/metric.js';
import { pullDeviceBench } from './pull-device.js';
import { pullScalingBench } from './pull-scaling.js';
import { pushThroughputBench } from './push-throughput.js';
import { scanLatencyBench } from './scan-latency.js';

/** Every module, cheapest first so a quick look comes early. */
const BENCHES: Bench[] = [
  initialJsBench,
  cameraDecodeBench,
  scanLatencyBench,
  coldStartBench,
  pullDeviceBench,
  pullScalingBench,
  pushThroughputBench,
  lighthouseBench,
];

async function main(): Promise<void> {
  // stdout carries only the metric lines: libraries that chatter (@zxing/library logs its exceptions) go to stderr.
  console.log = console.error;
  console.info = console.error;
  console.warn = console.error;
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const onlyArg = args.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? (args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined);
  const only = onlyArg ? new Set(onlyArg.split(',')) : null;
  const started = Date.now();
  const ctx: BenchContext = { quick, log: (m) => process.stderr.write(`[bench] ${m}\n`) };

  // The production build, as the server serves it.
  if (process.env.BENCH_SKIP_BUILD !== '1' || !existsSync('dist/index.html')) {
    ctx.log('building the PWA (vite build) …');
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }

  let met = 0;
  let total = 0;
  for (const bench of BENCHES) {
    if (only && !only.has(bench.name) && !Object.keys(bench.metrics).some((m) => only.has(m))) continue;
    const t0 = Date.now();
    ctx.log(`${bench.name} …`);
    const abort = new AbortController();
    const timeoutMs = quick ? Math.ceil(bench.timeoutMs / 3) : bench.timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    let values: Record<string, number | null> = {};
    try {
      values = await Promise.race([
        bench.run(ctx, abort.signal),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            abort.abort();
            reject(new Error(`timed out after ${timeoutMs} ms`));
          }, timeoutMs);
        }),
      ]);
    } catch (error) {
      ctx.log(`${bench.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      clearTimeout(timer);
      // A module that failed or timed out may have left its server running: stop it before the next one.
      await stopAllBenchServers();
    }
    for (const [name, spec] of Object.entries(bench.metrics)) {
      const line = metricLine(name, values[name] ?? null, spec);
      total += 1;
      if (line.ok) met += 1;
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
    ctx.log(`${bench.name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  process.stdout.write(`summary: ${met} of ${total} metrics met their budget (${quick ? 'quick' : 'full'} run, ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}

main().then(
  // A timed-out module may leave a handle behind; the run is over, so stop by ourselves.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
