/** DATA_DIR is locked: a second server on the same directory is refused with a clear message. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/server/db/client.js';
import { DataDirLockedError, LOCK_FILE_NAME } from '../../../src/server/db/data-dir-lock.js';

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

  it('takes over the lock of a server that died without releasing it (SIGKILL, power loss)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fp-lock-dead-'));
    try {
      const dead = spawnSync(process.execPath, ['-e', '']).pid;
      writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: dead, host: hostname(), since: '2026-01-01T00:00:00Z' }));
      const db = await openDatabase({ kind: 'pglite', dataDir: dir });
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
