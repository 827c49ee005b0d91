/** DATA_DIR is locked: a second server on the same directory is refused with a clear message. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/server/db/client.js';
import { DataDirLockedError, lockDataDir } from '../../../src/server/db/data-dir-lock.js';

describe('DATA_DIR lock (PGlite on disk)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fp-lock-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a second open of the same DATA_DIR, and allows it again after close', async () => {
    const first = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await first.migrate();
      const second = openDatabase({ kind: 'pglite', dataDir });
      await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(second).rejects.toThrow(/already in use/);
      await expect(second).rejects.toThrow(dataDir);
    } finally {
      await first.close();
    }
    // The data survived, and the lock was released by close().
    const again = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await again.migrate();
    } finally {
      await again.close();
    }
  });
});

describe('DATA_DIR lock after a crash', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fp-lock-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('takes over at once a lock left by a server that was killed, but not one held by a live process', async () => {
    // A real child process takes the lock and is then SIGKILLed: its lock and pid file stay behind.
    const script = `import { lockDataDir } from './src/server/db/data-dir-lock.ts'; await lockDataDir(${JSON.stringify(dataDir)}); process.stdout.write('locked\\n'); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
      child.once('exit', (code) => reject(new Error(`child exited ${code}`)));
    });
    try {
      // While it lives, the directory is refused.
      await expect(lockDataDir(dataDir)).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    // Killed: the next server starts at once instead of waiting for the lock to go stale.
    const release = await lockDataDir(dataDir);
    await expect(lockDataDir(dataDir)).rejects.toBeInstanceOf(DataDirLockedError);
    await release();
  });
});
