/** Admin routes behind the warehouse console: warehouses (and their time zone), the parcel list, human-touch rules. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminParcelsQuerySchema,
  adminParcelsResponseSchema,
  adminWarehouseSchema,
  adminWarehousesResponseSchema,
  humanTouchRulesResponseSchema,
  saveHumanTouchRulesRequestSchema,
  warehouseParamsSchema,
  warehouseSettingsRequestSchema,
} from '../../shared/protocol/admin-console.js';
import { apiErrorSchema } from '../../shared/protocol/sync.js';
import type { Database } from '../db/client.js';
import { searchParcels } from '../db/queries/parcel-search.js';
import { listWarehouses, setWarehouseTimeZone } from '../db/queries/warehouses.js';
import { loadRuleBook, saveRuleEdition } from '../rules/human-touch-rules.js';

/** Options of the console routes. */
export interface AdminConsoleRoutesOptions {
  database: Database;
  now: () => Date;
}

/** Registers the console's admin routes; expects the admin scope's token check. */
export const adminConsoleRoutes: FastifyPluginAsyncZod<AdminConsoleRoutesOptions> = async (app, { database, now }) => {
  const security = [{ admin: [] }];
  const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema };

  app.get('/api/admin/warehouses', { schema: { tags: ['admin'], summary: 'Warehouses', security, response: { 200: adminWarehousesResponseSchema, 401: apiErrorSchema } } }, async () => ({
    warehouses: await listWarehouses(database),
  }));

  app.put(
    '/api/admin/warehouses/:warehouseId/settings',
    {
      schema: {
        tags: ['admin'],
        summary: "Set a warehouse's time zone (IANA name): the console, reports and shipping show its times in it",
        security,
        params: warehouseParamsSchema,
        body: warehouseSettingsRequestSchema,
        response: { 200: adminWarehouseSchema, 400: apiErrorSchema, 401: apiErrorSchema, 404: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const saved = await setWarehouseTimeZone(database, request.params.warehouseId, request.body.timeZone);
      if (!saved) return reply.code(404).send({ error: 'not_found', message: `No warehouse ${request.params.warehouseId}.` });
      return saved;
    },
  );

  app.get(
    '/api/admin/parcels',
    { schema: { tags: ['admin'], summary: 'Parcels by status, with search', security, querystring: adminParcelsQuerySchema, response: { 200: adminParcelsResponseSchema, 401: apiErrorSchema } } },
    async (request) => searchParcels(database, request.query),
  );

  app.get('/api/admin/human-touch-rules', { schema: { tags: ['admin'], summary: 'Human-touch rules in force, their version and history', security, response: { 200: humanTouchRulesResponseSchema, 401: apiErrorSchema } } }, async () =>
    loadRuleBook(database),
  );

  app.put(
    '/api/admin/human-touch-rules',
    {
      schema: {
        tags: ['admin'],
        summary: 'Save a new edition of the human-touch rules (packing and returns instructions, and inserts, per flag)',
        security,
        body: saveHumanTouchRulesRequestSchema,
        response: { 200: humanTouchRulesResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { rules, note } = request.body;
      const flags = rules.map((r) => r.flag);
      if (new Set(flags).size !== flags.length) return reply.code(400).send({ error: 'bad_request', message: 'Each flag may appear once.' });
      const result = await saveRuleEdition(database, rules, note, now());
      if ('unknownInserts' in result) return reply.code(400).send({ error: 'bad_request', message: `Unknown insert code(s): ${result.unknownInserts.join(', ')}` });
      return result.saved;
    },
  );
};
