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
import { lockDataDir } from './data-dir-lock.js';
import { SerialQueue } from './serial-queue.js';

/** The migrations drizzle-kit generated from schema.ts (the tables in db/tables/); the same files for PGlite and PostgreSQL. */
const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

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

/** An open database with the only ways the app touches it. */
export interface Database {
  readonly kind: DbKind;
  /** Runs `fn` in one transaction (serialised on PGlite). */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `fn` in one read-only, repeatable-read transaction so every query sees one snapshot. */
  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Applies pending migrations. */
  migrate(): Promise<void>;
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
    client = await PGlite.create(dataDir ? path.join(path.resolve(dataDir), 'pglite') : undefined);
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
    migrate: () => queue.run(() => migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR })),
    close: async () => {
      await queue.run(() => client.close());
      await release?.();
    },
  };
}

async function openPostgres(url: string, maxConnections = 10): Promise<Database> {
  // onnotice: silence "relation already exists, skipping" notices from the migrator.
  const sql = postgres(url, { max: maxConnections, onnotice: () => undefined });
  const db = drizzlePostgres(sql) as unknown as Db;
  return {
    kind: 'postgres',
    write: (fn) => db.transaction(fn),
    read: (fn) => db.transaction(fn, { isolationLevel: 'repeatable read', accessMode: 'read only' }),
    migrate: () => migratePostgres(drizzlePostgres(sql), { migrationsFolder: MIGRATIONS_DIR }),
    close: () => sql.end({ timeout: 5 }),
  };
}
