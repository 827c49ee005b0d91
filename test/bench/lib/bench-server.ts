/**
 * The real server (src/server/main.ts, serving dist/) on 127.0.0.1 and a free port, over a PGlite
 * DATA_DIR seeded beforehand by the bench (the server's DEMO seeding then finds it done).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../../src/server/db/client.js';

export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';

/** A running bench server. */
export interface BenchServer {
  url: string;
  /** A fresh one-time enrolment code for the demo warehouse. */
  enrolmentCode(): Promise<string>;
  stop(): Promise<void>;
}

/** Servers still running, so the runner can stop them when a module times out. */
const running = new Set<() => Promise<void>>();

/** Stops every bench server still running (after a timed-out module). */
export async function stopAllBenchServers(): Promise<void> {
  await Promise.all([...running].map((stop) => stop()));
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Seeds a fresh DATA_DIR with `seed`, then starts the real server on it. */
export async function startBenchServer(seed: (database: Database) => Promise<void>): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'floorpack-bench-'));
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await database.migrate();
    await seed(database);
  } finally {
    await database.close();
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: BENCH_ADMIN_TOKEN, DEMO: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    running.delete(stop);
    rmSync(dataDir, { recursive: true, force: true });
  };
  running.add(stop);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`bench server did not start:\n${log}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    async enrolmentCode() {
      const res = await fetch(`${url}/api/admin/enrolment-codes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ warehouseId: 'WH1' }),
      });
      if (!res.ok) throw new Error(`enrolment code: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { code: string }).code;
    },
    stop,
  };
}
