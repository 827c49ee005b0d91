/**
 * The notification dispatcher against a real SMTP server (smtp-server on 127.0.0.1) and a real webhook
 * receiver (node:http): one message per receipt, whatever happens between push and send.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';
import { pushResponseSchema, type EventResult } from '../../../src/shared/protocol/sync.js';
import * as t from '../../../src/server/db/schema.js';
import { openDatabase } from '../../../src/server/db/client.js';
import { buildDemoApp, type DemoApp } from '../../../src/server/demo/demo-app.js';
import { DEMO_SCENARIOS } from '../../../src/server/demo/demo-data.js';
import { resetDemo } from '../../../src/server/demo/seed-demo.js';
import { channelsOf } from '../../../src/server/notify/channels.js';
import type { NotifyConfig } from '../../../src/server/notify/config.js';
import { testNotifyConfig } from '../../helpers/notify-config.js';
import { Dispatcher } from '../../../src/server/notify/dispatcher.js';
import { claimDue } from '../../../src/server/notify/outbox.js';
import type { ReturnNotice } from '../../../src/server/notify/return-notice.js';
import { bearer, packedEvent, returnEvent } from '../../helpers/events.js';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.js';

const RETURNED = DEMO_SCENARIOS.returnFirst;
const SECRET = `whsec_${Buffer.from('floorpack-webhook-test-secret-32b').toString('base64')}`;
const T0 = new Date('2026-11-30T10:00:00Z');

/** A demo app on in-memory PGlite whose clock the test moves, with a dispatcher it drives by hand. */
async function demoWith(cfg: NotifyConfig, clock: { now: Date }): Promise<DemoApp> {
  return buildDemoApp({ notify: { config: cfg, autoStart: false }, now: () => clock.now });
}

async function push(demo: DemoApp, token: string, events: SyncEvent[]): Promise<EventResult[]> {
  const res = await demo.app.inject({ method: 'POST', url: '/api/sync/push', payload: { events }, headers: bearer(token) });
  expect(res.statusCode, res.body).toBe(200);
  return pushResponseSchema.parse(res.json()).results;
}

/** Enrols a device, packs the returns parcel and logs its return; returns the receipt event. */
async function logReturn(demo: DemoApp): Promise<{ event: SyncEvent; token: string }> {
  const { token } = await demo.enrol();
  await push(demo, token, [packedEvent(RETURNED)]);
  const event = returnEvent(RETURNED);
  expect((await push(demo, token, [event]))[0].status).toBe('applied');
  return { event, token };
}

const rows = (demo: DemoApp) => demo.database.read((tx) => tx.select().from(t.notifications));

