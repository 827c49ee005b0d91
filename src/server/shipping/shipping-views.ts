/** What the console shows of shipping: one parcel's boxes and labels, and one day's handovers by carrier (in the warehouse's zone). */
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { trackingUrlOf } from '../../shared/domain/carrier-tracking.js';
import { warehouseDay } from '../../shared/domain/warehouse-time.js';
import type { HandoversResponse, ParcelShippingView } from '../../shared/protocol/admin-shipping.js';
import type { Database, Tx } from '../db/client.js';
import * as t from '../db/schema.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const boundDevice = alias(t.devices, 'bound_device');
const loadedDevice = alias(t.devices, 'loaded_device');
const loader = alias(t.staff, 'loader');

/** The shipping part of a parcel's page (never its recipient); null when there is no such parcel. */
export async function parcelShippingView(database: Database, shipmentId: string): Promise<ParcelShippingView | null> {
  return database.read((tx) => readParcelShipping(tx, shipmentId));
}

/** The same, inside a read the caller already holds (the parcel page reads all its parts in one). */
export async function readParcelShipping(tx: Tx, shipmentId: string): Promise<ParcelShippingView | null> {
  const [parcel] = await tx
    .select({ carrierId: t.parcels.carrierId, service: t.parcels.carrierService, method: t.parcels.carrier, boxCount: t.parcels.boxCount, exportedAt: t.parcels.carrierExportedAt, shippedAt: t.parcels.shippedAt, loadingBlock: t.parcels.loadingBlock })
    .from(t.parcels)
    .where(eq(t.parcels.shipmentId, shipmentId));
  if (!parcel) return null;
  const boxes = await tx
    .select({ b: t.parcelBoxes, boundOnDevice: boundDevice.name, loadedOnDevice: loadedDevice.name, loadedBy: loader.name })
    .from(t.parcelBoxes)
    .leftJoin(boundDevice, eq(boundDevice.id, t.parcelBoxes.boundByDeviceId))
    .leftJoin(loadedDevice, eq(loadedDevice.id, t.parcelBoxes.loadedByDeviceId))
    .leftJoin(loader, eq(loader.id, t.parcelBoxes.loadedByStaffId))
    .where(eq(t.parcelBoxes.shipmentId, shipmentId))
    .orderBy(asc(t.parcelBoxes.box));
  const [notice] = await tx
    .select({ status: t.notifications.status, attempts: t.notifications.attempts, sentAt: t.notifications.sentAt })
    .from(t.notifications)
    .where(and(eq(t.notifications.kind, 'parcel.shipped'), eq(t.notifications.shipmentId, shipmentId)));
  return {
    shipmentId,
    ...parcel,
    exportedAt: iso(parcel.exportedAt),
    shippedAt: iso(parcel.shippedAt),
    boxes: boxes.map(({ b, boundOnDevice, loadedOnDevice, loadedBy }) => {
      const number = b.boundNumber ?? b.expectedNumber;
      return {
        box: b.box,
        expectedNumber: b.expectedNumber,
        boundNumber: b.boundNumber,
        boundAt: iso(b.boundAt),
        boundOnDevice: boundOnDevice ?? b.boundByDeviceId,
        loadedAt: iso(b.loadedAt),
        loadedOnDevice: loadedOnDevice ?? b.loadedByDeviceId,
        loadedBy: loadedBy ?? b.loadedByStaffId,
        handoverId: b.loadedHandoverId,
        trackingUrl: number && parcel.carrierId ? trackingUrlOf(parcel.carrierId, number) : null,
      };
    }),
    notification: notice ? { status: notice.status, attempts: notice.attempts, sentAt: iso(notice.sentAt) } : null,
  };
}

const closer = alias(t.staff, 'closer');
const closerDevice = alias(t.devices, 'closer_device');

/** Wider than any zone's day (UTC−12 … UTC+14): the rows are then kept by their warehouse's own calendar day. */
const ANY_ZONE_MARGIN_MS = 15 * 3_600_000;

/** The handovers started on `date` in their warehouse's time zone, by carrier then start, with their manifests. */
export async function handoversOfDay(database: Database, date: string): Promise<HandoversResponse> {
  const from = new Date(Date.parse(`${date}T00:00:00Z`) - ANY_ZONE_MARGIN_MS);
  const to = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000 + ANY_ZONE_MARGIN_MS);
  const candidates = await database.read((tx) =>
    tx
      .select({ h: t.handovers, staffName: closer.name, deviceName: closerDevice.name, timeZone: t.warehouses.timeZone })
      .from(t.handovers)
      .innerJoin(t.warehouses, eq(t.warehouses.id, t.handovers.warehouseId))
      .leftJoin(closer, eq(closer.id, t.handovers.closedByStaffId))
      .leftJoin(closerDevice, eq(closerDevice.id, t.handovers.closedByDeviceId))
      .where(and(gte(t.handovers.startedAt, from), lt(t.handovers.startedAt, to)))
      .orderBy(asc(t.handovers.carrierId), asc(t.handovers.startedAt)),
  );
  const rows = candidates.filter(({ h, timeZone }) => warehouseDay(h.startedAt, timeZone) === date);
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
