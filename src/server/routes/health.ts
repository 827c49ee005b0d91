/** GET /healthz: liveness plus which store is in use. */
import { sql } from 'drizzle-orm';
import * as z from 'zod/mini';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.js';

const healthSchema = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) });

/** Registers /healthz; it runs a trivial query so a dead database shows as a 500. */
export const healthRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get('/healthz', { schema: { tags: ['ops'], summary: 'Liveness and database kind', response: { 200: healthSchema } } }, async () => {
    await database.read((tx) => tx.execute(sql`select 1`));
    return { status: 'ok' as const, db: database.kind };
  });
};