describe('dispatcher with SMTP', () => {
  let sink: SmtpSink;
  let demo: DemoApp;
  const clock = { now: T0 };

  beforeAll(async () => {
    sink = await startSmtpSink();
    demo = await demoWith(testNotifyConfig({ smtpUrl: sink.url }), clock);
  });
  afterAll(async () => {
    await demo?.close();
    await sink?.stop().catch(() => undefined);
  });
  beforeEach(async () => {
    clock.now = T0;
    sink.messages.length = 0;
    sink.envelopes.length = 0;
    await resetDemo(demo.database);
  });

  it('sends one Japanese mail per receipt, with the order number and the items, under duplicate and concurrent pushes', async () => {
    const { event, token } = await logReturn(demo);
    const other = (await demo.enrol('returns-02')).token;
    await Promise.all([push(demo, token, [event]), push(demo, other, [returnEvent(RETURNED)]), push(demo, token, [event])]);
    await demo.app.dispatcher!.runOnce();
    await demo.app.dispatcher!.runOnce();

    expect(sink.messages).toHaveLength(1);
    const mail = sink.messages[0];
    const notice = (await rows(demo))[0].payload as ReturnNotice;
    expect(mail.messageId).toBe(`<return-${event.id}@shop.example>`);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('"岡田 美和" <c100130@example.jp>');
    expect(sink.envelopes.map((e) => e.rcptTo)).toEqual([['c100130@example.jp']]);
    expect(mail.subject).toContain(notice.orderNumber);
    expect(mail.subject).toContain('返品');
    expect(mail.text).toContain('クレンジングバーム 90g');
    expect(mail.text).toContain('開封済');
    expect(mail.text).toContain('ハンドクリーム 柚子 40g'); // listed as not in the parcel
    expect(await rows(demo)).toEqual([expect.objectContaining({ status: 'sent', attempts: 1, lastError: null })]);
  });

  it('writes English for a customer whose locale is English', async () => {
    await demo.database.write((tx) => tx.update(t.customers).set({ locale: 'en-GB' }).where(eq(t.customers.id, 'C100130')));
    await logReturn(demo);
    await demo.app.dispatcher!.runOnce();
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0].subject).toMatch(/^We have received your return/);
    expect(sink.messages[0].text).toContain('opened');
  });

  it('retries with backoff while SMTP is down, sends once when it is back, and goes dead after the last attempt', async () => {
    const { event } = await logReturn(demo);
    await sink.stop();
    try {
      await demo.app.dispatcher!.runOnce();
      let [row] = await rows(demo);
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row.lastError).toBeTruthy();
      // First retry 30–60 s later (base 60 s, equal jitter); nothing is due before that.
      const wait = row.nextAttemptAt.getTime() - T0.getTime();
      expect(wait).toBeGreaterThanOrEqual(30_000);
      expect(wait).toBeLessThan(60_000);
      expect(await demo.app.dispatcher!.runOnce()).toBe(0);

      clock.now = new Date(row.nextAttemptAt.getTime() + 1);
      await demo.app.dispatcher!.runOnce();
      [row] = await rows(demo);
      expect(row).toMatchObject({ status: 'pending', attempts: 2 });
      expect(row.nextAttemptAt.getTime() - clock.now.getTime()).toBeGreaterThanOrEqual(60_000);

      clock.now = new Date(row.nextAttemptAt.getTime() + 1);
      await demo.app.dispatcher!.runOnce();
      [row] = await rows(demo);
      expect(row).toMatchObject({ status: 'dead', attempts: 3 });
    } finally {
      await sink.start();
    }

    // The admin sees it with its last error, and retries it: it goes out once, and never again.
    const list = await demo.app.inject({ method: 'GET', url: '/api/admin/notifications?status=dead', headers: bearer(demo.adminToken) });
    expect(list.json().notifications).toEqual([expect.objectContaining({ receiptId: event.id, status: 'dead', attempts: 3, lastError: expect.any(String) })]);
    const id = list.json().notifications[0].id;
    const retry = await demo.app.inject({ method: 'POST', url: `/api/admin/notifications/${id}/retry`, headers: bearer(demo.adminToken) });
    expect(retry.statusCode, retry.body).toBe(200);
    await demo.app.dispatcher!.runOnce();
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0].messageId).toBe(`<return-${event.id}@shop.example>`);
    const again = await demo.app.inject({ method: 'POST', url: `/api/admin/notifications/${id}/retry`, headers: bearer(demo.adminToken) });
    expect(again.statusCode).toBe(409);
    expect((await demo.app.inject({ method: 'GET', url: '/api/admin/notifications', headers: bearer('wrong-token-0123456789') })).statusCode).toBe(401);
  });

  it('re-claims a row whose dispatcher died between claim and send once its lease expires, with the same Message-ID', async () => {
    const { event } = await logReturn(demo);
    // A dispatcher claimed it and was killed before sending.
    expect(await claimDue(demo.database, 'killed-dispatcher', clock.now, 300_000, 10)).toHaveLength(1);
    expect(await demo.app.dispatcher!.runOnce()).toBe(0); // the lease still holds: nobody sends
    clock.now = new Date(T0.getTime() + 300_001);
    expect(await demo.app.dispatcher!.runOnce()).toBe(1);
    expect(sink.messages.map((m) => m.messageId)).toEqual([`<return-${event.id}@shop.example>`]);
    expect(await rows(demo)).toEqual([expect.objectContaining({ status: 'sent', attempts: 2, claimedBy: demo.app.dispatcher!.owner })]);
  });

  it('resends with the same Message-ID when the process died after SMTP accepted but before recording (the documented window)', async () => {
    const { event } = await logReturn(demo);
    const [claimed] = await claimDue(demo.database, 'killed-dispatcher', clock.now, 300_000, 10);
    // That dispatcher's send reached the SMTP server, then the process died before marking it.
    await channelsOf(testNotifyConfig({ smtpUrl: sink.url, mailFrom: 'Floorpack Shop <returns@shop.example>' }))[0].send(claimed.payload as ReturnNotice);
    clock.now = new Date(T0.getTime() + 300_001);
    await demo.app.dispatcher!.runOnce();
    expect(sink.messages.map((m) => m.messageId)).toEqual([`<return-${event.id}@shop.example>`, `<return-${event.id}@shop.example>`]);
  });
});

