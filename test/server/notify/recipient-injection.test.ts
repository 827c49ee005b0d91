/**
 * The receipt mail goes to the customer and to no one else: an imported メールアドレス that is a list,
 * carries a line break or a display name is a row error, and an address stored before that check is
 * never sent to. Real SMTP on 127.0.0.1: the envelope (RCPT TO) is what decides who receives a mail.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';
import { adminNotificationsResponseSchema } from '../../../src/shared/protocol/notifications.js';
import { pushResponseSchema } from '../../../src/shared/protocol/sync.js';
import * as t from '../../../src/server/db/schema.js';
import { buildDemoApp, type DemoApp } from '../../../src/server/demo/demo-app.js';
import { DEMO_SCENARIOS } from '../../../src/server/demo/demo-data.js';
import { resetDemo } from '../../../src/server/demo/seed-demo.js';
import { runImport } from '../../../src/server/import/run-import.js';
import { testNotifyConfig } from '../../helpers/notify-config.js';
import { bearer, packedEvent, returnEvent } from '../../helpers/events.js';
import { importFixtureMasters } from '../../helpers/fixtures/import-files.js';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.js';
import { TEST_DATABASE_TARGETS } from '../../helpers/test-databases.js';

const RETURNED = DEMO_SCENARIOS.returnFirst;
const CUSTOMER = 'C100130';
const HEADER = '出荷ID,注文番号,受注日,顧客ID,顧客名,顧客ランク,購入回数,返品回数,メールアドレス,ギフトコード,のし名入れ,メッセージ,同梱物コード,配送方法,商品コード,JANコード,商品名,数量';
const line = (id: string, email: string) => `${id},2026120900${id.slice(-2)},2026-12-09,C9${id.slice(-5)},山田 花子,G,1,0,${email},,,,,宅配便,T-2001,,x,1`;

const INJECTIONS = [
  { what: 'a list', email: 'victim@example.com, attacker@evil.example' },
  { what: 'a line break and a Bcc', email: 'victim@example.com\r\nBcc: attacker@evil.example' },
  { what: 'a display name', email: 'Attacker <attacker@evil.example>' },
];

describe.each(TEST_DATABASE_TARGETS)('customer e-mail addresses on $name', (target) => {
  let sink: SmtpSink;
  let demo: DemoApp;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    const opened = await target.open();
    dispose = opened.dispose;
    demo = await buildDemoApp({ database: opened.database, notify: { config: testNotifyConfig({ smtpUrl: sink.url }), autoStart: false } });
  });
  afterAll(async () => {
    await demo?.close();
    await dispose?.();
    await sink?.stop().catch(() => undefined);
  });
  beforeEach(async () => {
    sink.messages.length = 0;
    sink.envelopes.length = 0;
    await resetDemo(demo.database);
  });

  async function push(token: string, events: SyncEvent[]) {
    const res = await demo.app.inject({ method: 'POST', url: '/api/sync/push', payload: { events }, headers: bearer(token) });
    expect(res.statusCode, res.body).toBe(200);
    return pushResponseSchema.parse(res.json()).results;
  }

  /** Gives the returns customer `email` as if an older import had stored it, logs the return, runs the dispatcher. */
  async function returnWithStoredAddress(email: string) {
    await demo.database.write(async (tx) => {
      await tx.update(t.customers).set({ email }).where(eq(t.customers.id, CUSTOMER));
      await tx.update(t.parcels).set({ customerEmail: email }).where(eq(t.parcels.customerId, CUSTOMER));
    });
    const { token } = await demo.enrol();
    await push(token, [packedEvent(RETURNED)]);
    expect((await push(token, [returnEvent(RETURNED)]))[0].status).toBe('applied');
    await demo.app.dispatcher!.runOnce();
  }

  it('refuses a list, a smuggled header and a display name at import, by row, and imports the rest of the file', async () => {
    await importFixtureMasters(demo.database);
    const file = [HEADER, ...INJECTIONS.map((x, i) => line(`S09000${i + 1}`, `"${x.email}"`)), line('S0900009', '"ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ "')].join('\r\n');
    for (const lang of ['ja', 'en'] as const) {
      const report = await runImport(demo.database, Buffer.from(file), { filename: 'shipments.csv', lang, dryRun: lang === 'en' });
      const addressErrors = report.errors.filter((e) => e.column === 'メールアドレス');
      expect(addressErrors.map((e) => e.row)).toEqual([2, 3, 4]);
      expect(addressErrors[1].message).toContain('victim@example.com\\r\\nBcc: attacker@evil.example');
      expect(addressErrors[0].message).toMatch(lang === 'ja' ? /アドレスを 1 件だけ/ : /exactly one address/);
      // Each bad row's shipment is reported as not imported, like any other row error.
      expect(report.errors.filter((e) => e.column !== 'メールアドレス').map((e) => e.row)).toEqual([2, 3, 4]);
      expect(report.imported).toMatchObject({ shipments: 1 });
    }
    const parcels = await demo.database.read((tx) => tx.select({ id: t.parcels.shipmentId, email: t.parcels.customerEmail }).from(t.parcels));
    expect(parcels.filter((p) => p.id.startsWith('S09'))).toEqual([{ id: 'S0900009', email: 'taro@example.jp' }]);
  });

  it('sends the receipt to the one customer address, as a mailbox with the customer name', async () => {
    await returnWithStoredAddress('c100130@example.jp');
    expect(sink.envelopes.map((e) => e.rcptTo)).toEqual([['c100130@example.jp']]);
    const to = sink.messages[0].to;
    expect(to && 'value' in to ? to.value.map((v) => v.address) : []).toEqual(['c100130@example.jp']);
    expect(to && 'value' in to ? to.value[0].name : '').not.toBe('');
  });

  it.each(INJECTIONS)('never sends to a stored address with $what: the notification dies with the reason the console shows', async ({ email }) => {
    await returnWithStoredAddress(email);
    expect(sink.envelopes).toEqual([]);
    const res = await demo.app.inject({ method: 'GET', url: '/api/admin/notifications', query: { status: 'dead' }, headers: bearer(demo.adminToken) });
    const [dead] = adminNotificationsResponseSchema.parse(res.json()).notifications;
    expect(dead).toMatchObject({ status: 'dead', attempts: 1 });
    expect(dead.lastError).toContain(CUSTOMER);
    expect(dead.lastError).toMatch(/not one plain address; nothing was sent/);
    expect(dead.lastError).not.toMatch(/[\r\n]/);
  });
});
