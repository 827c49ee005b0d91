/** Admin routes (admin token): enrolment codes and the event audit. */
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminEventsQuerySchema,
  adminEventsResponseSchema,
  createEnrolmentCodeRequestSchema,
  enrolmentCodeResponseSchema,
} from '../../shared/protocol/admin.js';
import { apiErrorSchema } from '../../shared/protocol/sync.js';
import { requireAdmin } from '../auth/device-auth.js';
import { EnrolError, createEnrolmentCode } from '../auth/enrolment.js';
import type { Database } from '../db/client.js';
import * as t from '../db/schema.js';

/** Options of the admin routes. */
export interface AdminRoutesOptions {
  database: Database;
  adminToken: string;
  enrolCodeTtlMin: number;
  now: () => Date;
}

/** Registers /api/admin/*, all behind the admin token. */
export const adminRoutes: FastifyPluginAsyncZod<AdminRoutesOptions> = async (app, { database, adminToken, enrolCodeTtlMin, now }) => {
  app.addHook('onRequest', requireAdmin(adminToken));

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
    async (request) => {
      const filters: SQL[] = [];
      if (request.query.shipmentId) filters.push(eq(t.events.shipmentId, request.query.shipmentId));
      const rows = await database.read((tx) =>
        tx.select().from(t.events).where(and(...filters)).orderBy(asc(t.events.receivedAt), asc(t.events.deviceId), asc(t.events.deviceSeq)).limit(request.query.limit),
      );
      return {
        events: rows.map((e) => ({
          id: e.id,
          type: e.type,
          deviceId: e.deviceId,
          deviceSeq: e.deviceSeq,
          staffId: e.staffId,
          shipmentId: e.shipmentId,
          status: e.status,
          receivedAt: e.receivedAt.toISOString(),
        })),
      };
    },
  );
};
