/** The server process: env → database (locked, migrated, demo-seeded) → listen → graceful close. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp } from './app.js';
import { resolveAdminToken } from './auth/admin-token.js';
import { createEnrolmentCode } from './auth/enrolment.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { openDatabase } from './db/client.js';
import { listWarehouses } from './db/queries/warehouses.js';
import { PRACTICE_SHEET_PATH } from './demo/practice-sheet.js';
import { DEMO_WAREHOUSE } from './demo/demo-data.js';
import { seedDemo } from './demo/seed-demo.js';
import { databaseOptionsOf, loadEnvOrExit, pickSettingsOf } from './env.js';
import { notifyConfigFromEnv } from './notify/config.js';

/** Where `npm start` finds the built PWA. */
const DEFAULT_STATIC_DIR = path.resolve('dist');

/** Starts the server; resolves once it listens. SIGINT/SIGTERM close it and release DATA_DIR. */
export async function main(options: { staticDir?: string } = {}): Promise<void> {
  const env = loadEnvOrExit();
  let database;
  try {
    database = await openDatabase(databaseOptionsOf(env));
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  await database.migrate();
  const pickSettings = pickSettingsOf(env);
  const seeded = env.DEMO === '1' ? await seedDemo(database, pickSettings.batchSize) : false;
  const adminToken = resolveAdminToken(env.ADMIN_TOKEN, env.DATA_DIR);
  const app = await buildApp({
    database,
    adminToken,
    staticDir: options.staticDir ?? DEFAULT_STATIC_DIR,
    enrolCodeTtlMin: env.ENROL_CODE_TTL_MIN,
    enrolRateLimitPerMin: env.ENROL_RATE_LIMIT_PER_MIN,
    logger: { level: env.LOG_LEVEL },
    trustProxy: env.TRUST_PROXY,
    // A handheld polls every few seconds: per-request lines only when debugging.
    requestLogging: env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'trace',
    pickSettings,
    notify: { config: notifyConfigFromEnv(env), autoStart: true },
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    try {
      await app.close();
    } finally {
      // Closing the database also releases the DATA_DIR lock, so the next start is not refused.
      await database.close();
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: env.PORT, host: env.HOST });
  const shownHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  const lines = [
    `floorpack server on http://${shownHost}:${env.PORT}  (database: ${database.kind}${database.kind === 'pglite' ? ` in ${path.resolve(env.DATA_DIR)}` : ''})`,
    `admin token: ${adminToken}`,
    `practice barcodes to print (A4): http://${shownHost}:${env.PORT}${PRACTICE_SHEET_PATH}`,
  ];
  if (seeded) lines.push(`demo data loaded: warehouse ${DEMO_WAREHOUSE.id} ${DEMO_WAREHOUSE.name}`);
  // A fresh code on every start, so the first handheld can enrol without any admin call.
  const [warehouse] = await listWarehouses(database);
  if (warehouse) {
    const code = await createEnrolmentCode(database, warehouse.id, env.ENROL_CODE_TTL_MIN, new Date());
    lines.push(`one-time enrolment code for ${warehouse.id} ${warehouse.name}: ${code.code} (expires ${code.expiresAt})`);
  } else {
    lines.push('no warehouse yet: start with DEMO=1 or import master data before enrolling devices');
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

// Run directly (`tsx src/server/main.ts`) as well as through scripts/start.ts.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
