/** An in-process server listening on 127.0.0.1 (real HTTP, real sockets) over a test database. */
import type { AddressInfo } from 'node:net';
import { buildDemoApp, type DemoApp } from '../../../src/server/demo/demo-app.js';
import type { TestDatabaseTarget } from '../../server/helpers/test-databases.js';
import { seedReliability } from './fixture.js';

/** A listening demo app with `parcels` reliability parcels. */
export interface LiveApp {
  demo: DemoApp;
  url: string;
  close(): Promise<void>;
}

/** Opens the target database, seeds it, builds the app and listens on a free loopback port. */
export async function startLiveApp(target: TestDatabaseTarget, parcels: number): Promise<LiveApp> {
  const { database, dispose } = await target.open();
  const demo = await buildDemoApp({ database });
  await seedReliability(database, parcels);
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
