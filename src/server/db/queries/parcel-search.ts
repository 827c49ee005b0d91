/** The console's parcel list: parcels by status or hold reason, searched by id, order, customer, product or tracking number. */
import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { normaliseLabel } from '../../../shared/scan/carrier-label.js';
import type { ParcelStatus } from '../../../shared/domain/parcel.js';
import type { AdminParcelsResponse } from '../../../shared/protocol/admin-console.js';
import type { Database } from '../client.js';
import * as t from '../schema.js';

/** What the supervisor asked for. */
export interface ParcelSearch {
  status?: ParcelStatus;
  holdReason?: string;
  /** Free text, matched anywhere in the shipment id, order number, customer id or name, the lines, or a box's tracking number. */
  q?: string;
  limit: number;
}

/** A page of parcels in shipment-id order, and the count per status over the whole store. */
export async function searchParcels(database: Database, search: ParcelSearch): Promise<AdminParcelsResponse> {
  const filters: SQL[] = [];
  if (search.status) filters.push(eq(t.parcels.status, search.status));
  if (search.holdReason) filters.push(eq(t.parcels.holdReason, search.holdReason));
  if (search.q) filters.push(matchesText(search.q));
  return database.read(async (tx) => {
    const rows = await tx
      .select({ p: t.parcels, packer: t.staff.name })
      .from(t.parcels)
      .leftJoin(t.staff, eq(t.staff.id, t.parcels.packedByStaffId))
      .where(and(...filters))
      .orderBy(asc(t.parcels.shipmentId))
      .limit(search.limit);
    const counts = await tx.select({ status: t.parcels.status, n: sql<number>`count(*)::int` }).from(t.parcels).groupBy(t.parcels.status);
    return {
      parcels: rows.map(({ p, packer }) => ({
        shipmentId: p.shipmentId,
        warehouseId: p.warehouseId,
        orderNumber: p.orderNumber,
        orderDate: p.orderDate,
        customerId: p.customerId,
        customerName: p.customerName,
        rankCode: p.rankCode,
        flags: p.flags,
        flagRuleVersion: p.flagRuleVersion,
        giftCode: p.giftCode,
        carrier: p.carrier,
        status: p.status,
        holdReason: p.holdReason,
        units: p.lines.reduce((sum, l) => sum + l.qty, 0),
        lines: p.lines.length,
        packedAt: p.packedAt?.toISOString() ?? null,
        packedBy: packer ?? p.packedByStaffId,
      })),
      counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
    };
  });
}

/**
 * The text anywhere in the searchable columns, or a box's tracking number (a label read off a box in
 * hand, with or without its hyphens); LIKE's own wildcards in it match themselves.
 */
function matchesText(q: string): SQL {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // Tracking numbers are stored as bare digits; a label printed 1234-5678-9012 is typed (or scanned) as it reads.
  const digits = normaliseLabel(q);
  const onLabel = /^\d{6,}$/.test(digits)
    ? [sql`exists (select 1 from ${t.parcelBoxes} where ${t.parcelBoxes.shipmentId} = ${t.parcels.shipmentId} and (${t.parcelBoxes.expectedNumber} like ${`%${digits}%`} or ${t.parcelBoxes.boundNumber} like ${`%${digits}%`}))`]
    : [];
  return or(
    ilike(t.parcels.shipmentId, like),
    ilike(t.parcels.orderNumber, like),
    ilike(t.parcels.customerId, like),
    ilike(t.parcels.customerName, like),
    sql`${t.parcels.lines}::text ilike ${like}`,
    ...onLabel,
  )!;
}
