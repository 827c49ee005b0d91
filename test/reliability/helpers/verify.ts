/** The end-of-run check every reliability suite shares: what the server holds, counted from its tables. */
import { like, sql } from 'drizzle-orm';
import type { Database } from '../../../src/server/db/client.js';
import * as t from '../../../src/server/db/schema.js';

/** What the database holds about the reliability parcels. */
export interface ServerTally {
  /** Event rows by id → status. */
  events: Map<string, 'applied' | 'rejected'>;
  /** Applied parcel.packed events per shipment. */
  appliedPerParcel: Map<string, number>;
  /** Reliability parcels whose status is packed. */
  packedParcels: Set<string>;
  /** Event rows whose id appears more than once (impossible with the primary key; counted anyway). */
  duplicateRows: number;
}

/** Reads the tally in one snapshot. */
export async function tallyServer(database: Database): Promise<ServerTally> {
  return database.read(async (tx) => {
    const rows = await tx.select({ id: t.events.id, status: t.events.status, shipmentId: t.events.shipmentId }).from(t.events);
    const packed = await tx.select({ id: t.parcels.shipmentId }).from(t.parcels).where(sql`${t.parcels.status} = 'packed' and ${like(t.parcels.shipmentId, 'R%')}`);
    const events = new Map<string, 'applied' | 'rejected'>();
    const appliedPerParcel = new Map<string, number>();
    let duplicateRows = 0;
    for (const row of rows) {
      if (events.has(row.id)) duplicateRows += 1;
      events.set(row.id, row.status);
      if (row.status === 'applied' && row.shipmentId) appliedPerParcel.set(row.shipmentId, (appliedPerParcel.get(row.shipmentId) ?? 0) + 1);
    }
    return { events, appliedPerParcel, packedParcels: new Set(packed.map((p) => p.id)), duplicateRows };
  });
}