describe('dispatcher with a webhook', () => {
  let receiver: Server;
  let url: string;
  const received: { headers: Record<string, string>; body: string; verified: boolean }[] = [];
  let failNext = 0;
  let demo: DemoApp;
  let sink: SmtpSink;
  const clock = { now: T0 };

  beforeAll(async () => {
    const verifier = new Webhook(SECRET);
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
        let verified = false;
        try {
          verifier.verify(body, headers);
          verified = true;
        } catch {
          verified = false;
        }
        received.push({ headers, body, verified });
        res.statusCode = failNext-- > 0 ? 503 : verified ? 204 : 401;
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks/returns`;
    sink = await startSmtpSink();
    demo = await demoWith(testNotifyConfig({ smtpUrl: sink.url, webhookUrl: url, webhookSecret: SECRET }), clock);
  });
  afterAll(async () => {
    await demo?.close();
    await sink?.stop();
    await new Promise((r) => receiver.close(r));
  });

  it('signs every delivery per Standard Webhooks, keeps webhook-id across a retry, and never repeats the mail', async () => {
    const { event } = await logReturn(demo);
    failNext = 1;
    await demo.app.dispatcher!.runOnce(); // mail goes out, the webhook answers 503
    const [row] = await rows(demo);
    expect(row).toMatchObject({ status: 'pending', lastError: 'webhook answered 503' });
    expect(row.mailSentAt).not.toBeNull();
    clock.now = new Date(row.nextAttemptAt.getTime() + 1);
    await demo.app.dispatcher!.runOnce();

    expect(received).toHaveLength(2);
    expect(received.every((r) => r.verified)).toBe(true);
    expect(received.map((r) => r.headers['webhook-id'])).toEqual([`msg_return_${event.id}`, `msg_return_${event.id}`]);
    const body = JSON.parse(received[1].body);
    expect(body).toMatchObject({ type: 'return.received', data: { receiptId: event.id, shipmentId: RETURNED } });
    expect(received[1].body).not.toContain('@example.jp');
    expect(sink.messages).toHaveLength(1);
    expect(await rows(demo)).toEqual([expect.objectContaining({ status: 'sent' })]);
  });
});

describe('dispatcher with neither SMTP nor a webhook', () => {
  let dataDir: string;
  let demo: DemoApp;
  const clock = { now: T0 };
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'floorpack-mail-'));
    demo = await demoWith(testNotifyConfig({ mailDir: join(dataDir, 'outbox-mail') }), clock);
  });
  afterEach(async () => {
    await demo.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes one .eml per receipt under DATA_DIR/outbox-mail, however often it is sent', async () => {
    const { event } = await logReturn(demo);
    const [claimed] = await claimDue(demo.database, 'killed-dispatcher', clock.now, 300_000, 10);
    await channelsOf(testNotifyConfig({ mailDir: join(dataDir, 'outbox-mail') }))[0].send(claimed.payload as ReturnNotice);
    clock.now = new Date(T0.getTime() + 300_001);
    await demo.app.dispatcher!.runOnce();
    const files = readdirSync(join(dataDir, 'outbox-mail'));
    expect(files).toEqual([`return-${event.id}.eml`]);
    const eml = readFileSync(join(dataDir, 'outbox-mail', files[0]), 'utf8');
    expect(eml).toContain(`Message-ID: <return-${event.id}@shop.example>`);
    expect(eml).toMatch(/^Subject: /m);
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!pgUrl)('two dispatchers on one PostgreSQL database', () => {
  let sink: SmtpSink;
  let demo: DemoApp;
  let dbName: string;
  let admin: import('postgres').Sql;
  let url: string;

  beforeAll(async () => {
    const postgres = (await import('postgres')).default;
    admin = postgres(pgUrl!, { max: 1, onnotice: () => undefined });
    dbName = `fp_test_notify_${Math.random().toString(16).slice(2, 10)}`;
    await admin.unsafe(`create database ${dbName}`);
    const u = new URL(pgUrl!);
    u.pathname = `/${dbName}`;
    url = u.toString();
    sink = await startSmtpSink();
    const database = await openDatabase({ kind: 'postgres', url, maxConnections: 4 });
    demo = await buildDemoApp({ database });
  });
  afterAll(async () => {
    await demo?.close();
    await demo?.database.close();
    await sink?.stop();
    await admin?.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin?.end();
  });

  it('sends each notification once while both claim at the same time', async () => {
    const { token } = await demo.enrol();
    // Twelve receipts: the returns parcel and eleven more parcels, packed and returned.
    const ids = ['S0000030', 'S0000001', 'S0000002', 'S0000003', 'S0000008', 'S0000009', 'S0000010', 'S0000011', 'S0000012', 'S0000013', 'S0000015', 'S0000016'];
    for (const id of ids) expect((await push(demo, token, [packedEvent(id)]))[0].status).toBe('applied');
    for (const id of ids) expect((await push(demo, token, [returnEvent(id)]))[0].status).toBe('applied');

    const second = await openDatabase({ kind: 'postgres', url, maxConnections: 4 });
    try {
      const cfg = testNotifyConfig({ smtpUrl: sink.url });
      const a = new Dispatcher({ database: demo.database, config: cfg, owner: 'a' });
      const b = new Dispatcher({ database: second, config: cfg, owner: 'b' });
      const [na, nb] = await Promise.all([a.runOnce(), b.runOnce()]);
      expect(na + nb).toBe(ids.length);
    } finally {
      await second.close();
    }
    expect(sink.messages).toHaveLength(ids.length);
    expect(new Set(sink.messages.map((m) => m.messageId)).size).toBe(ids.length);
    const all = await demo.database.read((tx) => tx.select().from(t.notifications));
    expect(all.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('sends once, with the same Message-ID, after a dispatcher process is killed (SIGKILL) between claim and send', async () => {
    sink.messages.length = 0;
    await resetDemo(demo.database);
    const { event } = await logReturn(demo);
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/server/notify/claim-then-hang.ts', url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (d) => {
          out += d;
          if (out.includes('claimed')) resolve();
        });
        child.stderr!.on('data', (d) => (out += d));
        child.once('exit', (code) => reject(new Error(`child exited ${code}: ${out}`)));
      });
    } finally {
      child.kill('SIGKILL');
    }
    expect(out).toContain('claimed 1');
    const cfg = testNotifyConfig({ smtpUrl: sink.url, mailFrom: 'Floorpack Shop <returns@shop.example>' });
    // Before the lease runs out nobody may send; after it, this dispatcher re-claims and sends once.
    expect(await new Dispatcher({ database: demo.database, config: cfg, owner: 'survivor' }).runOnce()).toBe(0);
    const later = new Date(Date.now() + 300_001);
    expect(await new Dispatcher({ database: demo.database, config: cfg, owner: 'survivor', now: () => later }).runOnce()).toBe(1);
    expect(sink.messages.map((m) => m.messageId)).toEqual([`<return-${event.id}@shop.example>`]);
  });
});
