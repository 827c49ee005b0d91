/**
 * The databases the server suites run against: in-memory PGlite always, PostgreSQL too when
 * TEST_DATABASE_URL is set. Each PostgreSQL run gets its own freshly created database, dropped after.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../src/server/db/client.js';

/** A database a suite can run against, and how to throw it away. */
export interface TestDatabaseTarget {
  name: 'pglite' | 'postgres';
  open(): Promise<{ database: Database; dispose(): Promise<void> }>;
}

const pgUrl = process.env.TEST_DATABASE_URL;

/** A PostgreSQL database created for one run, and how to drop it. */
export interface ScratchPostgres {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates `<prefix>_<random>` on the PostgreSQL server of `serverUrl`, so parallel files and runs never
 * collide. Throws (having closed its connection) when the server does not answer within `connectTimeoutS`.
 */
export async function createScratchPostgres(serverUrl: string, prefix: string, connectTimeoutS?: number): Promise<ScratchPostgres> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined, ...(connectTimeoutS === undefined ? {} : { connect_timeout: connectTimeoutS }) });
  try {
    await admin.unsafe(`create database ${name}`);
  } catch (error) {
    await admin.end({ timeout: 1 }).catch(() => undefined);
    throw error;
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** PGlite in memory: closing it is all the clean-up there is. */
const PGLITE_TARGET: TestDatabaseTarget = {
  name: 'pglite',
  async open() {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    return { database, dispose: () => database.close() };
  },
};

/** PostgreSQL: a new database per run (fp_test_<random>). */
const POSTGRES_TARGET: TestDatabaseTarget = {
  name: 'postgres',
  async open() {
    if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set');
    const scratch = await createScratchPostgres(pgUrl, 'fp_test');
    const database = await openDatabase({ kind: 'postgres', url: scratch.url, maxConnections: 5 });
    return {
      database,
      async dispose() {
        await database.close();
        await scratch.drop();
      },
    };
  },
};

/** PGlite, plus PostgreSQL when TEST_DATABASE_URL is set. */
export const TEST_DATABASE_TARGETS: TestDatabaseTarget[] = pgUrl ? [PGLITE_TARGET, POSTGRES_TARGET] : [PGLITE_TARGET];
