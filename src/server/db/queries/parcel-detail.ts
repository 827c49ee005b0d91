/**
 * One parcel as the console's parcel page shows it: the lines with product names and JANs, the flags
 * with their instructions and why they are there, the gift resolved from its code, the inserts, the
 * status and the timeline of what happened to it.
 */
import { eq, inArray } from 'drizzle-orm';
import type { HumanTouchRule } from '../../../shared/domain/catalogue.js';
import { DEFAULT_WAREHOUSE_TIME_ZONE } from '../../../shared/domain/warehouse-time.js';
import type { AdminParcelDetail } from '../../../shared/protocol/admin-parcel.js';
import type { Tx, Database } from '../client.js';
import * as t from '../schema.js';
import { ruleOf } from '../../sync/load-catalogue.js';
import { readParcelShipping } from '../../shipping/shipping-views.js';
import { readParcelTimeline } from './parcel-timeline.js';

/** The parcel page's data for `shipmentId`, or null when there is no such parcel. */
export async function readParcelDetail(database: Database, shipmentId: string): Promise<AdminParcelDetail | null> {
  return database.read(async (tx) => {
    const [row] = await tx
      .select({ p: t.parcels, timeZone: t.warehouses.timeZone, packer: t.staff.name, device: t.devices.name })
      .from(t.parcels)
      .innerJoin(t.warehouses, eq(t.warehouses.id, t.parcels.warehouseId))
      .leftJoin(t.staff, eq(t.staff.id, t.parcels.packedByStaffId))
      .leftJoin(t.devices, eq(t.devices.id, t.parcels.packedByDeviceId))
      .where(eq(t.parcels.shipmentId, shipmentId));
    if (!row) return null;
    const { p } = row;
    const rules = await rulesBehindFlags(tx, p.flagRuleVersion);
    const [rank] = await tx.select().from(t.ranks).where(eq(t.ranks.code, p.rankCode));
    return {
      parcel: {
        shipmentId: p.shipmentId,
        warehouseId: p.warehouseId,
        timeZone: row.timeZone || DEFAULT_WAREHOUSE_TIME_ZONE,
        orderNumber: p.orderNumber,
        orderDate: p.orderDate,
        customerId: p.customerId,
        customerName: p.customerName,
        rankCode: p.rankCode,
        rank: rank ? { code: rank.code, label: rank.label, color: rank.color, sortOrder: rank.sortOrder } : null,
        carrier: p.carrier,
        status: p.status,
        holdReason: p.holdReason,
        packedAt: p.packedAt?.toISOString() ?? null,
        packedBy: row.packer ?? p.packedByStaffId,
        packedOnDevice: row.device ?? p.packedByDeviceId,
      },
      lines: await readLines(tx, p.lines),
      flags: p.flags.map((flag) => {
        const rule = rules.find((r) => r.flag === flag);
        return { flag, instruction: rule?.instruction ?? null, returnInstruction: rule?.returnInstruction ?? null };
      }),
      flagBasis:
        p.flags.length === 0
          ? null
          : { purchaseCount: p.purchaseCount, returnCount: p.returnCount, parcelsSinceFirstReturn: p.parcelsSinceFirstReturn, ruleVersion: p.flagRuleVersion },
      gift: p.giftCode ? { code: p.giftCode, instruction: await readGiftCode(tx, p.giftCode), noshiName: p.noshiName, message: p.message } : null,
      inserts: await readInserts(tx, p.insertCodes, p.flags.flatMap((f) => rules.find((r) => r.flag === f)?.insertCodes ?? [])),
      timeline: await readParcelTimeline(tx, p.shipmentId),
      shipping: await readParcelShipping(tx, p.shipmentId),
    };
  });
}

/** The rules of the edition that set the flags, or the rules in force when the flags predate every edition. */
async function rulesBehindFlags(tx: Tx, version: number | null): Promise<HumanTouchRule[]> {
  if (version !== null) {
    const [edition] = await tx.select().from(t.humanTouchRuleVersions).where(eq(t.humanTouchRuleVersions.version, version));
    if (edition) return edition.rules;
  }
  return (await tx.select().from(t.humanTouchRules)).map(ruleOf);
}

async function readLines(tx: Tx, lines: readonly { productCode: string; qty: number }[]): Promise<AdminParcelDetail['lines']> {
  const codes = lines.map((l) => l.productCode);
  if (codes.length === 0) return [];
  const products = new Map((await tx.select().from(t.products).where(inArray(t.products.code, codes))).map((p) => [p.code, p]));
  const barcodes = await tx.select().from(t.productBarcodes).where(inArray(t.productBarcodes.productCode, codes));
  return lines.map((l) => ({
    productCode: l.productCode,
    name: products.get(l.productCode)?.name ?? null,
    barcodes: barcodes.filter((b) => b.productCode === l.productCode).map((b) => b.barcode),
    location: products.get(l.productCode)?.location ?? null,
    qty: l.qty,
  }));
}

async function readGiftCode(tx: Tx, code: string): Promise<NonNullable<AdminParcelDetail['gift']>['instruction']> {
  const [g] = await tx.select().from(t.giftCodes).where(eq(t.giftCodes.code, code));
  return g ? { code: g.code, wrapping: g.wrapping, ribbon: g.ribbon, noshiInscription: g.noshiInscription, noshiPlacement: g.noshiPlacement, description: g.description } : null;
}

/** The shipment's own inserts, then those the flags' rules add (each code once). */
async function readInserts(tx: Tx, fromShipment: readonly string[], fromRules: readonly string[]): Promise<AdminParcelDetail['inserts']> {
  const wanted = [...fromShipment.map((code) => ({ code, source: 'shipment' as const })), ...fromRules.filter((c) => !fromShipment.includes(c)).map((code) => ({ code, source: 'rule' as const }))];
  const unique = wanted.filter((w, i) => wanted.findIndex((x) => x.code === w.code) === i);
  if (unique.length === 0) return [];
  const known = new Map((await tx.select().from(t.inserts).where(inArray(t.inserts.code, unique.map((u) => u.code)))).map((i) => [i.code, i]));
  return unique.map((u) => ({ code: u.code, name: known.get(u.code)?.name ?? null, barcode: known.get(u.code)?.barcode ?? null, source: u.source }));
}
