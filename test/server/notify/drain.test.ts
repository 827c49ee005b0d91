/** A dispatcher shutting down hands back what it claimed but did not send: due at once, attempt not counted, unclaimed. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/server/db/client.js';
import * as t from '../../../src/server/db/schema.js';
import { Dispatcher } from '../../../src/server/notify/dispatcher.js';
import { claimDue, enqueueReturnNotice } from '../../../src/server/notify/outbox.js';
import type { ReturnNotice } from '../../../src/server/notify/return-notice.js';
import { testNotifyConfig } from '../../helpers/notify-config.js';

function notice(): ReturnNotice {
  return {
    receiptId: randomUUID(),
    shipmentId: 'S0000001',
    orderNumber: '100000000001',
    orderDate: '2026-11-20',
    customerId: 'C1',
    customerName: 'テスト',
    email: 'c1@example.jp',
    locale: null,
    receivedAt: '2026-12-03T09:00:00Z',
    items: [],
    unexpectedItems: [],
  };
}

describe('dispatcher drain', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    await database.migrate();
  });
  afterAll(() => database?.close());

  it('releases its unsent claims so another dispatcher takes them at once, and leaves others\' claims alone', async () => {
    const now = new Date('2026-12-03T10:00:00Z');
    await database.write(async (tx) => {
      for (let i = 0; i < 3; i++) await enqueueReturnNotice(tx, notice(), now);
    });
    const leaving = new Dispatcher({ database, config: testNotifyConfig(), now: () => now, channels: [] });
    // Two rows claimed by the leaving dispatcher (its pass stopped before sending them), one by another server.
    await claimDue(database, leaving.owner, now, 300_000, 2);
    await claimDue(database, 'dispatcher-elsewhere', now, 300_000, 1);

    expect(await leaving.drain()).toBe(2);
    const rows = await database.read((tx) => tx.select().from(t.notifications));
    const released = rows.filter((r) => r.status === 'pending');
    expect(released).toHaveLength(2);
    for (const row of released) expect(row).toMatchObject({ claimedBy: null, leaseUntil: null, attempts: 0, nextAttemptAt: now });
    expect(rows.filter((r) => r.status === 'sending').map((r) => r.claimedBy)).toEqual(['dispatcher-elsewhere']);

    // Due now: the next dispatcher claims them without waiting for the lease.
    expect(await claimDue(database, 'dispatcher-next', now, 300_000, 10)).toHaveLength(2);
  });
});
