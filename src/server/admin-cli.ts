/**
 * `npm run admin -- <command>`: device administration from a shell.
 *   device:enrol --warehouse <id>   a one-time enrolment code for a warehouse
 *   device:revoke <deviceId>        revoke a device (its next request gets 401; the app wipes itself)
 *   device:list [--warehouse <id>]  devices with last sync, last event sequence and open flags
 *   backup <file>                   the embedded database to a file (through the running server, else directly)
 *   restore <file>                  replaces the embedded database with a backup (the server must be stopped)
 * A running server holds an embedded DATA_DIR exclusively, so when one answers (ADMIN_URL, default
 * http://127.0.0.1:$PORT) the CLI goes through its admin API with the admin token; otherwise it opens
 * the database itself (DATABASE_URL, or PGlite in DATA_DIR).
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { AdminDevice } from '../shared/protocol/admin-devices.js';
import { readStoredAdminToken } from './auth/admin-token.js';
import { createEnrolmentCode, EnrolError } from './auth/enrolment.js';
import { restoreEmbedded, writeFileAtomically } from './db/backup.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { openDatabase, type Database } from './db/client.js';
import { databaseOptionsOf, parseEnv } from './env.js';
import { listDevices, revokeDeviceById } from './supervision/devices.js';

const USAGE = `usage: npm run admin -- <command>
  device:enrol --warehouse <id>    print a one-time enrolment code for a warehouse
  device:revoke <deviceId>         revoke a device
  device:list [--warehouse <id>]   list devices (last sync, last event seq, open flags)
  backup <file>                    save the embedded database (consistent while the server runs)
  restore <file>                   replace the embedded database with a backup (stop the server first)
env: ADMIN_URL (default http://127.0.0.1:$PORT), ADMIN_TOKEN (else DATA_DIR/admin-token), DATABASE_URL, DATA_DIR`;

/** A parsed command line. */
type Command =
  | { kind: 'enrol'; warehouseId: string }
  | { kind: 'revoke'; deviceId: string }
  | { kind: 'list'; warehouseId?: string }
  | { kind: 'backup' | 'restore'; file: string };

/** Where the CLI writes, so tests can read it. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

function parseArgs(argv: string[]): Command | null {
  const [name, ...rest] = argv;
  const flag = (f: string) => {
    const i = rest.indexOf(f);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  if (name === 'device:enrol') {
    const warehouseId = flag('--warehouse');
    return warehouseId ? { kind: 'enrol', warehouseId } : null;
  }
  if (name === 'device:revoke') return rest[0] && !rest[0].startsWith('--') ? { kind: 'revoke', deviceId: rest[0] } : null;
  if (name === 'device:list') return { kind: 'list', warehouseId: flag('--warehouse') };
  if ((name === 'backup' || name === 'restore') && rest[0] && !rest[0].startsWith('--')) return { kind: name, file: rest[0] };
  return null;
}

/** Runs one command; resolves to the process exit code (0 ok, 1 failed, 2 usage). */
export async function runAdminCli(argv: string[], rawEnv: NodeJS.ProcessEnv, io: CliIo, ttlOverrideMin?: number): Promise<number> {
  const command = parseArgs(argv);
  if (!command) {
    io.err(USAGE);
    return 2;
  }
  const env = parseEnv(rawEnv);
  const ttlMin = ttlOverrideMin ?? env.ENROL_CODE_TTL_MIN;
  const adminUrl = rawEnv.ADMIN_URL || `http://127.0.0.1:${env.PORT}`;
  const token = env.ADMIN_TOKEN ?? readStoredAdminToken(env.DATA_DIR);
  if ((command.kind === 'backup' || command.kind === 'restore') && env.DATABASE_URL) {
    io.err(`DATABASE_URL is set: back up and restore PostgreSQL with pg_dump and pg_restore (docs/deployment.md).`);
    return 1;
  }
  if (command.kind === 'restore') return restore(command.file, env.DATA_DIR, io);

  if (await serverAnswers(adminUrl)) {
    if (!token) {
      io.err(`A server answers at ${adminUrl} but no admin token was found: set ADMIN_TOKEN (it is printed when the server starts).`);
      return 1;
    }
    return viaHttp(command, adminUrl, token, io);
  }
  let database: Database;
  try {
    database = await openDatabase(databaseOptionsOf(env, { maxConnections: 1 }));
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      io.err(`${error.message}.\nA server is running on this DATA_DIR but does not answer at ${adminUrl}: set ADMIN_URL to its address (and ADMIN_TOKEN) so this goes through its admin API, or stop it first.`);
      return 1;
    }
    throw error;
  }
  try {
    await database.migrate();
    return await direct(command, database, ttlMin, io);
  } finally {
    await database.close();
  }
}

