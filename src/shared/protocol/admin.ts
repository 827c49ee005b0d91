/** Admin routes (admin token) the foundation needs: enrolment codes and an event audit. */
import * as z from 'zod/mini';

/** POST /api/admin/enrolment-codes: a one-time code for one warehouse. */
export const createEnrolmentCodeRequestSchema = z.object({
  warehouseId: z.string().check(z.minLength(1)),
});
export const enrolmentCodeResponseSchema = z.object({
  code: z.string(),
  warehouseId: z.string(),
  expiresAt: z.string(),
});
export type EnrolmentCodeResponse = z.infer<typeof enrolmentCodeResponseSchema>;

/** GET /api/admin/events?shipmentId=…: the events the server applied, to audit exactly-once. */
export const adminEventsQuerySchema = z.object({
  shipmentId: z.optional(z.string()),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000)), 100),
});
export const adminEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  deviceId: z.string(),
  deviceSeq: z.int(),
  staffId: z.string(),
  shipmentId: z.nullable(z.string()),
  status: z.enum(['applied', 'rejected']),
  receivedAt: z.string(),
});
export const adminEventsResponseSchema = z.object({ events: z.array(adminEventSchema) });
export type AdminEventsResponse = z.infer<typeof adminEventsResponseSchema>;
