/** Admin routes for picking: list batches, release a claimed batch back to the floor. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PickSettings } from '../../shared/picking/pick-settings.js';
import { adminBatchesQuerySchema, adminBatchesResponseSchema, adminBatchSchema, batchParamsSchema } from '../../shared/protocol/pick-admin.js';
import { apiErrorSchema } from '../../shared/protocol/sync.js';
import type { Database } from '../db/client.js';
import { findAdminBatch, listAdminBatches } from '../picking/batch-store.js';
import { releaseBatch, ReleaseError } from '../picking/release-batch.js';

/** Options of the picking admin routes. */
export interface PickAdminRoutesOptions {
  database: Database;
  now: () => Date;
  pickSettings: PickSettings;
}

/** Registers /api/admin/batches*; expects the admin scope's token check. */
export const pickAdminRoutes: FastifyPluginAsyncZod<PickAdminRoutesOptions> = async (app, { database, now, pickSettings }) => {
  app.get(
    '/api/admin/batches',
    {
      schema: {
        tags: ['admin'],
        summary: 'Pick batches, oldest first, with who holds them and their short parcels',
        security: [{ admin: [] }],
        querystring: adminBatchesQuerySchema,
        response: { 200: adminBatchesResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema },
      },
    },
    async (request) => ({ batches: await listAdminBatches(database, request.query.warehouseId ?? null, request.query.status) }),
  );

  app.post(
    '/api/admin/batches/:batchId/release',
    {
      schema: {
        tags: ['admin'],
        summary: 'Release a claimed batch: its parcels go back to the floor and the batches are rebuilt',
        security: [{ admin: [] }],
        params: batchParamsSchema,
        response: { 200: adminBatchSchema, 401: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema },
      },
    },
    async (request, reply) => {
      try {
        await releaseBatch(database, request.params.batchId, pickSettings.batchSize, now());
      } catch (error) {
        if (error instanceof ReleaseError) return reply.code(error.code === 'batch_unknown' ? 404 : 409).send({ error: error.code, message: error.message });
        throw error;
      }
      const batch = await findAdminBatch(database, request.params.batchId);
      if (!batch) return reply.code(404).send({ error: 'batch_unknown', message: `Batch ${request.params.batchId} does not exist.` });
      return batch;
    },
  );
};
