/** An exclusive lock on DATA_DIR: PGlite takes none, and two servers on one directory corrupt it. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

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
    // proper-lockfile refreshes the lock's mtime, so a crashed server's lock goes stale (10 s) instead of
    // blocking the next start forever.
    return await lockfile.lock(dir, { lockfilePath: path.join(dir, 'server.lock'), realpath: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dir);
    throw error;
  }
}
