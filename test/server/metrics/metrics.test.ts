/**
 * GET /metrics: absent without METRICS_TOKEN, refused without the token, and with it the figures an
 * operator watches (sync requests and latency, events by answer and reason, the notification outbox,
 * dispatcher sends, devices by last sync, the database queue), with no customer data anywhere.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';
import { buildDemoApp, type DemoApp } from '../../../src/server/demo/demo-app.js';
import { DEMO_PARCELS, DEMO_SCENARIOS } from '../../../src/server/demo/demo-data.js';
import { bearer, packedEvent, returnEvent } from '../../helpers/events.js';
import { testNotifyConfig } from '../../helpers/notify-config.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
const RETURNED = DEMO_SCENARIOS.returnFirst;

/** The value of one sample line, e.g. sample(text, 'floorpack_sync_events_total{type="parcel.packed",answer="applied",reason=""}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics', () => {
  let demo: DemoApp;
  const mailDir = mkdtempSync(join(tmpdir(), 'fp-metrics-mail-'));
  beforeAll(async () => {
    demo = await buildDemoApp({ metricsToken: METRICS_TOKEN, notify: { config: testNotifyConfig({ mailDir }), autoStart: false } });
  });
  afterAll(async () => {
    await demo?.close();
    rmSync(mailDir, { recursive: true, force: true });
  });

  const scrape = (token?: string) => demo.app.inject({ method: 'GET', url: '/metrics', headers: token ? { authorization: `Bearer ${token}` } : {} });

  async function push(token: string, events: SyncEvent[]): Promise<void> {
    const res = await demo.app.inject({ method: 'POST', url: '/api/sync/push', payload: { events }, headers: bearer(token) });
    expect(res.statusCode, res.body).toBe(200);
  }

  it('does not exist on a server without METRICS_TOKEN', async () => {
    const plain = await buildDemoApp();
    try {
      expect((await plain.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('refuses a scrape without the token, or with the admin token', async () => {
    expect((await scrape()).statusCode).toBe(401);
    expect((await scrape(demo.adminToken)).statusCode).toBe(401);
  });

  it('counts a day of pushes by answer and reason, the outbox by kind and state, sends by channel, devices by last sync', async () => {
    const { token } = await demo.enrol();
    const packed = packedEvent(RETURNED);
    await push(token, [packed, packedEvent(DEMO_SCENARIOS.singleItem)]);
    await push(token, [packed]); // a resend: duplicate
    await push(token, [packedEvent('S9999999')]); // no such parcel: rejected
    await push(token, [returnEvent(RETURNED)]);
    await demo.app.inject({ method: 'GET', url: '/api/sync/pull', query: { cursor: '0' }, headers: bearer(token) });

    const before = await scrape(METRICS_TOKEN);
    expect(before.statusCode).toBe(200);
    expect(before.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = before.body;
    expect(sample(text, 'floorpack_sync_events_total{type="parcel.packed",answer="applied",reason=""}')).toBe(2);
    expect(sample(text, 'floorpack_sync_events_total{type="parcel.packed",answer="duplicate",reason=""}')).toBe(1);
    expect(sample(text, 'floorpack_sync_events_total{type="parcel.packed",answer="rejected",reason="parcel_unknown"}')).toBe(1);
    expect(sample(text, 'floorpack_sync_events_total{type="return.received",answer="applied",reason=""}')).toBe(1);
    expect(sample(text, 'floorpack_sync_requests_total{route="push",status="200"}')).toBe(4);
    expect(sample(text, 'floorpack_sync_request_duration_seconds_count{route="push"}')).toBe(4);
    expect(sample(text, 'floorpack_sync_requests_total{route="pull",status="200"}')).toBe(1);
    expect(sample(text, 'floorpack_notification_outbox{kind="return.received",state="pending"}')).toBe(1);
    expect(sample(text, 'floorpack_notification_outbox_oldest_age_seconds{kind="return.received",state="pending"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'floorpack_devices_by_last_sync{since="5m"}')).toBe(1);
    expect(sample(text, 'floorpack_db_connections{db="pglite"}')).toBe(1);

    await demo.app.dispatcher!.runOnce();
    const after = (await scrape(METRICS_TOKEN)).body;
    expect(sample(after, 'floorpack_notify_attempts_total{channel="mail",outcome="sent"}')).toBe(1);
    expect(sample(after, 'floorpack_notification_outbox{kind="return.received",state="pending"}')).toBeUndefined();

    // No customer, parcel, order or device in any label.
    const returned = DEMO_PARCELS.find((p) => p.shipmentId === RETURNED)!;
    for (const secret of [RETURNED, returned.orderNumber, returned.customerName, returned.customerId, '@example.jp', 'pack-01', packed.id]) expect(after).not.toContain(secret);
  });
});
