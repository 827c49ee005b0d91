/**
 * A server SIGKILLed after the close of a handover committed and before the shop's webhook went out:
 * started again on the same data, it sends the parcel.shipped webhook once, and resent events change
 * nothing. On PGlite (same DATA_DIR) and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import type { SyncEvent } from '../../src/shared/protocol/events.js';
import type { AdminNotification } from '../../src/shared/protocol/notifications.js';
import { DEMO_SCENARIOS, DEMO_STAFF } from '../../src/server/demo/demo-data.js';
import { freePort } from '../helpers/ports.js';
import { adminRequest, ServerProcess } from '../helpers/server-process.js';
import { packedEvent } from '../helpers/events.js';
import { trackingNumber } from '../helpers/tracking-numbers.js';
import { startWebhookSink, type WebhookSink } from '../helpers/webhook-sink.js';
import { enrolOver, pushOver } from './helpers/http.js';
import { RELIABILITY_TIMEOUT_MS } from './helpers/sizes.js';
import { prepareStore, STORE_KINDS, type PreparedStore } from './helpers/stores.js';

const SECRET = 'whsec_a2lsbGVkLWJldHdlZW4tY29tbWl0LWFuZC1ob29r';

describe.each(STORE_KINDS)('server killed between a handover’s commit and its webhook on %s', (kind) => {
  let prepared: PreparedStore | null = null;
  let server: ServerProcess | null = null;
  let sink: WebhookSink | null = null;
  afterAll(async () => {
    await server?.kill();
    await sink?.close();
    await prepared?.dispose();
  });

  it(
    'delivers the parcel.shipped webhook exactly once after restart',
    async () => {
      prepared = await prepareStore(kind, 1);
      const sinkPort = await freePort();
      server = new ServerProcess(await freePort(), {
        ...prepared.store,
        // The first retry comes 5–10 s after the first failed attempt: the kill lands well inside that gap.
        env: { WEBHOOK_URL: `http://127.0.0.1:${sinkPort}/hooks`, WEBHOOK_SECRET: SECRET, NOTIFY_RETRY_BASE_SEC: '10' },
      });
      await server.start();
      const { token } = await enrolOver(server.url, 'rel-ship');
      const id = DEMO_SCENARIOS.secondPurchase;
      const number = trackingNumber(4242);
      const at = '2026-12-03T08:00:00Z';
      const staffId = DEMO_STAFF[0].id;
      const pack = { ...packedEvent(id), payload: { ...packedEvent(id).payload, boxCount: 1, labels: [{ box: 1, trackingNumber: number }] } } as SyncEvent;
      const events: SyncEvent[] = [
        pack,
        { id: randomUUID(), deviceSeq: 900_001, staffId, at, type: 'load.scanned', payload: { handoverId: 'kill-h1', carrierId: 'yamato', trackingNumber: number, shipmentId: id } },
        { id: randomUUID(), deviceSeq: 900_002, staffId, at, type: 'handover.closed', payload: { handoverId: 'kill-h1', carrierId: 'yamato', startedAt: at, boxesLoaded: 1 } },
      ];
      const results = await pushOver(server.url, token, events);
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
      // The receiver is down: the first attempt fails and the committed message waits for its retry; the
      // server dies before it. (A bare 'pending' is also the state before the first attempt, when the
      // dispatcher may be about to claim it: killed mid-claim, the row would wait out its lease.)
      const shipped = async () => (await adminRequest<{ notifications: AdminNotification[] }>(server!.url, 'GET', '/api/admin/notifications')).notifications.find((n) => n.kind === 'parcel.shipped');
      await expect
        .poll(async () => {
          const row = await shipped();
          return row && row.status === 'pending' && row.attempts >= 1 ? 'failed once, retry waiting' : row?.status;
        }, { timeout: 20_000, interval: 100 })
        .toBe('failed once, retry waiting');
      await server.kill();

      sink = await startWebhookSink(sinkPort);
      await server.start();
      await expect.poll(async () => (await shipped())?.status, { timeout: 30_000, interval: 100 }).toBe('sent');
      // The device, unsure what reached the server, sends everything again: all duplicates, nothing new queued.
      expect((await pushOver(server.url, token, events)).map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
      const rows = (await adminRequest<{ notifications: AdminNotification[] }>(server.url, 'GET', '/api/admin/notifications')).notifications.filter((n) => n.kind === 'parcel.shipped');
      expect(rows).toHaveLength(1);
      const hooks = sink.received.filter((r) => r.body.includes('parcel.shipped'));
      expect(hooks).toHaveLength(1);
      const body = new Webhook(SECRET).verify(hooks[0].body, hooks[0].headers as Record<string, string>) as { data: { shipmentId: string; tracking: { number: string } } };
      expect(body.data).toMatchObject({ shipmentId: id, tracking: { number } });
    },
    RELIABILITY_TIMEOUT_MS,
  );
});
