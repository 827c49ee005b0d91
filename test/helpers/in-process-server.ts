/**
 * The server built in this process on a test database: the demo app for `inject` (no socket), or
 * listening on 127.0.0.1 for tests that need real HTTP and real sockets.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import type { BuildAppOptions } from '../../src/server/app.js';
import type { Database } from '../../src/server/db/client.js';
import { buildDemoApp, type DemoApp } from '../../src/server/demo/demo-app.js';
import type { TestDatabaseTarget } from './test-databases.js';

/** Registers the beforeAll/afterAll that build the demo app on `target` and hands it to `use`. */
export function useDemoApp(target: TestDatabaseTarget, use: (demo: DemoApp) => void, options: Partial<BuildAppOptions> = {}): void {
  let demo: DemoApp | undefined;
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const opened = await target.open();
    dispose = opened.dispose;
    demo = await buildDemoApp({ ...options, database: opened.database });
    use(demo);
  });
  afterAll(async () => {
    await demo?.close();
    await dispose?.();
  });
}

/** A demo app listening on a loopback port, and how to close it and its database. */
export interface LiveApp {
  demo: DemoApp;
  url: string;
  close(): Promise<void>;
}

/** Opens the target database, builds the demo app, runs `seed` on the database, then listens on a free loopback port. */
async function startLiveApp(target: TestDatabaseTarget, seed: (database: Database) => Promise<void>): Promise<LiveApp> {
  const { database, dispose } = await target.open();
  const demo = await buildDemoApp({ database });
  await seed(database);
  await demo.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = demo.app.server.address() as AddressInfo;
  return {
    demo,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await demo.close();
      await dispose();
    },
  };
}

/** Registers the beforeAll/afterAll of one live app for a describe block and hands it to `use`. */
export function useLiveApp(target: TestDatabaseTarget, seed: (database: Database) => Promise<void>, use: (live: LiveApp) => void): void {
  let live: LiveApp | undefined;
  beforeAll(async () => {
    live = await startLiveApp(target, seed);
    use(live);
  });
  afterAll(async () => {
    await live?.close();
  });
}
