/**
 * Opens the database: embedded PGlite in DATA_DIR (default) or PostgreSQL (DATABASE_URL), both through
 * drizzle and both migrated from the same folder. All access goes through `read`/`write` so PGlite work
 * is serialised and PostgreSQL work uses its pool.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { PGLITE_FOLDER } from './backup.js';
import { lockDataDir } from './data-dir-lock.js';
import { assertSchemaNotNewer, readAppliedMigrations, readJournal, withMigrationLock } from './migrate.js';
import { SerialQueue } from './serial-queue.js';

/** The migrations drizzle-kit generated from schema.ts (the tables in db/tables/); the same files for PGlite and PostgreSQL. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/** A drizzle handle on either driver; route code only uses the common pg-core API. */
type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
/** A drizzle transaction on either driver. */
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, any>;

/** Which store is in use (reported by /healthz). */
export type DbKind = 'pglite' | 'postgres';

/** How to open the database. */
export type OpenDatabaseOptions =
  | { kind: 'pglite'; dataDir: string | null /* null = in memory (tests) */ }
  | { kind: 'postgres'; url: string; maxConnections?: number };

/** How busy the database is right now (for the metrics). */
export interface DatabaseLoad {
  /** Units of work queued or running. */
  inFlight: number;
  /** Connections available to them (1 on PGlite). */
  connections: number;
}

/** An open database with the only ways the app touches it. */
export interface Database {
  readonly kind: DbKind;
  /** Runs `fn` in one transaction (serialised on PGlite). */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `fn` in one read-only, repeatable-read transaction so every query sees one snapshot. */
  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Applies pending migrations (one server at a time); refuses a database migrated by newer code. */
  migrate(): Promise<void>;
  /** Work in flight on the database: PGlite's queue (one connection), or PostgreSQL transactions and pool size. */
  load(): DatabaseLoad;
  /** The embedded database's files as a gzipped tar, taken between transactions (PGlite only; PostgreSQL uses pg_dump). */
  dumpEmbedded?(): Promise<Uint8Array>;
  /** Closes connections and releases the DATA_DIR lock. */
  close(): Promise<void>;
}

/** Opens PGlite (locking its DATA_DIR) or a PostgreSQL pool. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.kind === 'pglite' ? openPglite(options.dataDir) : openPostgres(options.url, options.maxConnections);
}

async function openPglite(dataDir: string | null): Promise<Database> {
  const release = dataDir ? await lockDataDir(dataDir) : null;
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir ? path.join(path.resolve(dataDir), PGLITE_FOLDER) : undefined);
  } catch (error) {
    await release?.();
    throw error;
  }
  const db = drizzlePglite(client) as unknown as Db;
  // Concurrent drizzle transactions on PGlite's single connection would interleave their statements,
  // so every unit of work, reads included, waits its turn here.
  const queue = new SerialQueue();
  return {
    kind: 'pglite',
    write: (fn) => queue.run(() => db.transaction(fn)),
    read: (fn) => queue.run(() => db.transaction(fn)),
    load: () => ({ inFlight: queue.depth, connections: 1 }),
    // In the queue, so no transaction is half-way through while the files are read.
    dumpEmbedded: () => queue.run(async () => new Uint8Array(await (await client.dumpDataDir('gzip')).arrayBuffer())),
    migrate: () =>
      queue.run(async () => {
        const db = drizzlePglite(client);
        assertSchemaNotNewer(await readAppliedMigrations(db), readJournal(MIGRATIONS_DIR));
        await migratePglite(db, { migrationsFolder: MIGRATIONS_DIR });
      }),
    close: async () => {
      await queue.run(() => client.close());
      await release?.();
    },
  };
}

/** A PostgreSQL that does not answer within this is reported at start-up, not waited on for postgres-js's 30 s. */
const POSTGRES_CONNECT_TIMEOUT_S = 10;

async function openPostgres(url: string, maxConnections = 10): Promise<Database> {
  // onnotice: silence "relation already exists, skipping" notices from the migrator.
  const sql = postgres(url, { max: maxConnections, onnotice: () => undefined, connect_timeout: POSTGRES_CONNECT_TIMEOUT_S });
  const db = drizzlePostgres(sql) as unknown as Db;
  // postgres-js keeps its pool's figures private, so the transactions are counted here.
  let inFlight = 0;
  const counted = async <T>(work: () => Promise<T>): Promise<T> => {
    inFlight += 1;
    try {
      return await work();
    } finally {
      inFlight -= 1;
    }
  };
  return {
    kind: 'postgres',
    write: (fn) => counted(() => db.transaction(fn)),
    read: (fn) => counted(() => db.transaction(fn, { isolationLevel: 'repeatable read', accessMode: 'read only' })),
    load: () => ({ inFlight, connections: maxConnections }),
    // Checked after taking the lock: a newer server may have migrated while this one waited.
    migrate: () =>
      withMigrationLock(url, async () => {
        const db = drizzlePostgres(sql);
        assertSchemaNotNewer(await readAppliedMigrations(db), readJournal(MIGRATIONS_DIR));
        await migratePostgres(db, { migrationsFolder: MIGRATIONS_DIR });
      }),
    close: () => sql.end({ timeout: 5 }),
  };
}
