/** return.received through the push API: one receipt per parcel, the customer's history, FIRST_RETURN on the next parcel, one notification row. */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SyncEvent } from '../../../../src/shared/protocol/events.js';
import { pullResponseSchema, pushResponseSchema, type EventResult, type PullResponse } from '../../../../src/shared/protocol/sync.js';
import * as t from '../../../../src/server/db/schema.js';
import type { DemoApp } from '../../../../src/server/demo/demo-app.js';
import { DEMO_SCENARIOS } from '../../../../src/server/demo/demo-data.js';
import { resetDemo } from '../../../../src/server/demo/seed-demo.js';
import { bearer, packedEvent, returnEvent } from '../../../helpers/events.js';
import { TEST_DATABASE_TARGETS } from '../../../helpers/test-databases.js';
import { useDemoApp } from '../../../helpers/in-process-server.js';

const RETURNED = DEMO_SCENARIOS.returnFirst;
const NEXT = DEMO_SCENARIOS.returnFirstNext;

describe.each(TEST_DATABASE_TARGETS)('return receipts on $name', (target) => {
  let demo: DemoApp;
  let token: string;

  useDemoApp(target, (d) => (demo = d));
  beforeEach(async () => {
    await resetDemo(demo.database);
    token = (await demo.enrol('returns-01')).token;
    expect((await push([packedEvent(RETURNED)]))[0].status).toBe('applied');
  });

  async function push(events: SyncEvent[], as = token): Promise<EventResult[]> {
    const res = await demo.app.inject({ method: 'POST', url: '/api/sync/push', payload: { events }, headers: bearer(as) });
    expect(res.statusCode, res.body).toBe(200);
    return pushResponseSchema.parse(res.json()).results;
  }
  async function pull(cursor = '0'): Promise<PullResponse> {
    const res = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', query: { cursor }, headers: bearer(token) });
    return pullResponseSchema.parse(res.json());
  }
  const notifications = () => demo.database.read((tx) => tx.select().from(t.notifications));
  const receipts = () => demo.database.read((tx) => tx.select().from(t.returnReceipts));
  const customer = async (id: string) => (await demo.database.read((tx) => tx.select().from(t.customers).where(eq(t.customers.id, id))))[0];

  it('gives devices the return reasons with the catalogue', async () => {
    expect((await pull()).catalogue?.returnReasons?.map((r) => r.label)).toEqual(['サイズ違い', 'イメージ違い', '不良品', '誤配送', 'その他']);
  });

  it('records the receipt, counts the return, and puts FIRST_RETURN on the customer\'s next parcel for devices to pull', async () => {
    const before = await pull();
    expect(before.parcels.find((p) => p.shipmentId === NEXT)).toMatchObject({ flags: [], customerReturnCount: 0 });
    const event = returnEvent(RETURNED);
    expect(await push([event])).toEqual([{ id: event.id, status: 'applied' }]);

    const [receipt] = await receipts();
    expect(receipt).toMatchObject({ id: event.id, shipmentId: RETURNED, customerId: 'C100130' });
    expect(receipt.items).toEqual([
      { productCode: 'SKU-1003', qty: 1, condition: 'opened', reasonCode: 'R03' },
      { productCode: 'SKU-1010', qty: 1, condition: 'missing', reasonCode: null },
    ]);
    expect((await customer('C100130')).returnCount).toBe(1);

    const after = await pull(before.cursor);
    expect(after.parcels.find((p) => p.shipmentId === NEXT)).toMatchObject({ flags: ['FIRST_RETURN'], customerReturnCount: 1 });
    expect(after.parcels.find((p) => p.shipmentId === RETURNED)).toMatchObject({ customerReturnCount: 1 });
    expect(after.parcels.every((p) => p.customerId === 'C100130')).toBe(true);

    const rows = await notifications();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ receiptId: event.id, status: 'pending', attempts: 0 });
    expect(rows[0].payload).toMatchObject({ orderNumber: receipt.orderNumber, email: 'c100130@example.jp', locale: null });
  });

  it('answers a resent receipt "duplicate" and keeps one receipt, one return and one notification', async () => {
    const event = returnEvent(RETURNED);
    await push([event]);
    expect(await push([event, event])).toEqual([
      { id: event.id, status: 'duplicate' },
      { id: event.id, status: 'duplicate' },
    ]);
    expect(await receipts()).toHaveLength(1);
    expect(await notifications()).toHaveLength(1);
    expect((await customer('C100130')).returnCount).toBe(1);
  });

  it('takes the first of two devices logging the same parcel at once, and tells the other who did', async () => {
    const other = (await demo.enrol('returns-02')).token;
    const [a, b] = [returnEvent(RETURNED), returnEvent(RETURNED)];
    const [ra, rb] = await Promise.all([push([a]), push([b], other)]);
    const results = [...ra, ...rb];
    expect(results.filter((r) => r.status === 'applied')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected).toMatchObject({ code: 'already_returned', detail: { staffName: '佐藤 美咲' } });
    expect(await receipts()).toHaveLength(1);
    expect(await notifications()).toHaveLength(1);
    expect((await customer('C100130')).returnCount).toBe(1);
  });

  it('resolves a receipt logged by order number, listing the lines that did not come back as missing', async () => {
    const parcel = (await pull()).parcels.find((p) => p.shipmentId === RETURNED)!;
    const event = returnEvent(RETURNED, { shipmentId: null, items: [{ productCode: 'SKU-1010', qty: 1, condition: 'damaged', reasonCode: 'R01' }] });
    expect((await push([event]))[0].status).toBe('applied');
    const [receipt] = await receipts();
    expect(receipt).toMatchObject({ shipmentId: RETURNED, orderNumber: parcel.orderNumber });
    expect(receipt.items).toEqual([
      { productCode: 'SKU-1010', qty: 1, condition: 'damaged', reasonCode: 'R01' },
      { productCode: 'SKU-1003', qty: 1, condition: 'missing', reasonCode: null },
    ]);
  });

  it.each([
    { name: 'an order number nobody knows', event: () => returnEvent(RETURNED, { shipmentId: null, orderNumber: '999999999999' }), code: 'order_unknown' },
    { name: 'a parcel that never left', event: () => returnEvent(DEMO_SCENARIOS.singleItem), code: 'not_shipped' },
    { name: 'an unknown parcel', event: () => returnEvent('S9999999'), code: 'parcel_unknown' },
    { name: 'a reason not in the catalogue', event: () => returnEvent(RETURNED, { items: [{ productCode: 'SKU-1003', qty: 1, condition: 'opened', reasonCode: 'R77' }] }), code: 'invalid' },
  ])('refuses $name with a clear reason and changes nothing', async ({ event, code }) => {
    const [result] = await push([event()]);
    expect(result).toMatchObject({ status: 'rejected', code });
    expect(result.status === 'rejected' && result.message.length).toBeGreaterThan(10);
    expect(await receipts()).toHaveLength(0);
    expect(await notifications()).toHaveLength(0);
    expect((await customer('C100130')).returnCount).toBe(0);
  });

  it('moves items the parcel never held to the unexpected list', async () => {
    const event = returnEvent(RETURNED, {
      items: [
        { productCode: 'SKU-1003', qty: 2, condition: 'unopened', reasonCode: 'R01' },
        { productCode: 'SKU-1010', qty: 1, condition: 'unopened', reasonCode: 'R01' },
      ],
    });
    await push([event]);
    const [receipt] = await receipts();
    expect(receipt.unexpectedItems).toEqual([{ code: 'SKU-1003', productCode: 'SKU-1003', qty: 1 }]);
    expect(receipt.items.map((i) => [i.productCode, i.qty])).toEqual([
      ['SKU-1003', 1],
      ['SKU-1010', 1],
    ]);
  });
});
