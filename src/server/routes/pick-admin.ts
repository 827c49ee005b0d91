/** Admin routes for picking (admin token): list batches, release a claimed batch back to the floor. */
import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PickSettings } from '../../shared/picking/pick-settings.js';
import { adminBatchesQuerySchema, adminBatchesResponseSchema, adminBatchSchema, batchParamsSchema } from '../../shared/protocol/pick-admin.js';
import { apiErrorSchema } from '../../shared/protocol/sync.js';
import { requireAdmin } from '../auth/device-auth.js';
import type { Database } from '../db/client.js';
import * as t from '../db/schema.js';
import { listBatches } from '../picking/batch-store.js';
import { releaseBatch, ReleaseError } from '../picking/release-batch.js';

/** Options of the picking admin routes. */
export interface PickAdminRoutesOptions {
  database: Database;
  adminToken: string;
  now: () => Date;
  pickSettings: PickSettings;
}

/** Registers /api/admin/batches*, all behind the admin token. */
export const pickAdminRoutes: FastifyPluginAsyncZod<PickAdminRoutesOptions> = async (app, { database, adminToken, now, pickSettings }) => {
  app.addHook('onRequest', requireAdmin(adminToken));

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
    async (request) => ({ batches: await database.read((tx) => listBatches(tx, request.query.warehouseId ?? null, request.query.status)) }),
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
      const [batch] = await database.read(async (tx) => {
        const row = await tx.select({ warehouseId: t.pickBatches.warehouseId }).from(t.pickBatches).where(and(eq(t.pickBatches.id, request.params.batchId)));
        return (await listBatches(tx, row[0].warehouseId, [])).filter((b) => b.batchId === request.params.batchId);
      });
      return batch;
    },
  );
};
