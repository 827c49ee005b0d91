/** A fresh, seeded app in one call: for tests and quick experiments (in-memory PGlite by default). */
import type { FastifyInstance } from 'fastify';
import type { EnrolResponse } from '../../shared/protocol/sync.js';
import { buildApp, type BuildAppOptions } from '../app.js';
import { newToken } from '../auth/secrets.js';
import { openDatabase, type Database } from '../db/client.js';
import { DEMO_WAREHOUSE } from './demo-data.js';
import { seedDemo } from './seed-demo.js';

/** A running demo app and the handles a test needs. */
export interface DemoApp {
  app: FastifyInstance;
  database: Database;
  adminToken: string;
  /** Creates an enrolment code through the admin API and enrols a device with it. */
  enrol(deviceName?: string, warehouseId?: string): Promise<EnrolResponse>;
  /** Closes the app and (when it opened it) the database. */
  close(): Promise<void>;
}

/** Builds a seeded app; pass `database` to reuse one (e.g. PostgreSQL), else an in-memory PGlite is opened. */
export async function buildDemoApp(options: Partial<BuildAppOptions> = {}): Promise<DemoApp> {
  const ownsDatabase = !options.database;
  const database = options.database ?? (await openDatabase({ kind: 'pglite', dataDir: null }));
  await database.migrate();
  await seedDemo(database);
  const adminToken = options.adminToken ?? newToken();
  // Test suites enrol a device per case from one address; the production default (10/min) would refuse them.
  const app = await buildApp({ enrolRateLimitPerMin: 10_000, ...options, database, adminToken });
  let enrolled = 0;
  return {
    app,
    database,
    adminToken,
    async enrol(deviceName = `pack-${String(++enrolled).padStart(2, '0')}`, warehouseId = DEMO_WAREHOUSE.id) {
      const codeRes = await app.inject({
        method: 'POST',
        url: '/api/admin/enrolment-codes',
        headers: { authorization: `Bearer ${adminToken}` },
        payload: { warehouseId },
      });
      if (codeRes.statusCode !== 200) throw new Error(`enrolment code: ${codeRes.statusCode} ${codeRes.body}`);
      const res = await app.inject({ method: 'POST', url: '/api/enrol', payload: { code: codeRes.json().code, deviceName } });
      if (res.statusCode !== 200) throw new Error(`enrol: ${res.statusCode} ${res.body}`);
      return res.json() as EnrolResponse;
    },
    async close() {
      await app.close();
      if (ownsDatabase) await database.close();
    },
  };
}
