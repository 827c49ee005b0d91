/** Wire shapes of the admin routes the warehouse console uses (all behind the admin token). */
import * as z from 'zod/mini';
import { humanTouchFlagSchema, humanTouchRuleSchema } from '../domain/catalogue.js';
import { parcelStatusSchema } from '../domain/parcel.js';
import { isKnownTimeZone } from '../domain/warehouse-time.js';

/** A warehouse and the time zone its times are shown in (IANA name, Asia/Tokyo by default). */
export const adminWarehouseSchema = z.object({ id: z.string(), name: z.string(), timeZone: z.string() });
export type AdminWarehouse = z.infer<typeof adminWarehouseSchema>;

/** GET /api/admin/warehouses */
export const adminWarehousesResponseSchema = z.object({ warehouses: z.array(adminWarehouseSchema) });
export type AdminWarehousesResponse = z.infer<typeof adminWarehousesResponseSchema>;

/** PUT /api/admin/warehouses/:warehouseId/settings: the warehouse's time zone, an IANA name the server knows. */
export const warehouseParamsSchema = z.object({ warehouseId: z.string().check(z.minLength(1)) });
export const warehouseSettingsRequestSchema = z.object({
  timeZone: z.string().check(
    z.trim(),
    z.maxLength(64),
    z.refine(isKnownTimeZone, { message: 'must be an IANA time zone such as Asia/Tokyo' }),
  ),
});

/** GET /api/admin/parcels?status=&q=&limit= : parcels by status, searched by shipment id, order, customer or product. */
export const adminParcelsQuerySchema = z.object({
  status: z.optional(parcelStatusSchema),
  /** Only parcels held with this reason (e.g. 欠品 for short picks). */
  holdReason: z.optional(z.string()),
  q: z.optional(z.string().check(z.maxLength(100))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 100),
});
export const adminParcelSchema = z.object({
  shipmentId: z.string(),
  warehouseId: z.string(),
  orderNumber: z.string(),
  orderDate: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  rankCode: z.string(),
  flags: z.array(humanTouchFlagSchema),
  flagRuleVersion: z.nullable(z.int()),
  giftCode: z.nullable(z.string()),
  carrier: z.string(),
  status: parcelStatusSchema,
  holdReason: z.nullable(z.string()),
  units: z.int(),
  lines: z.int(),
  packedAt: z.nullable(z.string()),
  packedBy: z.nullable(z.string()),
});
export type AdminParcel = z.infer<typeof adminParcelSchema>;
export const adminParcelsResponseSchema = z.object({
  parcels: z.array(adminParcelSchema),
  /** Parcels per status over the whole store (not only the page). */
  counts: z.record(z.string(), z.int()),
});
export type AdminParcelsResponse = z.infer<typeof adminParcelsResponseSchema>;

/** GET /api/admin/staff, POST /api/admin/staff */
export const adminStaffSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), warehouseId: z.string() });
export type AdminStaff = z.infer<typeof adminStaffSchema>;
export const adminStaffResponseSchema = z.object({ staff: z.array(adminStaffSchema) });
export const addStaffRequestSchema = z.object({
  warehouseId: z.string().check(z.minLength(1)),
  code: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
});

/** GET/PUT /api/admin/human-touch-rules: the rules in force, their version, and earlier editions. */
export const humanTouchRulesResponseSchema = z.object({
  version: z.int(),
  rules: z.array(humanTouchRuleSchema),
  history: z.array(z.object({ version: z.int(), note: z.nullable(z.string()), createdAt: z.string(), rules: z.array(humanTouchRuleSchema) })),
});
export type HumanTouchRulesResponse = z.infer<typeof humanTouchRulesResponseSchema>;
export const saveHumanTouchRulesRequestSchema = z.object({
  rules: z.array(humanTouchRuleSchema).check(z.minLength(1)),
  note: z._default(z.nullable(z.string().check(z.maxLength(200))), null),
});
