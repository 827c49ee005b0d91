/** What the console shows of shipping: one parcel's boxes and labels, and one day's handovers by carrier. */
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { trackingUrlOf } from '../../shared/domain/carrier-tracking.js';
import type { HandoversResponse, ParcelShippingView } from '../../shared/protocol/admin-shipping.js';
import type { Database } from '../db/client.js';
import * as t from '../db/schema.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The shipping part of a parcel's page (never its recipient); null when there is no such parcel. */
export async function parcelShippingView(database: Database, shipmentId: string): Promise<ParcelShippingView | null> {
  return database.read(async (tx) => {
    const [parcel] = await tx
      .select({ carrierId: t.parcels.carrierId, service: t.parcels.carrierService, method: t.parcels.carrier, boxCount: t.parcels.boxCount, exportedAt: t.parcels.carrierExportedAt, shippedAt: t.parcels.shippedAt, loadingBlock: t.parcels.loadingBlock })
      .from(t.parcels)
      .where(eq(t.parcels.shipmentId, shipmentId));
    if (!parcel) return null;
    const boxes = await tx.select().from(t.parcelBoxes).where(eq(t.parcelBoxes.shipmentId, shipmentId)).orderBy(asc(t.parcelBoxes.box));
    return {
      shipmentId,
      ...parcel,
      exportedAt: iso(parcel.exportedAt),
      shippedAt: iso(parcel.shippedAt),
      boxes: boxes.map((b) => {
        const number = b.boundNumber ?? b.expectedNumber;
        return {
          box: b.box,
          expectedNumber: b.expectedNumber,
          boundNumber: b.boundNumber,
          boundAt: iso(b.boundAt),
          loadedAt: iso(b.loadedAt),
          handoverId: b.loadedHandoverId,
          trackingUrl: number && parcel.carrierId ? trackingUrlOf(parcel.carrierId, number) : null,
        };
      }),
    };
  });
}

const closer = alias(t.staff, 'closer');
const closerDevice = alias(t.devices, 'closer_device');

/** The handovers started on `date` (Japan time), by carrier then start, with their manifests. */
export async function handoversOfDay(database: Database, date: string): Promise<HandoversResponse> {
  const from = new Date(`${date}T00:00:00+09:00`);
  const to = new Date(from.getTime() + 86_400_000);
  const rows = await database.read((tx) =>
    tx
      .select({ h: t.handovers, staffName: closer.name, deviceName: closerDevice.name })
      .from(t.handovers)
      .leftJoin(closer, eq(closer.id, t.handovers.closedByStaffId))
      .leftJoin(closerDevice, eq(closerDevice.id, t.handovers.closedByDeviceId))
      .where(and(gte(t.handovers.startedAt, from), lt(t.handovers.startedAt, to)))
      .orderBy(asc(t.handovers.carrierId), asc(t.handovers.startedAt)),
  );
  return {
    date,
    handovers: rows.map(({ h, staffName, deviceName }) => ({
      id: h.id,
      warehouseId: h.warehouseId,
      carrierId: h.carrierId,
      status: h.status,
      startedAt: h.startedAt.toISOString(),
      closedAt: iso(h.closedAt),
      staffName,
      deviceName,
      boxesReported: h.boxesReported,
      parcels: h.manifest ?? [],
    })),
  };
}
