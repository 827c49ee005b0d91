/**
 * The real server (src/server/main.ts, serving dist/) for a benchmark: a test server whose PGlite
 * DATA_DIR the bench seeds beforehand (the server's demo seeding then finds it done), remembered until
 * stopped so the runner can stop what a timed-out module left running.
 */
import type { Database } from '../../src/server/db/client.js';
import { startServer, type TestServer } from '../../test/helpers/server-process.js';

/** A running bench server. */
export type BenchServer = TestServer;

/** Servers still running, so the runner can stop them when a module times out. */
const running = new Set<BenchServer>();

/** Stops every bench server still running (after a timed-out module). */
export async function stopAllBenchServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
}

/** Seeds a fresh DATA_DIR with `seed`, then starts the real server on it. */
export async function startBenchServer(seed: (database: Database) => Promise<void>): Promise<BenchServer> {
  const server = await startServer({ seed });
  const bench: BenchServer = {
    ...server,
    async stop() {
      running.delete(bench);
      await server.stop();
    },
  };
  running.add(bench);
  return bench;
}
