/** Admin routes of the notification outbox: list with last errors, retry a dead one. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import {
  adminNotificationSchema,
  adminNotificationsQuerySchema,
  adminNotificationsResponseSchema,
  notificationIdParamsSchema,
} from '../../shared/protocol/notifications.js';
import { apiErrorSchema } from '../../shared/protocol/sync.js';
import type { Database } from '../db/client.js';
import { listNotifications, retryNotification, type NotificationRow } from '../notify/outbox.js';
import type { ReturnNotice } from '../notify/return-notice.js';

/** Options of the notification routes. */
export interface NotificationRoutesOptions {
  database: Database;
  now: () => Date;
  /** Wakes the dispatcher after a retry (absent when no dispatcher runs in this process). */
  kick?: () => void;
}

function toAdmin(row: NotificationRow): z.infer<typeof adminNotificationSchema> {
  const notice = row.payload as ReturnNotice;
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: row.id,
    kind: row.kind,
    receiptId: row.receiptId,
    shipmentId: notice.shipmentId,
    orderNumber: notice.orderNumber,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastError: row.lastError,
    mailSentAt: iso(row.mailSentAt),
    webhookSentAt: iso(row.webhookSentAt),
    createdAt: row.createdAt.toISOString(),
    sentAt: iso(row.sentAt),
  };
}

/** Registers GET /api/admin/notifications and POST /api/admin/notifications/:id/retry; expects the admin scope's token check. */
export const notificationRoutes: FastifyPluginAsyncZod<NotificationRoutesOptions> = async (app, { database, now, kick }) => {
  app.get(
    '/api/admin/notifications',
    {
      schema: {
        tags: ['admin'],
        summary: 'Customer notifications (return receipts), newest first, with their last error',
        security: [{ admin: [] }],
        querystring: adminNotificationsQuerySchema,
        response: { 200: adminNotificationsResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema },
      },
    },
    async (request) => ({ notifications: (await listNotifications(database, request.query.status, request.query.limit)).map(toAdmin) }),
  );

  app.post(
    '/api/admin/notifications/:id/retry',
    {
      schema: {
        tags: ['admin'],
        summary: 'Send a dead notification again (a sent one is never resent)',
        security: [{ admin: [] }],
        params: notificationIdParamsSchema,
        response: { 200: z.object({ id: z.string(), status: z.literal('pending') }), 400: apiErrorSchema, 401: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const outcome = await retryNotification(database, request.params.id, now());
      if (outcome === 'not_found') return reply.code(404).send({ error: 'not_found', message: `No notification ${request.params.id}.` });
      if (outcome === 'sent') return reply.code(409).send({ error: 'already_sent', message: 'This notification was sent; it is never sent twice.' });
      if (outcome === 'busy') return reply.code(409).send({ error: 'sending', message: 'This notification is being sent right now; look again in a minute.' });
      kick?.();
      return { id: request.params.id, status: 'pending' as const };
    },
  );
};
