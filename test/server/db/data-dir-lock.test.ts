/** DATA_DIR is locked: a second server on the same directory is refused with a clear message. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/server/db/client.js';
import { DataDirLockedError } from '../../../src/server/db/data-dir-lock.js';

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
