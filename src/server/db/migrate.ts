/**
 * Applying the migration chain safely: servers started together on one PostgreSQL database migrate
 * one at a time (a session advisory lock; the second finds nothing left to do), and a server whose
 * code is older than the database's schema refuses to start instead of running against tables it
 * does not know.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';

/** The key of the advisory lock the migrators share ("floo" in ASCII, so it is recognisable in pg_locks). */
export const MIGRATION_LOCK_KEY = 0x666c6f6f;

/** Thrown when the database holds migrations this code does not have; `message` is one line. */
export class SchemaNewerThanCodeError extends Error {
  constructor(dbMigrations: number, codeMigrations: number, lastTag: string) {
    super(
      `The database's schema is newer than this server: it has ${dbMigrations} migrations applied, this code knows ${codeMigrations} (last ${lastTag}). Run the newer floorpack version, or restore the backup taken before the upgrade.`,
    );
    this.name = 'SchemaNewerThanCodeError';
  }
}

/** One entry of drizzle-kit's journal (migrations/meta/_journal.json). */
interface JournalEntry {
  tag: string;
  when: number;
}

/** The migrations this code carries, oldest first. */
export function readJournal(migrationsDir: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return journal.entries;
}

/** The bookkeeping drizzle keeps of applied migrations: how many, and the newest one's journal time. */
interface AppliedMigrations {
  count: number;
  newestWhen: number | null;
}

/** Anything that runs a raw query and returns rows (a drizzle transaction on either driver). */
type Executor = { execute: (query: ReturnType<typeof sql>) => Promise<unknown> };

/** Reads drizzle.__drizzle_migrations; zero when the database was never migrated. */
export async function readAppliedMigrations(tx: Executor): Promise<AppliedMigrations> {
  const exists = rowsOf(await tx.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`));
  if (!exists[0]?.present) return { count: 0, newestWhen: null };
  const [row] = rowsOf(await tx.execute(sql`select count(*)::int as count, max(created_at)::text as newest from drizzle.__drizzle_migrations`));
  return { count: Number(row?.count ?? 0), newestWhen: row?.newest == null ? null : Number(row.newest) };
}

/** postgres-js returns the rows; PGlite returns `{ rows }`. */
function rowsOf(result: unknown): Record<string, unknown>[] {
  return (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) as Record<string, unknown>[];
}

/**
 * Refuses when the database has a migration newer than the newest this code carries (a newer server
 * migrated it). drizzle records each migration's journal time, so "newer" is exact, not a guess by count.
 */
export function assertSchemaNotNewer(applied: AppliedMigrations, journal: JournalEntry[]): void {
  const last = journal[journal.length - 1];
  if (!last) return;
  if (applied.newestWhen !== null && applied.newestWhen > last.when) throw new SchemaNewerThanCodeError(applied.count, journal.length, last.tag);
}

/**
 * Runs `migrate` while holding the PostgreSQL advisory lock, on a connection of its own (the pool may
 * have a single connection, which the migrator needs). Released on every path; a crash releases it too,
 * since a session lock dies with its connection.
 */
export async function withMigrationLock<T>(url: string, migrate: () => Promise<T>): Promise<T> {
  const lockSql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await lockSql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      return await migrate();
    } finally {
      await lockSql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => undefined);
    }
  } finally {
    await lockSql.end({ timeout: 5 });
  }
}
