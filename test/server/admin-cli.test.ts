/** The admin CLI: straight on the database when no server runs, through the admin API when one does. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { runAdminCli } from '../../src/server/admin-cli.js';
import { openDatabase } from '../../src/server/db/client.js';
import { buildDemoApp } from '../../src/server/demo/demo-app.js';
import { seedDemo } from '../../src/server/demo/seed-demo.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('admin CLI', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fp-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  // Nothing listens on port 1: the CLI must fall back to the database.
  const offline = { DATA_DIR: dataDir, ADMIN_URL: 'http://127.0.0.1:1' };

  it('prints usage for an unknown command', async () => {
    const c = capture();
    expect(await runAdminCli(['device:dance'], offline, c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/device:enrol --warehouse/);
  });

  it('makes an enrolment code, lists and revokes devices on the DATA_DIR when no server runs', async () => {
    const db = await openDatabase({ kind: 'pglite', dataDir });
    await db.migrate();
    await seedDemo(db);
    await db.close();

    const c = capture();
    expect(await runAdminCli(['device:enrol', '--warehouse', 'WH1'], offline, c.io)).toBe(0);
    const code = /: ([A-Z0-9-]{14}) /.exec(c.out[0])?.[1];
    expect(code).toBeTruthy();
    const unknown = capture();
    expect(await runAdminCli(['device:enrol', '--warehouse', 'WH9'], offline, unknown.io)).toBe(1);
    expect(unknown.err[0]).toMatch(/Unknown warehouse WH9/);

    // The code works: enrol a device with it through an app on the same database.
    const database = await openDatabase({ kind: 'pglite', dataDir });
    const demo = await buildDemoApp({ database });
    const res = await demo.app.inject({ method: 'POST', url: '/api/enrol', payload: { code, deviceName: 'pack-cli' } });
    expect(res.statusCode).toBe(200);
    const { deviceId } = res.json();
    // While this process holds the DATA_DIR, the CLI says what to do instead of corrupting it.
    const locked = capture();
    expect(await runAdminCli(['device:list'], offline, locked.io)).toBe(1);
    expect(locked.err.join('\n')).toMatch(/already in use.*\n.*ADMIN_URL/);
    await demo.close();
    await database.close();

    const list = capture();
    expect(await runAdminCli(['device:list'], offline, list.io)).toBe(0);
    expect(list.out.join('\n')).toContain(`${deviceId}  pack-cli  WH1  last seen never`);
    const revoke = capture();
    expect(await runAdminCli(['device:revoke', deviceId], offline, revoke.io)).toBe(0);
    expect(revoke.out[0]).toMatch(new RegExp(`revoked ${deviceId} at `));
    const missing = capture();
    expect(await runAdminCli(['device:revoke', 'dev-nope'], offline, missing.io)).toBe(1);
  });

  it('goes through the admin API when a server answers', async () => {
    const demo = await buildDemoApp();
    await demo.app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(demo.app.server.address() as AddressInfo).port}`;
    try {
      const env = { ADMIN_URL: url, ADMIN_TOKEN: demo.adminToken, DATA_DIR: dataDir };
      const c = capture();
      expect(await runAdminCli(['device:enrol', '--warehouse', 'WH1'], env, c.io)).toBe(0);
      const code = /: ([A-Z0-9-]{14}) /.exec(c.out[0])![1];
      const { deviceId, token } = (await demo.app.inject({ method: 'POST', url: '/api/enrol', payload: { code, deviceName: 'pack-http' } })).json();
      const r = capture();
      expect(await runAdminCli(['device:revoke', deviceId], env, r.io)).toBe(0);
      const pull = await demo.app.inject({ method: 'GET', url: '/api/device', headers: { authorization: `Bearer ${token}` } });
      expect(pull.statusCode).toBe(401);
      const list = capture();
      expect(await runAdminCli(['device:list'], env, list.io)).toBe(0);
      expect(list.out.join('\n')).toMatch(/pack-http {2}WH1 {2}revoked /);
      const bad = capture();
      expect(await runAdminCli(['device:list'], { ...env, ADMIN_TOKEN: 'wrong-token-0123456789' }, bad.io)).toBe(1);
      expect(bad.err[0]).toMatch(/Admin token required/);
    } finally {
      await demo.close();
    }
  });
});
