/** The audit of received events: what each device pushed and the answer it got, oldest first. */
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { AdminEventsResponse } from '../../../shared/protocol/admin.js';
import type { Database } from '../client.js';
import * as t from '../schema.js';

/** Received events (of one parcel, when given), in arrival order and each device's own order. */
export async function listReceivedEvents(database: Database, filter: { shipmentId?: string; limit: number }): Promise<AdminEventsResponse['events']> {
  const filters: SQL[] = [];
  if (filter.shipmentId) filters.push(eq(t.events.shipmentId, filter.shipmentId));
  const rows = await database.read((tx) =>
    tx.select().from(t.events).where(and(...filters)).orderBy(asc(t.events.receivedAt), asc(t.events.deviceId), asc(t.events.deviceSeq)).limit(filter.limit),
  );
  return rows.map((e) => ({
    id: e.id,
    type: e.type,
    deviceId: e.deviceId,
    deviceSeq: e.deviceSeq,
    staffId: e.staffId,
    shipmentId: e.shipmentId,
    status: e.status,
    receivedAt: e.receivedAt.toISOString(),
  }));
}
