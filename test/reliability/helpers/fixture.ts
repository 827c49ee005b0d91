/**
 * The data the reliability runs work on: the demo warehouse plus many packable parcels (R000001…),
 * each with one unit of one product, and event builders for them as a device would record them.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../src/server/db/client.js';
import { upsertParcel } from '../../../src/server/db/write-master-data.js';
import { DEMO_STAFF, DEMO_WAREHOUSE } from '../../../src/server/demo/demo-data.js';
import { seedDemo } from '../../../src/server/demo/seed-demo.js';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';

/** The product every reliability parcel holds one of. */
export const RELIABILITY_PRODUCT = 'SKU-1001';

/** The id of reliability parcel number n (1-based). */
export function parcelId(n: number): string {
  return `R${String(n).padStart(6, '0')}`;
}

/** Migrates, seeds the demo and adds `count` released parcels R000001… (idempotent). */
export async function seedReliability(database: Database, count: number): Promise<void> {
  await database.migrate();
  await seedDemo(database);
  await database.write(async (tx) => {
    for (let n = 1; n <= count; n++) {
      await upsertParcel(tx, DEMO_WAREHOUSE.id, {
        shipmentId: parcelId(n),
        orderNumber: `RO${n}`,
        orderDate: '2026-11-23',
        customerId: `RC${n}`,
        customerName: `テスト ${n}`,
        customerEmail: `rc${n}@example.jp`,
        rankCode: 'N',
        purchaseCount: 3,
        returnCount: 0,
        parcelsSinceFirstReturn: 0,
        giftCode: null,
        noshiName: null,
        message: null,
        insertCodes: [],
        carrier: '宅配便',
        status: 'released',
        holdReason: null,
        lines: [{ productCode: RELIABILITY_PRODUCT, qty: 1 }],
      });
    }
  });
}

/** A parcel.packed event for a reliability parcel, as device sequence number `deviceSeq` recorded it. */
export function packEvent(shipmentId: string, deviceSeq: number, staffId = DEMO_STAFF[0].id): SyncEvent {
  return {
    id: randomUUID(),
    deviceSeq,
    staffId,
    at: '2026-11-24T10:00:00.000Z',
    type: 'parcel.packed',
    payload: {
      shipmentId,
      startedAt: '2026-11-24T09:59:00.000Z',
      items: [{ productCode: RELIABILITY_PRODUCT, qty: 1 }],
      insertCodes: [],
      giftCode: null,
      flags: [],
    },
  };
}
