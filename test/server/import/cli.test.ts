/** The import command: exit status, the --json report, and the DATA_DIR lock of a running server. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../../src/server/db/data-dir-lock.js';
import { runImportCli } from '../../../src/server/import/cli.js';
import { fixturePath } from '../../helpers/fixtures/import-files.js';

describe('npm run import', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'floorpack-import-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = () => ({ DATA_DIR: dataDir });

  it('exits 0 with one JSON object of exactly the documented shape when everything was imported', async () => {
    const result = await runImportCli(['--json', fixturePath('ranks.json')], env());
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report).sort()).toEqual(['errors', 'imported', 'ok', 'rejected', 'rows', 'type', 'warnings']);
    expect(report).toEqual({ ok: true, type: 'ranks', rows: 4, imported: { created: 4, updated: 0, unchanged: 0 }, rejected: 0, errors: [], warnings: [] });
  });

  it('exits 1 when anything was rejected, listing each error with row and column', async () => {
    const dry = await runImportCli(['--json', '--dry-run', '--type', 'shipments', '--encoding', 'cp932', fixturePath('shipments.sjis.csv')], env());
    expect(dry.code).toBe(1);
    const report = JSON.parse(dry.stdout);
    // No products in this empty database: every shipment is rejected, each for its unknown products.
    expect(report).toMatchObject({ ok: false, type: 'shipments', rows: 16, imported: { shipments: 0 } });
    expect(report.errors).toContainEqual({ row: 2, column: '商品コード', message: expect.stringContaining('T-2001') });
    const human = await runImportCli([fixturePath('ranks.json')], env());
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^ranks: 4 rows; created 4/);
  });

  it.each([
    [['--type', 'parcels', 'x.csv']],
    [['--encoding', 'latin1', 'x.csv']],
    [[]],
    [['--bogus', 'x.csv']],
    [['/no/such/file.csv']],
  ])('exits 2 on a usage error %j', async (argv) => {
    const result = await runImportCli(argv, env());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\S/);
  });

  it('says that the running server holds DATA_DIR and how to import through it (exit 2)', async () => {
    const release = await lockDataDir(dataDir);
    try {
      const result = await runImportCli(['--json', fixturePath('ranks.json')], env());
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/server is running on DATA_DIR/);
      expect(result.stderr).toContain('/api/admin/import');
      expect(result.stderr).toContain('/console/');
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, rows: 0 });
    } finally {
      await release();
    }
  });

  it('runs as `npm run import` from package.json', async () => {
    const run = promisify(execFile);
    const { stdout } = await run('npm', ['run', '--silent', 'import', '--', '--json', fixturePath('ranks.json')], { env: { ...process.env, DATA_DIR: dataDir } });
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, type: 'ranks' });
  });
});
