/**
 * POST /api/admin/import: the body is the file's raw bytes (any content type, e.g.
 * `curl --data-binary @shipments.csv`); options come as query parameters (type, encoding, dryRun,
 * strict, filename, warehouseId, lang). Answers 200 with the import report (ok false when something was
 * rejected), 400 when the file cannot be read as an import at all.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importQuerySchema, importReportSchema } from '../../shared/protocol/import.js';
import { apiErrorSchema } from '../../shared/protocol/sync.js';
import type { Database } from '../db/client.js';
import type { HeaderMapping } from '../import/header-map.js';
import { runImport, type AfterShipmentsImported } from '../import/run-import.js';
import { ImportUsageError } from '../import/usage-error.js';

/** Largest import file accepted over HTTP (a day of shipments is a few MB). */
const IMPORT_BODY_LIMIT_BYTES = 32 * 1024 * 1024;

/** Options of the import route. */
export interface AdminImportRoutesOptions {
  database: Database;
  headerMapping?: HeaderMapping;
  afterShipmentsImported?: AfterShipmentsImported;
}

/** Registers POST /api/admin/import in its own scope (it reads every body as raw bytes); expects the admin scope's token check. */
export const adminImportRoutes: FastifyPluginAsyncZod<AdminImportRoutesOptions> = async (app, opts) => {
  // Only in this scope: the file is bytes whatever the client calls it (CSV in CP932 is not "text").
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));

  app.post(
    '/api/admin/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags: ['admin'],
        summary: 'Import a back-office file (raw bytes: CSV/TSV in UTF-8 or CP932, or JSON)',
        security: [{ admin: [] }],
        querystring: importQuerySchema,
        response: { 200: importReportSchema, 400: apiErrorSchema, 401: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) return reply.code(400).send({ error: 'bad_request', message: 'Send the file as the request body.' });
      const q = request.query;
      try {
        return await runImport(opts.database, body, {
          type: q.type,
          encoding: q.encoding,
          dryRun: q.dryRun,
          strict: q.strict,
          filename: q.filename,
          warehouseId: q.warehouseId,
          lang: q.lang,
          headerMapping: opts.headerMapping,
          afterShipmentsImported: opts.afterShipmentsImported,
        });
      } catch (error) {
        if (error instanceof ImportUsageError) return reply.code(400).send({ error: 'bad_request', message: error.message });
        throw error;
      }
    },
  );
};
