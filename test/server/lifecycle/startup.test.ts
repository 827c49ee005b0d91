/**
 * Start-up fails cleanly: a busy port, an unwritable DATA_DIR or an unreachable database stops the real
 * server process with exit code 1 and one line naming the problem and what to do, before any migration,
 * and leaves no DATA_DIR lock behind.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../../../src/server/db/data-dir-lock.js';
import { freePort } from '../../helpers/ports.js';

/** Runs src/server/main.ts with `env`; resolves with its exit code and output once it exits (bounded). */
function runServer(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, HOST: '127.0.0.1', ADMIN_TOKEN: 'startup-admin-token-0123456789', LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not exit: ${stdout}${stderr}`));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('start-up that cannot succeed', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'fp-startup-'));
  let squatter: Server | null = null;
  afterAll(async () => {
    await new Promise((r) => (squatter ? squatter.close(r) : r(undefined)));
    rmSync(root, { recursive: true, force: true });
  });

  it('on a busy port: exit 1, one line naming the port and the fix, nothing migrated, no lock left', async () => {
    const port = await freePort();
    const busy = createServer();
    squatter = busy;
    await new Promise<void>((r) => busy.listen(port, '127.0.0.1', r));
    const dataDir = path.join(root, 'busy-port');
    const run = await runServer({ PORT: String(port), DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`Port ${port} on 127.0.0.1 is already in use (another floorpack server or program): stop it, or set PORT to a free port.\n`);
    expect(run.stdout).toBe('');
    expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(false);
    // The embedded database was never opened, so nothing was migrated.
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('on a DATA_DIR that cannot be written: exit 1, one line naming the folder', async () => {
    const file = path.join(root, 'a-file');
    writeFileSync(file, '');
    const dataDir = path.join(file, 'data');
    const run = await runServer({ PORT: String(await freePort()), DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`DATA_DIR ${dataDir} is not writable (ENOTDIR): give the server's user write access to it, or set DATA_DIR to a writable folder.\n`);
  });

  it('on a PostgreSQL that does not answer: exit 1, one line with its address and no password', async () => {
    const dataDir = path.join(root, 'no-postgres');
    const closedPort = await freePort();
    const run = await runServer({ PORT: String(await freePort()), DATA_DIR: dataDir, DATABASE_URL: `postgres://floorpack:s3cret@127.0.0.1:${closedPort}/floorpack` });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`Cannot reach PostgreSQL at 127.0.0.1:${closedPort}/floorpack (ECONNREFUSED): start it or check the network, or fix DATABASE_URL.\n`);
    expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });
});
