/**
 * Push under load: 10,000 parcel.packed events (one per generated parcel, all applicable) pushed by 50
 * simulated devices at once, one 200-event batch each, over HTTP on 127.0.0.1 to the real app:
 * - push_events_per_s_pglite / _postgres: events applied per second of wall time;
 * - push_ratio_vs_raw_insert (PGlite): that rate over the floor: the same event rows written with one
 *   multi-row INSERT per 200 rows into a copy of the events table (same indexes), one after another;
 * - push_batch_ms_p95 (PGlite): a 200-event batch's round trip under that load.
 * stderr splits each run's time per event: inside the push transactions (SQL and command handlers) and
 * the rest (HTTP, JSON, zod, event hashing, device auth, waiting for PGlite's one connection).
 * PostgreSQL runs in its own throwaway database (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/test); when it does not answer, its line is null and says why.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { buildDemoApp } from '../src/server/demo/demo-app.js';
import { hashEventBody } from '../src/server/sync/event-hash.js';
import type { EventResult } from '../src/shared/protocol/sync.js';
import { packedEventOf } from '../test/helpers/events.js';
import { createScratchPostgres, type ScratchPostgres } from '../test/helpers/test-databases.js';
import { percentile, type Bench, type BenchContext } from './lib/metric.js';
import { seedGeneratedParcels } from './lib/seed.js';

const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

interface PushRun {
  eventsPerS: number;
  batchP95: number;
  rawEventsPerS: number;
}

/** `database` with the time spent inside its write transactions' bodies added up (BEGIN/COMMIT and queueing excluded). */
function timingWrites(database: Database): { database: Database; insideMs(): number; reset(): void } {
  let insideMs = 0;
  return {
    database: {
      ...database,
      write: (fn) =>
        database.write(async (tx) => {
          const t0 = performance.now();
          try {
            return await fn(tx);
          } finally {
            insideMs += performance.now() - t0;
          }
        }),
    },
    insideMs: () => insideMs,
    reset: () => (insideMs = 0),
  };
}

