/** Admin routes of the notification outbox: the list (with last errors) and a retry. */
import { z } from 'zod';

/** The states of a notification row. */
export const notificationStatusSchema = z.enum(['pending', 'sending', 'sent', 'dead']);

/** GET /api/admin/notifications?status=dead */
export const adminNotificationsQuerySchema = z.object({
  status: notificationStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** One notification as the admin sees it (no e-mail address). */
export const adminNotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  receiptId: z.string(),
  shipmentId: z.string(),
  orderNumber: z.string(),
  status: notificationStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  mailSentAt: z.string().nullable(),
  webhookSentAt: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type AdminNotification = z.infer<typeof adminNotificationSchema>;
export const adminNotificationsResponseSchema = z.object({ notifications: z.array(adminNotificationSchema) });

/** POST /api/admin/notifications/:id/retry */
export const notificationIdParamsSchema = z.object({ id: z.string().uuid() });
