/** Admin routes (admin token) the foundation needs: enrolment codes and an event audit. */
import { z } from 'zod';

/** POST /api/admin/enrolment-codes: a one-time code for one warehouse. */
export const createEnrolmentCodeRequestSchema = z.object({
  warehouseId: z.string().min(1),
});
export const enrolmentCodeResponseSchema = z.object({
  code: z.string(),
  warehouseId: z.string(),
  expiresAt: z.string(),
});
export type EnrolmentCodeResponse = z.infer<typeof enrolmentCodeResponseSchema>;

/** GET /api/admin/events?shipmentId=…: the events the server applied, to audit exactly-once. */
export const adminEventsQuerySchema = z.object({
  shipmentId: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const adminEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  deviceId: z.string(),
  deviceSeq: z.number().int(),
  staffId: z.string(),
  shipmentId: z.string().nullable(),
  status: z.enum(['applied', 'rejected']),
  receivedAt: z.string(),
});
export const adminEventsResponseSchema = z.object({ events: z.array(adminEventSchema) });
export type AdminEventsResponse = z.infer<typeof adminEventsResponseSchema>;
