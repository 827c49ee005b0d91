/** Admin routes of the notification outbox: the list (with last errors) and a retry. */
import * as z from 'zod/mini';

/** The states of a notification row. */
export const notificationStatusSchema = z.enum(['pending', 'sending', 'sent', 'dead']);

/** GET /api/admin/notifications?status=dead */
export const adminNotificationsQuerySchema = z.object({
  status: z.optional(notificationStatusSchema),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000)), 100),
});

/** One notification as the admin sees it (no e-mail address). */
export const adminNotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  /** The return receipt of a return.received message; null for other kinds (parcel.shipped). */
  receiptId: z.nullable(z.string()),
  shipmentId: z.string(),
  orderNumber: z.string(),
  status: notificationStatusSchema,
  attempts: z.int(),
  nextAttemptAt: z.string(),
  lastError: z.nullable(z.string()),
  mailSentAt: z.nullable(z.string()),
  webhookSentAt: z.nullable(z.string()),
  createdAt: z.string(),
  sentAt: z.nullable(z.string()),
});
export type AdminNotification = z.infer<typeof adminNotificationSchema>;
export const adminNotificationsResponseSchema = z.object({ notifications: z.array(adminNotificationSchema) });

/** POST /api/admin/notifications/:id/retry */
export const notificationIdParamsSchema = z.object({ id: z.uuid() });
