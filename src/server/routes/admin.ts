/** Admin routes: enrolment codes and the event audit. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminEventsQuerySchema,
  adminEventsResponseSchema,
  createEnrolmentCodeRequestSchema,
  enrolmentCodeResponseSchema,
} from '../../shared/protocol/admin.js';
import { apiErrorSchema } from '../../shared/protocol/sync.js';
import { EnrolError, createEnrolmentCode } from '../auth/enrolment.js';
import type { Database } from '../db/client.js';
import { listReceivedEvents } from '../db/queries/event-audit.js';

/** Options of the admin routes. */
export interface AdminRoutesOptions {
  database: Database;
  enrolCodeTtlMin: number;
  now: () => Date;
}

/** Registers the enrolment-code and event-audit routes; expects the admin scope's token check. */
export const adminRoutes: FastifyPluginAsyncZod<AdminRoutesOptions> = async (app, { database, enrolCodeTtlMin, now }) => {
  app.post(
    '/api/admin/enrolment-codes',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a one-time enrolment code',
        security: [{ admin: [] }],
        body: createEnrolmentCodeRequestSchema,
        response: { 200: enrolmentCodeResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema },
      },
    },
    async (request, reply) => {
      try {
        return await createEnrolmentCode(database, request.body.warehouseId, enrolCodeTtlMin, now());
      } catch (error) {
        if (error instanceof EnrolError) return reply.code(400).send({ error: error.code, message: error.message });
        throw error;
      }
    },
  );

  app.get(
    '/api/admin/events',
    {
      schema: {
        tags: ['admin'],
        summary: 'Events received, oldest first (audit of exactly-once)',
        security: [{ admin: [] }],
        querystring: adminEventsQuerySchema,
        response: { 200: adminEventsResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema },
      },
    },
    async (request) => ({ events: await listReceivedEvents(database, request.query) }),
  );
};
