/**
 * The change sequence behind pull cursors. Every insert or update of a parcel or catalogue row is
 * stamped with `nextChangeSeq(tx)` inside its transaction.
 *
 * Why a counter row and not a plain SEQUENCE: with a SEQUENCE, transaction A can take 41, B take 42,
 * and B commit first; a device pulling then gets cursor 42 and never sees 41 (a commit-order gap).
 * Here the UPDATE of the single counter row holds that row's lock until the transaction ends (exactly
 * what pg_advisory_xact_lock would give), so stamping transactions commit in stamp order, and the
 * committed value of the row is the exact high-water mark a pull may hand out as its cursor.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from './client.js';

/** Takes the next change stamp; the counter row stays locked until `tx` commits or rolls back. */
export async function nextChangeSeq(tx: Tx): Promise<number> {
  const rows = await tx.execute<{ last_seq: string | number }>(sql`
    insert into change_counter (id, last_seq) values (1, 1)
    on conflict (id) do update set last_seq = change_counter.last_seq + 1
    returning last_seq`);
  return Number(rowsOf<{ last_seq: string | number }>(rows)[0].last_seq);
}

/**
 * `count` stamps at once, for a statement that stamps many rows (a push's packed parcels): a
 * `returning last_seq` query to use as a CTE; the stamps are last_seq - count + 1 … last_seq. Same
 * lock as `nextChangeSeq`: the counter row stays locked until the transaction ends.
 */
export function takeChangeSeqs(count: number): SQL {
  return sql`
    insert into change_counter (id, last_seq) values (1, ${count}::bigint)
    on conflict (id) do update set last_seq = change_counter.last_seq + ${count}::bigint
    returning last_seq`;
}

/** The highest committed stamp visible to `tx` (0 before anything was written). */
export async function currentChangeSeq(tx: Tx): Promise<number> {
  const rows = await tx.execute<{ last_seq: string | number }>(sql`select last_seq from change_counter where id = 1`);
  const row = rowsOf<{ last_seq: string | number }>(rows)[0];
  return row ? Number(row.last_seq) : 0;
}

/** postgres-js returns an array of rows, PGlite an object with `rows`: accept both. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
