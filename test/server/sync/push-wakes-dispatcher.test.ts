/**
 * A push wakes the notification dispatcher once its transaction has committed: a return's message
 * goes out at once, not at the next poll.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';
import { openDatabase, type Database } from '../../../src/server/db/client.js';
import * as t from '../../../src/server/db/schema.js';
import { buildDemoApp, type DemoApp } from '../../../src/server/demo/demo-app.js';
import { DEMO_SCENARIOS } from '../../../src/server/demo/demo-data.js';
import { seedDemo } from '../../../src/server/demo/seed-demo.js';
import { pushEvents } from '../../../src/server/sync/push.js';
import { bearer, packedEvent, returnEvent } from '../../helpers/events.js';

const RETURNED = DEMO_SCENARIOS.returnFirst;

describe('a push wakes the dispatcher', () => {
  let demo: DemoApp;
  let mailDir: string;
  beforeAll(async () => {
    mailDir = mkdtempSync(join(tmpdir(), 'fp-wake-'));
    const config = {
      smtpUrl: null,
      mailFrom: 'Floorpack Shop <returns@shop.example>',
      webhookUrl: null,
      webhookSecret: null,
      mailDir,
      maxAttempts: 3,
      leaseMs: 300_000,
      backoff: { baseMs: 60_000, maxMs: 600_000 },
      // Ten minutes between polls: only a wake-up can send within the test.
      pollMs: 600_000,
    };
    demo = await buildDemoApp({ notify: { config, autoStart: true } });
  });
  afterAll(async () => {
    await demo?.close();
    rmSync(mailDir, { recursive: true, force: true });
  });

  async function push(token: string, events: SyncEvent[]): Promise<void> {
    const res = await demo.app.inject({ method: 'POST', url: '/api/sync/push', payload: { events }, headers: bearer(token) });
    expect(res.statusCode, res.body).toBe(200);
  }

  it('sends a return receipt right after the push that recorded it', async () => {
    const { token } = await demo.enrol();
    await push(token, [packedEvent(RETURNED)]);
    const event = returnEvent(RETURNED);
    await push(token, [event]);
    const file = join(mailDir, `return-${event.id}.eml`);
    await expect.poll(() => existsSync(file), { timeout: 10_000, interval: 50 }).toBe(true);
  });
});

describe('pushEvents', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    await database.migrate();
    await seedDemo(database);
  });
  afterAll(() => database?.close());

  it('calls afterCommit once per committed push, a resend included', async () => {
    // The device whose sequence the push records; the route would have checked its credential.
    await database.write((tx) => tx.insert(t.devices).values({ id: 'dev-wake', name: 'wake', warehouseId: 'WH1', tokenHash: 'unused', createdAt: new Date() }));
    let commits = 0;
    const ctx = { deviceId: 'dev-wake', deviceName: 'wake', warehouseId: 'WH1', now: new Date() };
    const events = [packedEvent(DEMO_SCENARIOS.singleItem), packedEvent(DEMO_SCENARIOS.secondPurchase)];
    const first = await pushEvents(database, ctx, events, { afterCommit: () => commits++ });
    expect(first.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(commits).toBe(1);
    const again = await pushEvents(database, ctx, events, { afterCommit: () => commits++ });
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(commits).toBe(2);
  });
});
