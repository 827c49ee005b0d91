/** /healthz says the process is alive; /readyz says "send it traffic": migrated, database answering, not draining. */
import { eq, sql } from 'drizzle-orm';
import * as t from '../../../src/server/db/schema.js';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app.js';
import { openDatabase, type Database } from '../../../src/server/db/client.js';
import { buildDemoApp, type DemoApp } from '../../../src/server/demo/demo-app.js';
import { ServerState } from '../../../src/server/lifecycle/server-state.js';
import { bearer, packedEvent } from '../../helpers/events.js';
import { DEMO_SCENARIOS } from '../../../src/server/demo/demo-data.js';

describe('liveness and readiness', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function demoWith(state: ServerState): Promise<DemoApp> {
    const demo = await buildDemoApp({ state });
    closers.push(() => demo.close());
    return demo;
  }

  it('is ready once migrated and the database answers', async () => {
    const demo = await demoWith(new ServerState());
    const res = await demo.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
  });

  it('is not ready while migrations are pending, though alive', async () => {
    const database: Database = await openDatabase({ kind: 'pglite', dataDir: null });
    closers.push(() => database.close());
    const app = await buildApp({ database, adminToken: 'admin-token-0123456789' });
    closers.push(() => app.close());
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const before = await app.inject({ method: 'GET', url: '/readyz' });
    expect(before.statusCode).toBe(503);
    expect(before.json().reason).toMatch(/migrations pending: 0 of \d+/);
    await database.migrate();
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });

  it('is not ready when a migration this code knows was rolled back under it', async () => {
    const demo = await demoWith(new ServerState());
    await demo.database.write((tx) => tx.execute(sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`));
    const res = await demo.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json().reason).toMatch(/migrations pending/);
  });

  it('while draining: not ready, still alive, and a new push is refused with a retry hint, not applied', async () => {
    const state = new ServerState();
    const demo = await demoWith(state);
    const { token } = await demo.enrol();
    state.startDraining();
    const ready = await demo.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().reason).toMatch(/draining/);
    expect((await demo.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);

    const push = await demo.app.inject({ method: 'POST', url: '/api/sync/push', headers: bearer(token), payload: { events: [packedEvent(DEMO_SCENARIOS.singleItem)] } });
    expect(push.statusCode).toBe(503);
    expect(push.headers['retry-after']).toBe('5');
    const [parcel] = await demo.database.read((tx) => tx.select({ status: t.parcels.status }).from(t.parcels).where(eq(t.parcels.shipmentId, DEMO_SCENARIOS.singleItem)));
    expect(parcel.status).not.toBe('packed');
  });
});
