/** The notification outbox: a receipt's notice is queued once, in the caller's transaction. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/server/db/client.js';
import * as t from '../../../src/server/db/schema.js';
import { enqueueReturnNotice } from '../../../src/server/notify/outbox.js';
import type { ReturnNotice } from '../../../src/server/notify/return-notice.js';

const NOW = new Date('2026-11-30T10:00:00Z');

function notice(receiptId: string, customerName = '岡田 美和'): ReturnNotice {
  return {
    receiptId,
    shipmentId: 'S0000030',
    orderNumber: '202611204030',
    orderDate: '2026-11-23',
    customerId: 'C100130',
    customerName,
    email: 'c100130@example.jp',
    locale: null,
    receivedAt: NOW.toISOString(),
    items: [{ productCode: 'SKU-1003', name: 'クレンジングバーム 90g', qty: 1, condition: 'opened', reasonCode: 'R03' }],
    unexpectedItems: [],
  };
}

describe('enqueueReturnNotice', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    await database.migrate();
  });
  afterAll(() => database?.close());

  it('queues one pending row per receipt, due now; a second enqueue of the receipt changes nothing', async () => {
    const receiptId = randomUUID();
    await database.write((tx) => enqueueReturnNotice(tx, notice(receiptId), NOW));
    await database.write((tx) => enqueueReturnNotice(tx, notice(receiptId, 'someone else'), new Date(NOW.getTime() + 60_000)));
    const rows = await database.read((tx) => tx.select().from(t.notifications));
    expect(rows).toEqual([
      expect.objectContaining({ id: receiptId, receiptId, kind: 'return.received', status: 'pending', attempts: 0, nextAttemptAt: NOW, createdAt: NOW, payload: notice(receiptId) }),
    ]);
  });

  it('is rolled back with the transaction that queued it', async () => {
    const receiptId = randomUUID();
    await expect(
      database.write(async (tx) => {
        await enqueueReturnNotice(tx, notice(receiptId), NOW);
        throw new Error('the receipt failed');
      }),
    ).rejects.toThrow('the receipt failed');
    const rows = await database.read((tx) => tx.select().from(t.notifications));
    expect(rows.map((r) => r.receiptId)).not.toContain(receiptId);
  });
});
