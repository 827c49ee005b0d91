/**
 * Backup and restore of the embedded database with `npm run admin -- backup|restore FILE`: a backup
 * taken through the running server while a handheld pushes, data changed after it, then restored into
 * the same DATA_DIR. The restored server holds exactly the backup's data, answers every event it had
 * applied "duplicate", and mails no customer twice: a notification sent before the backup stays sent,
 * and one still unsent in the backup is set aside for review instead of being sent again.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';
import { pushResponseSchema } from '../../../src/shared/protocol/sync.js';
import { runAdminCli } from '../../../src/server/admin-cli.js';
import { openDatabase } from '../../../src/server/db/client.js';
import * as t from '../../../src/server/db/schema.js';
import { buildDemoApp, type DemoApp } from '../../../src/server/demo/demo-app.js';
import { DEMO_SCENARIOS } from '../../../src/server/demo/demo-data.js';
import { bearer, packedEvent, returnEvent } from '../../helpers/events.js';
import { testNotifyConfig } from '../../helpers/notify-config.js';

const ADMIN_TOKEN = 'backup-admin-token-0123456789';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('backup and restore of the embedded database', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'fp-backup-'));
  const dataDir = path.join(root, 'data');
  const backupFile = path.join(root, 'floorpack.tar.gz');
  let demo: DemoApp | null = null;
  afterAll(async () => {
    await demo?.close().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  });

  /** The demo server on DATA_DIR, sending mail as .eml files into `mailDir`, listening on a loopback port. */
  async function serve(mailDir: string): Promise<{ demo: DemoApp; url: string }> {
    const database = await openDatabase({ kind: 'pglite', dataDir });
    const built = await buildDemoApp({ database, adminToken: ADMIN_TOKEN, notify: { config: testNotifyConfig({ mailDir }), autoStart: false } });
    const close = built.close;
    built.close = async () => {
      await close();
      await database.close();
    };
    await built.app.listen({ port: 0, host: '127.0.0.1' });
    return { demo: built, url: `http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}` };
  }
  async function push(app: DemoApp, token: string, events: SyncEvent[]) {
    const res = await app.app.inject({ method: 'POST', url: '/api/sync/push', payload: { events }, headers: bearer(token) });
    expect(res.statusCode, res.body).toBe(200);
    return pushResponseSchema.parse(res.json()).results;
  }

  it('restores the data and the exactly-once records as they were at the backup', async () => {
    const mailBefore = path.join(root, 'mail-before');
    const first = await serve(mailBefore);
    demo = first.demo;
    const { token } = await demo.enrol('backup-01');
    const sentReturn = [packedEvent(DEMO_SCENARIOS.returnFirst), returnEvent(DEMO_SCENARIOS.returnFirst)];
    await push(demo, token, sentReturn);
    await demo.app.dispatcher!.runOnce(); // mailed before the backup
    const unsentReturn = [packedEvent(DEMO_SCENARIOS.singleItem), returnEvent(DEMO_SCENARIOS.singleItem)];
    await push(demo, token, unsentReturn); // its mail is still pending when the backup is taken

    // The backup goes through the running server while the handheld keeps pushing.
    const cli = { DATA_DIR: dataDir, ADMIN_URL: first.url, ADMIN_TOKEN };
    const during = capture();
    const [code] = await Promise.all([runAdminCli(['backup', backupFile], cli, during.io), push(demo, token, [packedEvent(DEMO_SCENARIOS.secondPurchase)])]);
    expect(code, during.err.join('\n')).toBe(0);
    expect(during.out[0]).toMatch(/backup written to .*taken by the running server/);

    // After the backup: another parcel packed, the pending mail sent.
    const afterBackup = packedEvent(DEMO_SCENARIOS.diamond);
    await push(demo, token, [afterBackup]);
    await demo.app.dispatcher!.runOnce();
    expect(readdirSync(mailBefore)).toHaveLength(2);

    // Restoring is refused while the server holds DATA_DIR.
    const refused = capture();
    expect(await runAdminCli(['restore', backupFile], cli, refused.io)).toBe(1);
    expect(refused.err.join('\n')).toMatch(/already in use.*Stop the server before restoring/s);
    await demo.close();
    demo = null;

    const restored = capture();
    expect(await runAdminCli(['restore', backupFile], cli, restored.io)).toBe(0);
    expect(restored.out.join('\n')).toMatch(/1 notifications were not yet sent when the backup was taken/);
    expect(readdirSync(dataDir).some((name) => name.startsWith('pglite.before-restore-'))).toBe(true);

    const mailAfter = path.join(root, 'mail-after');
    demo = (await serve(mailAfter)).demo;
    const status = async (shipmentId: string) =>
      (await demo!.database.read((tx) => tx.select({ status: t.parcels.status }).from(t.parcels).where(eq(t.parcels.shipmentId, shipmentId))))[0].status;
    expect(await status(DEMO_SCENARIOS.diamond)).not.toBe('packed'); // changed after the backup: gone

    // Every event the backup had applied is a duplicate; the one after it applies again.
    const resent = await push(demo, token, [...sentReturn, ...unsentReturn, afterBackup]);
    expect(resent.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'applied']);

    // No customer mailed twice: the sent one stays sent, the unsent one waits for a person to decide.
    await demo.app.dispatcher!.runOnce();
    expect(existsSync(mailAfter) ? readdirSync(mailAfter) : []).toEqual([]);
    const rows = await demo.database.read((tx) => tx.select().from(t.notifications));
    expect(rows.map((r) => r.status).sort()).toEqual(['dead', 'sent']);
    expect(rows.find((r) => r.status === 'dead')?.lastError).toMatch(/restored from a backup/);
  }, 120_000);
});
