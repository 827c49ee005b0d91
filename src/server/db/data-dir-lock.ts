/** An exclusive lock on DATA_DIR: PGlite takes none, and two servers on one directory corrupt it. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** How old an unrefreshed lock must be before it counts as left behind by a crashed process. */
export const LOCK_STALE_MS = 30_000;

/** Thrown when another process already holds DATA_DIR; its message is one line for the operator. */
export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(`DATA_DIR ${dataDir} is already in use by another floorpack server (lock file ${path.join(dataDir, 'server.lock')}); stop it or choose another DATA_DIR`);
    this.name = 'DataDirLockedError';
  }
}

/** Locks `dataDir` (creating it) and returns the release function; throws DataDirLockedError when taken. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  try {
    // proper-lockfile refreshes the lock's mtime, so a crashed server's lock goes stale instead of
    // blocking the next start forever. Stale after 30 s, not the default 10 s: PGlite's start-up and
    // migrations block the event loop, and on a loaded machine they took over 10 s, so the refresh
    // timer missed its turn and a second process could take a lock that was still held.
    return await lockfile.lock(dir, { lockfilePath: path.join(dir, 'server.lock'), realpath: false, stale: LOCK_STALE_MS });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dir);
    throw error;
  }
}
