/**
 * An exclusive lock on DATA_DIR: PGlite takes none, and two servers on one directory corrupt it.
 * The lock file names its holder (pid, host). A holder that is still alive keeps the lock however busy
 * it is — an mtime-refresh lock (proper-lockfile) went "stale" while a loaded machine ran migrations and
 * let a second server in. A holder that died (SIGKILL, power loss) is detected by its pid and replaced.
 */
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** The lock file's name inside DATA_DIR. */
export const LOCK_FILE_NAME = 'server.lock';

/** Thrown when another process already holds DATA_DIR; its message is one line for the operator. */
export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, holder: string) {
    super(
      `DATA_DIR ${dataDir} is already in use by another floorpack server (${holder}; lock file ${path.join(dataDir, LOCK_FILE_NAME)}); stop it or choose another DATA_DIR`,
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

/** Locks `dataDir` (creating it) and returns the release function; throws DataDirLockedError when taken. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE_NAME);
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      return async () => releaseIfMine(file, me);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    if (holder && isAlive(holder)) throw new DataDirLockedError(dir, `pid ${holder.pid} on ${holder.host} since ${holder.since}`);
    // The holder is gone (or the file is unreadable, e.g. a crash while writing it): take over once.
    unlinkSync(file);
  }
  throw new DataDirLockedError(dir, 'another process took the lock at the same moment');
}

function readHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? '?') } : null;
  } catch {
    return null;
  }
}

function isAlive(holder: LockHolder): boolean {
  // A lock from another machine (a shared disk) cannot be checked: treat it as held.
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseIfMine(file: string, me: LockHolder): void {
  const holder = readHolder(file);
  if (holder && holder.pid === me.pid && holder.since === me.since) unlinkSync(file);
}
