/**
 * Recipients per kind: a shipped parcel is mailed to the shop's own list (SHIPPED_MAIL_TO) over real
 * SMTP on 127.0.0.1, once, each address as its own mailbox; with no recipient configured for it, the
 * notification goes dead with the reason instead of pretending to be sent.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';
import * as t from '../../../src/server/db/schema.js';
import { buildDemoApp, type DemoApp } from '../../../src/server/demo/demo-app.js';
import { DEMO_SCENARIOS as S, DEMO_STAFF } from '../../../src/server/demo/demo-data.js';
import { Dispatcher } from '../../../src/server/notify/dispatcher.js';
import { bearer, packedEvent } from '../../helpers/events.js';
import { testNotifyConfig } from '../../helpers/notify-config.js';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.js';
import { trackingNumber } from '../../helpers/tracking-numbers.js';

/** Pack with a label, load it, close: the parcel ships. */
function shipEvents(shipmentId: string, number: string, handoverId: string): SyncEvent[] {
  const at = '2026-12-03T08:00:00Z';
  const staffId = DEMO_STAFF[0].id;
  const pack = packedEvent(shipmentId);
  return [
    { ...pack, payload: { ...pack.payload, boxCount: 1, labels: [{ box: 1, trackingNumber: number }] } } as SyncEvent,
    { id: randomUUID(), deviceSeq: pack.deviceSeq + 100_000, staffId, at, type: 'load.scanned', payload: { handoverId, carrierId: 'yamato', trackingNumber: number, shipmentId } },
    { id: randomUUID(), deviceSeq: pack.deviceSeq + 100_001, staffId, at, type: 'handover.closed', payload: { handoverId, carrierId: 'yamato', startedAt: at, boxesLoaded: 1 } },
  ];
}

describe('who hears of a shipped parcel', () => {
  let demo: DemoApp;
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    demo = await buildDemoApp();
  });
  afterAll(async () => {
    await demo?.close();
    await smtp?.stop();
  });

  async function ship(id: string, number: string, handoverId: string): Promise<string> {
    const { token } = await demo.enrol();
    const res = await demo.app.inject({ method: 'POST', url: '/api/sync/push', payload: { events: shipEvents(id, number, handoverId) }, headers: bearer(token) });
    expect(res.json().results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const [row] = await demo.database.read((tx) => tx.select().from(t.notifications).where(eq(t.notifications.shipmentId, id)));
    return row.id;
  }

  it('mails the shop’s list once, with the tracking number, however often the dispatcher runs', async () => {
    const number = trackingNumber(31);
    const id = await ship(S.secondPurchase, number, 'mail-h1');
    const dispatcher = new Dispatcher({ database: demo.database, config: testNotifyConfig({ smtpUrl: smtp.url, shippedMailTo: ['ops@shop.example', 'cs@shop.example'] }) });
    await dispatcher.runOnce();
    await dispatcher.runOnce();
    const mails = smtp.messages.filter((m) => m.subject?.includes('出荷のお知らせ'));
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(number);
    const to = Array.isArray(mails[0].to) ? mails[0].to : [mails[0].to];
    expect(to.flatMap((a) => a!.value.map((v) => v.address))).toEqual(['ops@shop.example', 'cs@shop.example']);
    const [row] = await demo.database.read((tx) => tx.select().from(t.notifications).where(eq(t.notifications.id, id)));
    expect(row.status).toBe('sent');
  });

  it('goes dead with the reason when no recipient for shipped parcels is configured', async () => {
    const id = await ship(S.innerNoshi, trackingNumber(32), 'mail-h2');
    await new Dispatcher({ database: demo.database, config: testNotifyConfig({ smtpUrl: smtp.url }) }).runOnce();
    const [row] = await demo.database.read((tx) => tx.select().from(t.notifications).where(eq(t.notifications.id, id)));
    expect(row).toMatchObject({ status: 'dead', lastError: expect.stringContaining('SHIPPED_MAIL_TO') });
  });
});