async function direct(command: Command, database: Database, ttlMin: number, io: CliIo): Promise<number> {
  if (command.kind === 'backup') {
    writeFileAtomically(command.file, await database.dumpEmbedded!());
    io.out(`backup written to ${command.file}`);
    return 0;
  }
  if (command.kind === 'enrol') {
    try {
      const code = await createEnrolmentCode(database, command.warehouseId, ttlMin, new Date());
      printCode(code, io);
      return 0;
    } catch (error) {
      if (error instanceof EnrolError) {
        io.err(error.message);
        return 1;
      }
      throw error;
    }
  }
  if (command.kind === 'revoke') {
    const revoked = await revokeDeviceById(database, command.deviceId, new Date());
    if (!revoked) {
      io.err(`No device ${command.deviceId}.`);
      return 1;
    }
    io.out(`revoked ${revoked.id} at ${revoked.revokedAt}`);
    return 0;
  }
  if (command.kind === 'list') printDevices(await listDevices(database, command.warehouseId), io);
  return 0;
}

async function viaHttp(command: Command, base: string, token: string, io: CliIo): Promise<number> {
  const call = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
    const res = await fetch(base + url, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) throw new Error(typeof json.message === 'string' ? json.message : `HTTP ${res.status}`);
    return json;
  };
  try {
    if (command.kind === 'backup') {
      const res = await fetch(`${base}/api/admin/backup`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(((await res.json().catch(() => ({}))) as { message?: string }).message ?? `HTTP ${res.status}`);
      writeFileAtomically(command.file, new Uint8Array(await res.arrayBuffer()));
      io.out(`backup written to ${command.file} (taken by the running server at ${base})`);
      return 0;
    }
    if (command.kind === 'enrol') printCode((await call('POST', '/api/admin/enrolment-codes', { warehouseId: command.warehouseId })) as { code: string; warehouseId: string; expiresAt: string }, io);
    else if (command.kind === 'revoke') {
      const r = (await call('POST', `/api/admin/devices/${encodeURIComponent(command.deviceId)}/revoke`)) as { id: string; revokedAt: string };
      io.out(`revoked ${r.id} at ${r.revokedAt}`);
    } else if (command.kind === 'list') {
      const q = command.warehouseId ? `?warehouseId=${encodeURIComponent(command.warehouseId)}` : '';
      printDevices(((await call('GET', `/api/admin/devices${q}`)) as { devices: AdminDevice[] }).devices, io);
    }
    return 0;
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

async function restore(file: string, dataDir: string, io: CliIo): Promise<number> {
  if (!existsSync(file)) {
    io.err(`No backup file ${file}.`);
    return 1;
  }
  try {
    const summary = await restoreEmbedded(dataDir, file, new Date());
    io.out(`restored ${file} into ${dataDir}${summary.previousKeptAt ? `; the replaced database is kept at ${summary.previousKeptAt}` : ''}`);
    if (summary.parkedNotifications > 0) {
      io.out(`${summary.parkedNotifications} notifications were not yet sent when the backup was taken and may have gone out since: they are set aside (dead) for review in the console, not sent again`);
    }
    return 0;
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      io.err(`${error.message}. Stop the server before restoring.`);
      return 1;
    }
    throw error;
  }
}

function printCode(code: { code: string; warehouseId: string; expiresAt: string }, io: CliIo): void {
  io.out(`enrolment code for ${code.warehouseId}: ${code.code}  (single use, expires ${code.expiresAt})`);
}

function printDevices(devices: AdminDevice[], io: CliIo): void {
  if (devices.length === 0) return io.out('no devices');
  for (const d of devices) {
    const state = d.revokedAt ? `revoked ${d.revokedAt}` : `last seen ${d.lastSeenAt ?? 'never'}`;
    const flags = d.sequenceFlags > 0 ? `  SEQUENCE FLAGS: ${d.sequenceFlags}` : '';
    io.out(`${d.id}  ${d.name}  ${d.warehouseId}  ${state}  last seq ${d.lastDeviceSeq}  open flags ${d.openFlags}${flags}`);
  }
}

async function serverAnswers(base: string): Promise<boolean> {
  try {
    const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1500) });
    return res.ok;
  } catch {
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runAdminCli(process.argv.slice(2), process.env, { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) })
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