async function measure(untimed: Database, devices: number, events: number, ctx: BenchContext, label: string): Promise<PushRun> {
  const perDevice = events / devices;
  const timing = timingWrites(untimed);
  const database = timing.database;
  const demo = await buildDemoApp({ database });
  try {
    const parcels = await seedGeneratedParcels(database, events);
    const address = await demo.app.listen({ port: 0, host: '127.0.0.1' });
    const tokens: string[] = [];
    for (let d = 0; d < devices; d++) tokens.push((await demo.enrol(`bench-push-${d}`)).token);
    const batches = tokens.map((token, d) => ({ token, events: parcels.slice(d * perDevice, (d + 1) * perDevice).map((p, i) => packedEventOf(p, { deviceSeq: i + 1 })) }));

    timing.reset();
    const t0 = performance.now();
    const batchMs: number[] = [];
    const results = await Promise.all(
      batches.map(async ({ token, events: body }) => {
        const b0 = performance.now();
        const res = await fetch(`${address}/api/sync/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ events: body }),
        });
        if (!res.ok) throw new Error(`push: ${res.status} ${await res.text()}`);
        const json = (await res.json()) as { results: EventResult[] };
        batchMs.push(performance.now() - b0);
        return json.results;
      }),
    );
    const wallMs = performance.now() - t0;
    const insideMs = timing.insideMs();
    const applied = results.flat().filter((r) => r.status === 'applied').length;
    if (applied !== events) throw new Error(`${label}: ${applied} of ${events} events applied`);

    // The floor: the same rows, one multi-row INSERT per batch, into a copy of the events table.
    await database.write((tx) => tx.execute(sql`create table bench_raw_events (like events including all)`));
    const deviceIds = await database.read((tx) => tx.execute(sql`select id from devices order by name`));
    const ids = (Array.isArray(deviceIds) ? deviceIds : (deviceIds as { rows: { id: string }[] }).rows).map((r) => (r as { id: string }).id);
    const receivedAt = new Date().toISOString();
    const r0 = performance.now();
    for (const [d, batch] of batches.entries()) {
      const rows = batch.events.map((e) =>
        sql`(${e.id}::uuid, ${ids[d] ?? ids[0]}, ${e.deviceSeq}, ${e.staffId}, ${e.type}, ${JSON.stringify(e)}::jsonb, ${hashEventBody(e)}, 'applied', ${JSON.stringify({ id: e.id, status: 'applied' })}::jsonb, ${
          'shipmentId' in e.payload ? e.payload.shipmentId : null
        }, ${receivedAt}::timestamptz)`,
      );
      await database.write((tx) =>
        tx.execute(sql`insert into bench_raw_events (id, device_id, device_seq, staff_id, type, body, body_hash, status, result, shipment_id, received_at) values ${sql.join(rows, sql`, `)}`),
      );
    }
    const rawMs = performance.now() - r0;
    const run = { eventsPerS: (events / wallMs) * 1000, batchP95: percentile(batchMs, 95), rawEventsPerS: (events / rawMs) * 1000 };
    ctx.log(
      `push ${label}: ${events} events from ${devices} devices in ${wallMs.toFixed(0)} ms = ${run.eventsPerS.toFixed(0)} ev/s; batch p50 ${percentile(batchMs, 50).toFixed(0)} ms, p95 ${run.batchP95.toFixed(0)} ms; raw insert ${rawMs.toFixed(0)} ms = ${run.rawEventsPerS.toFixed(0)} ev/s`,
    );
    // On PGlite the transactions run one after another, so inside + rest = wall; on PostgreSQL they overlap.
    ctx.log(
      `push ${label} split per event: ${((wallMs / events) * 1000).toFixed(0)} µs wall; ${((insideMs / events) * 1000).toFixed(0)} µs inside push transactions (SQL + handlers, summed over connections); raw insert ${((rawMs / events) * 1000).toFixed(0)} µs`,
    );
    return run;
  } finally {
    await demo.app.close();
  }
}

/** A throwaway PostgreSQL database, or null (with the reason logged) when the server does not answer. */
async function openPostgresBench(ctx: BenchContext): Promise<{ database: Database; dispose(): Promise<void> } | null> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_PG_URL;
  let scratch: ScratchPostgres;
  try {
    scratch = await createScratchPostgres(url, 'fp_bench', 3);
  } catch (error) {
    ctx.log(`push postgres: skipped, PostgreSQL at ${url.replace(/\/\/[^@]*@/, '//…@')} not reachable (${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
  const database = await openDatabase({ kind: 'postgres', url: scratch.url, maxConnections: 10 });
  return {
    database,
    async dispose() {
      await database.close();
      await scratch.drop();
    },
  };
}

export const pushThroughputBench: Bench = {
  name: 'push-throughput',
  metrics: {
    // No absolute budget was set: 500 events/s (a 50-device floor's day of packing in well under a minute) is our proposal.
    push_events_per_s_pglite: { unit: 'events/s', budget: 500, better: 'higher' },
    push_events_per_s_postgres: { unit: 'events/s', budget: 500, better: 'higher' },
    push_ratio_vs_raw_insert: { unit: 'x', budget: 0.5, better: 'higher' },
    push_batch_ms_p95: { unit: 'ms', budget: 1000, better: 'lower' },
  },
  timeoutMs: 480_000,
  async run(ctx) {
    const devices = 50;
    // Quick: 20 events per device (the 50 concurrent devices stay: they are the load being measured).
    const events = ctx.quick ? 1000 : 10_000;
    const dataDir = mkdtempSync(join(tmpdir(), 'floorpack-bench-push-'));
    let pglite: PushRun;
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      pglite = await measure(database, devices, events, ctx, 'pglite');
    } finally {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    let pgRate: number | null = null;
    const pg = await openPostgresBench(ctx);
    if (pg) {
      try {
        pgRate = (await measure(pg.database, devices, events, ctx, 'postgres')).eventsPerS;
      } finally {
        await pg.dispose();
      }
    }
    return {
      push_events_per_s_pglite: pglite.eventsPerS,
      push_events_per_s_postgres: pgRate,
      push_ratio_vs_raw_insert: pglite.eventsPerS / pglite.rawEventsPerS,
      push_batch_ms_p95: pglite.batchP95,
    };
  },
};
