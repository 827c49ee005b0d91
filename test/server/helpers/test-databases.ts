/**
 * The databases the server suites run against: in-memory PGlite always, PostgreSQL too when
 * TEST_DATABASE_URL is set. Each PostgreSQL run gets its own freshly created database, dropped after.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../../src/server/db/client.js';

/** A database a suite can run against, and how to throw it away. */
export interface TestDatabaseTarget {
  name: 'pglite' | 'postgres';
  open(): Promise<{ database: Database; dispose(): Promise<void> }>;
}

const pgUrl = process.env.TEST_DATABASE_URL;

/** PGlite in memory: closing it is all the clean-up there is. */
export const PGLITE_TARGET: TestDatabaseTarget = {
  name: 'pglite',
  async open() {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    return { database, dispose: () => database.close() };
  },
};

/** PostgreSQL: a new database per run (fp_test_<random>), so parallel files and runs never collide. */
export const POSTGRES_TARGET: TestDatabaseTarget = {
  name: 'postgres',
  async open() {
    if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set');
    const name = `fp_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(pgUrl, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 5 });
    return {
      database,
      async dispose() {
        await database.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  },
};

/** PGlite, plus PostgreSQL when TEST_DATABASE_URL is set. */
export const TEST_DATABASE_TARGETS: TestDatabaseTarget[] = pgUrl ? [PGLITE_TARGET, POSTGRES_TARGET] : [PGLITE_TARGET];
