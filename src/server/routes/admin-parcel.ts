/** Admin routes of the console's parcel page and catalogue lists: one parcel in full, products and inserts with their barcodes. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminCatalogueResponseSchema, adminParcelDetailSchema, parcelParamsSchema } from '../../shared/protocol/admin-parcel.js';
import { apiErrorSchema } from '../../shared/protocol/sync.js';
import type { Database } from '../db/client.js';
import { readParcelDetail } from '../db/queries/parcel-detail.js';
import { loadCatalogue } from '../sync/load-catalogue.js';

/** Options of the parcel-page routes. */
export interface AdminParcelRoutesOptions {
  database: Database;
}

/** Registers GET /api/admin/parcels/:shipmentId and GET /api/admin/catalogue; expects the admin scope's token check. */
export const adminParcelRoutes: FastifyPluginAsyncZod<AdminParcelRoutesOptions> = async (app, { database }) => {
  const security = [{ admin: [] }];

  app.get(
    '/api/admin/parcels/:shipmentId',
    {
      schema: {
        tags: ['admin'],
        summary: 'One parcel: lines with names and JANs, flags and why, gift, inserts, status and the timeline of its events',
        security,
        params: parcelParamsSchema,
        response: { 200: adminParcelDetailSchema, 400: apiErrorSchema, 401: apiErrorSchema, 404: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const detail = await readParcelDetail(database, request.params.shipmentId);
      if (!detail) return reply.code(404).send({ error: 'not_found', message: `No parcel ${request.params.shipmentId}.` });
      return detail;
    },
  );

  app.get(
    '/api/admin/catalogue',
    { schema: { tags: ['admin'], summary: 'Products with their JANs, inserts with their barcodes, and the customer ranks', security, response: { 200: adminCatalogueResponseSchema, 401: apiErrorSchema } } },
    async () => {
      // Products and inserts are the same for every warehouse; the staff part of the catalogue is not sent.
      const { products, inserts, ranks } = await database.read((tx) => loadCatalogue(tx, ''));
      return { products, inserts, ranks };
    },
  );
};
