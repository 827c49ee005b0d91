/**
 * SIGTERM while a push is in flight, on a real server process on 127.0.0.1: the push in flight is
 * finished and answered, a push arriving after the signal is not applied, the process exits 0 with its
 * DATA_DIR lock released and no notification left claimed. Started again on the same data, the device's
 * resends are all duplicates and every return receipt reaches the customer exactly once.
 */
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../../src/server/db/data-dir-lock.js';
import * as t from '../../src/server/db/schema.js';
import type { SyncEvent } from '../../src/shared/protocol/events.js';
import { pushResponseSchema, type EventResult } from '../../src/shared/protocol/sync.js';
import { returnEvent } from '../helpers/events.js';
import { freePort } from '../helpers/ports.js';
import { ServerProcess } from '../helpers/server-process.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { packEvent, parcelId, RELIABILITY_PRODUCT } from './helpers/fixture.js';
import { enrolOver, pushOver } from './helpers/http.js';
import { RELIABILITY_TIMEOUT_MS } from './helpers/sizes.js';
import { prepareStore, STORE_KINDS, type PreparedStore } from './helpers/stores.js';
import { tallyServer } from './helpers/verify.js';

const PARCELS = 20;
/** Returns pushed before the signal; the rest travel in the push that is in flight when it comes. */
const RETURNS_BEFORE = 5;

/** A reliability parcel's return: its one unit came back opened. */
function returnOf(n: number): SyncEvent {
  return returnEvent(parcelId(n), { orderNumber: `RO${n}`, items: [{ productCode: RELIABILITY_PRODUCT, qty: 1, condition: 'opened', reasonCode: 'R03' }] });
}

/**
 * A push whose body is sent in two halves: the request reaches the server (headers and half the body),
 * then `between` runs, then the rest is sent. Resolves with the status and body.
 */
function pushInTwoHalves(url: string, token: string, events: SyncEvent[], between: () => Promise<void>): Promise<{ status: number; body: string }> {
  const data = Buffer.from(JSON.stringify({ events }));
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': data.length },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.write(data.subarray(0, data.length >> 1));
    between().then(() => req.end(data.subarray(data.length >> 1)), reject);
  });
}

describe.each(STORE_KINDS)('SIGTERM mid-push on %s', (kind) => {
  let prepared: PreparedStore | null = null;
  let server: ServerProcess | null = null;
  let sink: SmtpSink | null = null;
  afterAll(async () => {
    await server?.kill();
    await prepared?.dispose();
    await sink?.stop().catch(() => undefined);
  });

  it(
    'finishes the push in flight, takes no new one, releases its claims, and nothing is lost or sent twice',
    async () => {
      sink = await startSmtpSink();
      prepared = await prepareStore(kind, PARCELS);
      server = new ServerProcess(await freePort(), { ...prepared.store, env: { SMTP_URL: sink.url, MAIL_FROM: 'Shop <returns@shop.example>' } });
      await server.start();
      const { token } = await enrolOver(server.url, 'rel-sigterm');

      const packs = Array.from({ length: PARCELS }, (_, i) => packEvent(parcelId(i + 1), i + 1));
      const returns = Array.from({ length: PARCELS }, (_, i) => returnOf(i + 1));
      expect((await pushOver(server.url, token, packs)).every((r) => r.status === 'applied')).toBe(true);
      expect((await pushOver(server.url, token, returns.slice(0, RETURNS_BEFORE))).every((r) => r.status === 'applied')).toBe(true);

      let exited: Promise<number | null> = Promise.resolve(null);
      const inFlight = await pushInTwoHalves(server.url, token, returns.slice(RETURNS_BEFORE), async () => {
        // The request is on the server; the signal comes before its body is complete.
        await new Promise((r) => setTimeout(r, 200));
        exited = server!.signal('SIGTERM');
        await new Promise((r) => setTimeout(r, 200));
      });
      expect(inFlight.status, inFlight.body).toBe(200);
      const answered: EventResult[] = pushResponseSchema.parse(JSON.parse(inFlight.body)).results;
      expect(answered.map((r) => r.status)).toEqual(returns.slice(RETURNS_BEFORE).map(() => 'applied'));

      // Draining or gone: a push after the signal is never applied here.
      const late = packEvent(parcelId(1), PARCELS + 1);
      await expect(pushOver(server.url, token, [late], AbortSignal.timeout(5000))).rejects.toThrow();

      expect(await exited).toBe(0);
      expect(existsSync(join(prepared.store.dataDir, LOCK_FILE_NAME))).toBe(false);
      const stopped = await prepared.open();
      try {
        const claimed = await stopped.read((tx) => tx.select().from(t.notifications).where(eq(t.notifications.status, 'sending')));
        expect(claimed).toEqual([]);
        expect((await tallyServer(stopped)).events.has(late.id)).toBe(false);
      } finally {
        await stopped.close();
      }

      // The next server picks up where this one stopped: every resend is a duplicate, every receipt mailed once.
      await server.start();
      const resent = await pushOver(server.url, token, [...packs, ...returns]);
      expect(resent.filter((r) => r.status !== 'duplicate')).toEqual([]);
      await expect.poll(() => sink!.envelopes.length, { timeout: 20_000, interval: 100 }).toBeGreaterThanOrEqual(PARCELS);
      await server.stop();
      const recipients = sink.envelopes.flatMap((e) => e.rcptTo).sort();
      expect(recipients).toEqual(Array.from({ length: PARCELS }, (_, i) => `rc${i + 1}@example.jp`).sort());
    },
    // Two server starts and a seeded store: each start migrates and seeds PGlite, seconds apiece on a busy machine.
    2 * RELIABILITY_TIMEOUT_MS,
  );
});
