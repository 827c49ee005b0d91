/**
 * The data the reliability runs work on: the demo warehouse plus many packable parcels (R000001…),
 * each with one unit of one product, and the event a device records when it packs one.
 */
import type { Database } from '../../../src/server/db/client.js';
import { upsertParcel } from '../../../src/server/db/write-master-data.js';
import { DEMO_STAFF, DEMO_WAREHOUSE } from '../../../src/server/demo/demo-data.js';
import { seedDemo } from '../../../src/server/demo/seed-demo.js';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';
import { packedEvent } from '../../helpers/events.js';
import { makeShipmentInput } from '../../helpers/fixtures/parcels.js';

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
      await upsertParcel(
        tx,
        DEMO_WAREHOUSE.id,
        makeShipmentInput({
          shipmentId: parcelId(n),
          orderNumber: `RO${n}`,
          customerId: `RC${n}`,
          customerName: `テスト ${n}`,
          customerEmail: `rc${n}@example.jp`,
          lines: [{ productCode: RELIABILITY_PRODUCT, qty: 1 }],
        }),
      );
    }
  });
}

/** A parcel.packed event for a reliability parcel, as device sequence number `deviceSeq` recorded it. */
export function packEvent(shipmentId: string, deviceSeq: number, staffId = DEMO_STAFF[0].id): SyncEvent {
  return packedEvent(shipmentId, { deviceSeq, staffId, items: [{ productCode: RELIABILITY_PRODUCT, qty: 1 }] });
}
