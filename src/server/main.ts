/** The server process: env → checks → database (locked, migrated, demo-seeded) → listen → graceful drain. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { resolveAdminToken } from './auth/admin-token.js';
import { createEnrolmentCode } from './auth/enrolment.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { openDatabase, type Database } from './db/client.js';
import { SchemaNewerThanCodeError } from './db/migrate.js';
import { listWarehouses } from './db/queries/warehouses.js';
import { PRACTICE_SHEET_PATH } from './demo/practice-sheet.js';
import { DEMO_WAREHOUSE } from './demo/demo-data.js';
import { seedDemo } from './demo/seed-demo.js';
import { databaseOptionsOf, loadEnvOrExit, pickSettingsOf, type Env } from './env.js';
import { checkDataDirWritable, checkPortFree, databaseProblem, listenProblem, StartupError } from './lifecycle/preflight.js';
import { ServerState } from './lifecycle/server-state.js';
import { notifyConfigFromEnv } from './notify/config.js';

/** Where `npm start` finds the built PWA. */
const DEFAULT_STATIC_DIR = path.resolve('dist');

/** Longest a graceful shutdown may take before the process gives up waiting (below systemd's and Docker's stop timeouts when set as docs/deployment.md says). */
const SHUTDOWN_DEADLINE_MS = 25_000;

/** Errors an operator fixes from one line (no stack trace): a busy port, an unwritable DATA_DIR, an unreachable or newer database. */
function operatorMessage(error: unknown): string | null {
  const known = error instanceof StartupError || error instanceof DataDirLockedError || error instanceof SchemaNewerThanCodeError;
  return known ? (error as Error).message : null;
}

/**
 * Starts the server; resolves once it listens. Everything that can be checked before touching the data
 * is checked first (port, DATA_DIR, database), so a failed start leaves no lock and no half migration.
 * SIGTERM/SIGINT drain it: /readyz turns 503, new pushes are refused, pushes in flight finish, the
 * dispatcher's claims are handed back, then the database closes and DATA_DIR is released.
 */
export async function main(options: { staticDir?: string } = {}): Promise<void> {
  const env = loadEnvOrExit();
  const state = new ServerState();
  let database: Database | null = null;
  let app: FastifyInstance | null = null;
  try {
    checkDataDirWritable(env.DATA_DIR);
    await checkPortFree(env.HOST, env.PORT);
    database = await openDatabase(databaseOptionsOf(env)).catch((error: unknown) => {
      throw error instanceof DataDirLockedError ? error : databaseProblem(error, env.DATABASE_URL);
    });
    const opened = database;
    await opened.read((tx) => tx.execute(sql`select 1`)).catch((error: unknown) => {
      throw databaseProblem(error, env.DATABASE_URL);
    });
    await opened.migrate();
    const pickSettings = pickSettingsOf(env);
    const seeded = env.DEMO === '1' ? await seedDemo(opened, pickSettings.batchSize) : false;
    const adminToken = resolveAdminToken(env.ADMIN_TOKEN, env.DATA_DIR);
    app = await buildApp({
      database: opened,
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
      state,
      metricsToken: env.METRICS_TOKEN,
    });
    // The port was free a moment ago; another program may have taken it since.
    await app.listen({ port: env.PORT, host: env.HOST }).catch((error: unknown) => {
      throw listenProblem(error, env.HOST, env.PORT) ?? error;
    });
    handleSignals(app, opened, state);
    await printWelcome(env, opened, adminToken, seeded);
  } catch (error) {
    const message = operatorMessage(error);
    if (message === null) throw error;
    await app?.close().catch(() => undefined);
    // Closing the database releases the DATA_DIR lock, so the next start is not refused.
    await database?.close().catch(() => undefined);
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
}

/** SIGTERM (systemd, Docker) and SIGINT (Ctrl-C) drain, close and exit 0; a drain that hangs exits 1 after the deadline. */
function handleSignals(app: FastifyInstance, database: Database, state: ServerState): void {
  const shutdown = async (signal: string) => {
    if (state.draining) return;
    state.startDraining();
    app.log.info(`${signal}: draining`);
    setTimeout(() => {
      process.stderr.write(`shutdown did not finish within ${SHUTDOWN_DEADLINE_MS / 1000} s: exiting anyway (unfinished pushes are resent by the devices)\n`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    try {
      // Stops listening, waits for the requests in flight, then drains the dispatcher (app.ts onClose).
      await app.close();
    } finally {
      await database.close();
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/** The start-up lines: URL, admin token, demo data, and a fresh enrolment code for the first handheld. */
async function printWelcome(env: Env, database: Database, adminToken: string, seeded: boolean): Promise<void> {
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
