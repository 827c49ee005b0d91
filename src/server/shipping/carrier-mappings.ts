/**
 * The warehouse's carrier mapping and settings as data: read for each parcel written, edited from the
 * console (or the admin API); a change re-maps the parcels that have not shipped and stamps them.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { CarrierId, LabelScanMode } from '../../shared/domain/carrier.js';
import { DEFAULT_CARRIER_MAPPINGS, normaliseMethod, resolveCarrier, type CarrierMapping } from '../../shared/domain/carrier-mapping.js';
import { nextChangeSeq } from '../db/change-seq.js';
import type { Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import { DEFAULT_LABEL_SCAN } from './parcel-boxes.js';

/** The carrier and service a parcel of `warehouseId` with 配送方法 `method` goes with. */
export async function carrierOfMethod(tx: Tx, warehouseId: string, method: string): Promise<{ carrierId: CarrierId | null; service: string | null }> {
  const key = normaliseMethod(method);
  const own = await tx.select().from(t.carrierMappings).where(eq(t.carrierMappings.method, key));
  const [warehouse] = await tx.select({ defaultCarrierId: t.warehouses.defaultCarrierId }).from(t.warehouses).where(eq(t.warehouses.id, warehouseId));
  return resolveCarrier(method, own, (warehouse?.defaultCarrierId as CarrierId | null | undefined) ?? null);
}

/** The mapping as the console shows it: the warehouse's rows, then the defaults it does not override. */
export async function listCarrierMappings(tx: Tx): Promise<(CarrierMapping & { builtIn: boolean })[]> {
  const own = await tx.select().from(t.carrierMappings).orderBy(asc(t.carrierMappings.method));
  const ownKeys = new Set(own.map((m) => m.method));
  return [
    ...own.map((m) => ({ ...m, builtIn: false })),
    ...DEFAULT_CARRIER_MAPPINGS.filter((m) => !ownKeys.has(normaliseMethod(m.method))).map((m) => ({ ...m, builtIn: true })),
  ];
}

/** Sets one mapping row and re-maps every parcel not shipped yet. */
export async function saveCarrierMapping(tx: Tx, mapping: CarrierMapping): Promise<void> {
  const row = { method: normaliseMethod(mapping.method), carrierId: mapping.carrierId, service: mapping.service };
  await tx.insert(t.carrierMappings).values(row).onConflictDoUpdate({ target: t.carrierMappings.method, set: row });
  await remapOpenParcels(tx);
}

/** Sets a warehouse's default carrier (for generic names) and re-maps its parcels not shipped yet. */
export async function saveDefaultCarrier(tx: Tx, warehouseId: string, carrierId: CarrierId | null): Promise<void> {
  await tx.update(t.warehouses).set({ defaultCarrierId: carrierId }).where(eq(t.warehouses.id, warehouseId));
  await remapOpenParcels(tx);
}

/** Sets a carrier's label-scan mode and stamps its open parcels (devices read it from each parcel). */
export async function saveLabelScan(tx: Tx, carrierId: CarrierId, labelScan: LabelScanMode): Promise<void> {
  await tx.insert(t.carrierSettings).values({ carrierId, labelScan }).onConflictDoUpdate({ target: t.carrierSettings.carrierId, set: { labelScan } });
  await stampOpenParcels(tx, (p) => p.carrierId === carrierId);
}

/** Every carrier's label-scan mode. */
export async function listLabelScan(tx: Tx): Promise<Record<CarrierId, LabelScanMode>> {
  const rows = await tx.select().from(t.carrierSettings);
  const modes = { yamato: DEFAULT_LABEL_SCAN, sagawa: DEFAULT_LABEL_SCAN, japanpost: DEFAULT_LABEL_SCAN, other: DEFAULT_LABEL_SCAN };
  for (const r of rows) modes[r.carrierId] = r.labelScan;
  return modes;
}

type OpenParcel = { shipmentId: string; warehouseId: string; carrier: string; carrierId: CarrierId | null; carrierService: string | null };

/** Re-resolves the carrier of every parcel not shipped; the ones whose carrier changed are stamped. */
async function remapOpenParcels(tx: Tx): Promise<void> {
  await stampOpenParcels(tx, () => true, async (p) => {
    const next = await carrierOfMethod(tx, p.warehouseId, p.carrier);
    return next.carrierId === p.carrierId && next.service === p.carrierService ? null : { carrierId: next.carrierId, carrierService: next.service };
  });
}

/** Locks (parcel order, then the counter) and stamps the open parcels `which` picks, with `change` when it gives one. */
async function stampOpenParcels(
  tx: Tx,
  which: (p: OpenParcel) => boolean,
  change: (p: OpenParcel) => Promise<Partial<OpenParcel> | null> = async () => ({}),
): Promise<void> {
  const open = await tx
    .select({ shipmentId: t.parcels.shipmentId, warehouseId: t.parcels.warehouseId, carrier: t.parcels.carrier, carrierId: t.parcels.carrierId, carrierService: t.parcels.carrierService })
    .from(t.parcels)
    .where(sql`${t.parcels.status} <> 'shipped'`)
    .orderBy(asc(t.parcels.shipmentId))
    .for('update');
  for (const p of open.filter(which)) {
    const set = await change(p);
    if (set === null) continue;
    await tx.update(t.parcels).set({ ...set, seq: await nextChangeSeq(tx) }).where(eq(t.parcels.shipmentId, p.shipmentId));
  }
}
