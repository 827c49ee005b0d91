/** An exclusive lock on DATA_DIR: PGlite takes none, and two servers on one directory corrupt it. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  const lockPath = path.join(dir, 'server.lock');
  const pidPath = path.join(dir, 'server.pid');
  // Every acquisition runs under a short-lived guard lock, so "the owner is dead, take its lock over"
  // can never race another server starting at the same moment.
  // (proper-lockfile keys its locks by the locked path, so the guard locks a path of its own.)
  const releaseGuard = await lockOrThrow(dir, path.join(dir, 'server.guard.lock'), path.join(dir, 'server.guard'));
  try {
    let release: () => Promise<void>;
    try {
      // proper-lockfile refreshes the lock's mtime, so a lock whose owner cannot be identified still
      // goes stale (10 s) instead of blocking the next start forever.
      release = await lockOrThrow(dir, lockPath);
    } catch (error) {
      // A server killed with SIGKILL (crash, OOM killer) leaves its lock behind. When the process that
      // wrote server.pid is gone, the lock is dead: take it over now rather than refusing for 10 s.
      if (!(error instanceof DataDirLockedError) || !ownerIsGone(pidPath)) throw error;
      rmSync(lockPath, { recursive: true, force: true });
      release = await lockOrThrow(dir, lockPath);
    }
    writeFileSync(pidPath, `${process.pid}\n`);
    return async () => {
      rmSync(pidPath, { force: true });
      await release();
    };
  } finally {
    await releaseGuard();
  }
}

async function lockOrThrow(dir: string, lockfilePath: string, target = dir): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(target, { lockfilePath, realpath: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dir);
    throw error;
  }
}

/** True when server.pid names a process that no longer exists (never for this process itself). */
function ownerIsGone(pidPath: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(pidPath, 'utf8').trim());
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
