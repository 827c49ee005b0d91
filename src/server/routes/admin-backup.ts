/**
 * GET /api/admin/backup: the embedded database as a gzipped tar, taken while the server runs (between
 * transactions, so it is consistent while handhelds push). `npm run admin -- backup FILE` calls it when
 * a server answers. On PostgreSQL the answer is 409 naming pg_dump, which does this job there.
 */
import * as z from 'zod/mini';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../shared/protocol/sync.js';
import type { Database } from '../db/client.js';

/** Registers the backup route; expects the admin scope's token check. */
export const adminBackupRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/admin/backup',
    {
      schema: {
        tags: ['admin'],
        summary: 'A consistent backup of the embedded database (gzipped tar); PostgreSQL: use pg_dump',
        security: [{ admin: [] }],
        response: { 200: z.any(), 409: apiErrorSchema },
      },
    },
    async (_request, reply) => {
      if (!database.dumpEmbedded) {
        return reply.code(409).send({ error: 'use_pg_dump', message: 'This server uses PostgreSQL: back it up with pg_dump (see docs/deployment.md).' });
      }
      const bytes = await database.dumpEmbedded();
      return reply.type('application/gzip').header('content-disposition', 'attachment; filename="floorpack-backup.tar.gz"').send(Buffer.from(bytes));
    },
  );
};
