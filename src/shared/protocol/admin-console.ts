/** Wire shapes of the admin routes the warehouse console uses (all behind the admin token). */
import { z } from 'zod';
import { humanTouchFlagSchema, humanTouchRuleSchema } from '../domain/catalogue.js';
import { parcelStatusSchema } from '../domain/parcel.js';

/** GET /api/admin/warehouses */
export const adminWarehousesResponseSchema = z.object({ warehouses: z.array(z.object({ id: z.string(), name: z.string() })) });

/** GET /api/admin/parcels?status=&q=&limit= : parcels by status, searched by shipment id, order, customer or product. */
export const adminParcelsQuerySchema = z.object({
  status: parcelStatusSchema.optional(),
  /** Only parcels held with this reason (e.g. 欠品 for short picks). */
  holdReason: z.string().optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
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
  flagRuleVersion: z.number().int().nullable(),
  giftCode: z.string().nullable(),
  carrier: z.string(),
  status: parcelStatusSchema,
  holdReason: z.string().nullable(),
  units: z.number().int(),
  lines: z.number().int(),
  packedAt: z.string().nullable(),
  packedBy: z.string().nullable(),
});
export type AdminParcel = z.infer<typeof adminParcelSchema>;
export const adminParcelsResponseSchema = z.object({
  parcels: z.array(adminParcelSchema),
  /** Parcels per status over the whole store (not only the page). */
  counts: z.record(z.string(), z.number().int()),
});
export type AdminParcelsResponse = z.infer<typeof adminParcelsResponseSchema>;

/** GET /api/admin/staff, POST /api/admin/staff */
export const adminStaffSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), warehouseId: z.string() });
export type AdminStaff = z.infer<typeof adminStaffSchema>;
export const adminStaffResponseSchema = z.object({ staff: z.array(adminStaffSchema) });
export const addStaffRequestSchema = z.object({
  warehouseId: z.string().min(1),
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(80),
});

/** GET/PUT /api/admin/human-touch-rules: the rules in force, their version, and earlier editions. */
export const humanTouchRulesResponseSchema = z.object({
  version: z.number().int(),
  rules: z.array(humanTouchRuleSchema),
  history: z.array(z.object({ version: z.number().int(), note: z.string().nullable(), createdAt: z.string(), rules: z.array(humanTouchRuleSchema) })),
});
export type HumanTouchRulesResponse = z.infer<typeof humanTouchRulesResponseSchema>;
export const saveHumanTouchRulesRequestSchema = z.object({
  rules: z.array(humanTouchRuleSchema).min(1),
  note: z.string().max(200).nullable().default(null),
});
