/** GET /api/sync/pull and POST /api/sync/push. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema, pullQuerySchema, pullResponseSchema, pushRequestSchema, pushResponseSchema } from '../../shared/protocol/sync.js';
import type { PickSettings } from '../../shared/picking/pick-settings.js';
import type { Database } from '../db/client.js';
import { recordOutboxReport } from '../supervision/outbox-report.js';
import { pullChanges } from '../sync/pull.js';
import { pushEvents } from '../sync/push.js';

/** Registers pull and push; the warehouse always comes from the credential, never from the request. */
export const syncRoutes: FastifyPluginAsyncZod<{ database: Database; now: () => Date; pickSettings?: PickSettings }> = async (app, { database, now, pickSettings }) => {
  app.get(
    '/api/sync/pull',
    {
      schema: {
        tags: ['sync'],
        summary: 'Catalogue and parcels changed since a cursor',
        security: [{ device: [] }],
        querystring: pullQuerySchema,
        response: { 200: pullResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema },
      },
    },
    async (request) => {
      const { cursor, limit, pending, rejected } = request.query;
      await recordOutboxReport(database, request.device!.id, { pending, rejected }, now());
      return pullChanges(database, request.device!.warehouseId, cursor, limit, pickSettings);
    },
  );

  app.post(
    '/api/sync/push',
    {
      schema: {
        tags: ['sync'],
        summary: 'Apply outbox events, each exactly once',
        security: [{ device: [] }],
        body: pushRequestSchema,
        response: { 200: pushResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema },
      },
    },
    async (request) => {
      const device = request.device!;
      const ctx = { deviceId: device.id, deviceName: device.name, warehouseId: device.warehouseId, now: now() };
      const onFallback = (error: unknown) => request.log.warn({ err: error }, 'push transaction failed: applying its events one transaction each');
      return { results: await pushEvents(database, ctx, request.body.events, onFallback) };
    },
  );
};
