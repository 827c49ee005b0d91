/**
 * Backup and restore of the embedded database (PGlite). PGlite's data directory cannot be copied
 * while a server writes to it, so a backup is PGlite's own dump of its data directory (a gzipped tar),
 * taken through the one-connection queue: no transaction is half-way through while it is written, so
 * it is consistent even while handhelds push. PostgreSQL is backed up with pg_dump (docs/deployment.md).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { lockDataDir } from './data-dir-lock.js';
import * as t from './schema.js';

/** The folder inside DATA_DIR that holds PGlite's files (see client.ts). */
export const PGLITE_FOLDER = 'pglite';

/** Writes `bytes` to `file` through a temporary file and a rename, so a crash never leaves half a backup under the real name. */
export function writeFileAtomically(file: string, bytes: Uint8Array): void {
  const temporary = `${file}.partial-${process.pid}`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}

/** What a restore did, for the operator's summary line. */
export interface RestoreSummary {
  /** Where the data directory that was replaced now lives (null when there was none). */
  previousKeptAt: string | null;
  /** Notifications not yet sent in the backup, set aside instead of sent (see parkUnsentNotifications). */
  parkedNotifications: number;
}

/**
 * Replaces DATA_DIR's embedded database with the backup in `file`. Refused (DataDirLockedError) while a
 * server holds DATA_DIR. The replaced database is moved aside, never deleted.
 */
export async function restoreEmbedded(dataDir: string, file: string, now: Date): Promise<RestoreSummary> {
  const backup = new Blob([readFileSync(file)]);
  const release = await lockDataDir(dataDir);
  try {
    const target = path.join(path.resolve(dataDir), PGLITE_FOLDER);
    let previousKeptAt: string | null = null;
    if (existsSync(target)) {
      previousKeptAt = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target, previousKeptAt);
    }
    const client = await PGlite.create(target, { loadDataDir: backup });
    try {
      const parkedNotifications = await parkUnsentNotifications(client, now);
      return { previousKeptAt, parkedNotifications };
    } finally {
      await client.close();
    }
  } finally {
    await release();
  }
}

/**
 * A notification that was pending or being sent when the backup was taken has most likely gone out
 * since (the dispatcher sends within seconds). Sending it again from the restored database could mail
 * a customer twice, so it is set aside as dead with the reason; the console's notification list shows
 * it, and a supervisor who finds the customer was not told retries it there.
 */
async function parkUnsentNotifications(client: PGlite, now: Date): Promise<number> {
  const db = drizzle(client);
  const parked = await db
    .update(t.notifications)
    .set({
      status: 'dead',
      claimedBy: null,
      leaseUntil: null,
      lastError: `restored from a backup on ${now.toISOString()}: it may have been sent after the backup was taken; retry it only if the customer did not receive it`,
    })
    .where(inArray(t.notifications.status, ['pending', 'sending']))
    .returning({ id: t.notifications.id });
  return parked.length;
}
