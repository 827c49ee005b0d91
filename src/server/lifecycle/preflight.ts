/**
 * Checks made before the server touches its data: the port is free, DATA_DIR is writable, the database
 * answers. Each failure is a StartupError whose message is one line naming the problem and what to do,
 * so an operator reads the cause instead of a stack trace, and nothing has been migrated or locked yet.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** A start-up that cannot go on; `message` is the one line printed before exiting with code 1. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** The error code of a Node system error, if any. */
function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : 'unknown';
}

/** What a listen failure means for the operator. */
export function listenProblem(error: unknown, host: string, port: number): StartupError | null {
  const code = codeOf(error);
  if (code === 'EADDRINUSE') return new StartupError(`Port ${port} on ${host} is already in use (another floorpack server or program): stop it, or set PORT to a free port.`);
  if (code === 'EACCES') return new StartupError(`Port ${port} on ${host} needs privileges this user does not have: set PORT to 1024 or above and put a reverse proxy on the low port.`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new StartupError(`HOST ${host} is not an address of this machine: set HOST to one of its addresses, or 0.0.0.0 for all.`);
  return null;
}

/** Binds HOST:PORT for a moment and lets it go; throws a StartupError when the server could not listen there. */
export async function checkPortFree(host: string, port: number): Promise<void> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error) => reject(listenProblem(error, host, port) ?? error));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** Creates DATA_DIR when missing and writes a file in it; throws a StartupError when that fails. */
export function checkDataDirWritable(dataDir: string): void {
  const dir = path.resolve(dataDir);
  const probe = path.join(dir, `.write-check-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw new StartupError(`DATA_DIR ${dir} is not writable (${codeOf(error)}): give the server's user write access to it, or set DATA_DIR to a writable folder.`);
  }
}

/** Where a PostgreSQL URL points, without its user or password. */
function databaseAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** The one line for a database that did not answer at start-up (credentials never shown). */
export function databaseProblem(error: unknown, databaseUrl: string | undefined): StartupError {
  const reason = codeOf(error) !== 'unknown' ? codeOf(error) : error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (!databaseUrl) return new StartupError(`The embedded database in DATA_DIR could not be opened (${reason}): check the folder's permissions and free space, or restore it from a backup.`);
  return new StartupError(`Cannot reach PostgreSQL at ${databaseAddress(databaseUrl)} (${reason}): start it or check the network, or fix DATABASE_URL.`);
}
