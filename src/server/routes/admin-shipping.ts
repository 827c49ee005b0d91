/** Admin routes of shipping: carrier mapping and settings, the carrier and 出荷実績 exports, a parcel's labels, the day's handovers. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import {
  carrierExportRequestSchema,
  carrierExportResponseSchema,
  handoversQuerySchema,
  handoversResponseSchema,
  parcelShippingResponseSchema,
  saveShippingSettingsRequestSchema,
  shippedResultsQuerySchema,
  shippingSettingsResponseSchema,
} from '../../shared/protocol/admin-shipping.js';
import { apiErrorSchema } from '../../shared/protocol/sync.js';
import type { Database } from '../db/client.js';
import * as t from '../db/schema.js';
import { runCarrierExport } from '../export/carrier-export.js';
import { japanDate } from '../export/japan-date.js';
import { LayoutError, loadLayout } from '../export/layout.js';
import { shippedResultsCsv } from '../export/shipped-results.js';
import { listCarrierMappings, listLabelScan, saveCarrierMapping, saveDefaultCarrier, saveLabelScan } from '../shipping/carrier-mappings.js';
import { handoversOfDay, parcelShippingView } from '../shipping/shipping-views.js';

/** Options of the shipping routes. */
export interface AdminShippingRoutesOptions {
  database: Database;
  now: () => Date;
}

/** Registers the shipping admin routes; expects the admin scope's token check. */
export const adminShippingRoutes: FastifyPluginAsyncZod<AdminShippingRoutesOptions> = async (app, { database, now }) => {
  const security = [{ admin: [] }];
  const tags = ['admin', 'shipping'];
  const readSettings = () =>
    database.read(async (tx) => ({
      mappings: await listCarrierMappings(tx),
      labelScan: await listLabelScan(tx),
      defaultCarrier: (await tx.select({ warehouseId: t.warehouses.id, carrierId: t.warehouses.defaultCarrierId }).from(t.warehouses)).map((w) => ({
        warehouseId: w.warehouseId,
        carrierId: (w.carrierId ?? null) as 'yamato' | 'sagawa' | 'japanpost' | 'other' | null,
      })),
    }));

  app.get('/api/admin/shipping/settings', { schema: { tags, summary: 'Carrier mapping, label-scan setting per carrier, default carrier per warehouse', security, response: { 200: shippingSettingsResponseSchema, 401: apiErrorSchema } } }, readSettings);

  app.put(
    '/api/admin/shipping/settings',
    { schema: { tags, summary: 'Change the carrier mapping, LABEL_SCAN per carrier or a default carrier (open parcels are re-mapped)', security, body: saveShippingSettingsRequestSchema, response: { 200: shippingSettingsResponseSchema, 401: apiErrorSchema } } },
    async (request) => {
      const { mappings = [], labelScan = {}, defaultCarrier } = request.body;
      await database.write(async (tx) => {
        for (const m of mappings) await saveCarrierMapping(tx, m);
        for (const [carrier, mode] of Object.entries(labelScan)) if (mode) await saveLabelScan(tx, carrier as keyof typeof labelScan, mode);
        if (defaultCarrier) await saveDefaultCarrier(tx, defaultCarrier.warehouseId, defaultCarrier.carrierId);
      });
      return readSettings();
    },
  );

  app.post(
    '/api/admin/shipping/exports/carrier',
    { schema: { tags, summary: 'The carrier import file of the parcels not exported yet (again: include exported ones)', security, body: carrierExportRequestSchema, response: { 200: carrierExportResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema } } },
    async (request, reply) => {
      const { carrier, date = japanDate(now()), again } = request.body;
      let layout;
      try {
        layout = loadLayout(carrier);
      } catch (error) {
        if (error instanceof LayoutError) return reply.code(400).send({ error: 'bad_request', message: error.message });
        throw error;
      }
      const { file, ...report } = await runCarrierExport(database, { carrier, layout, date, again });
      return { ...report, fileBase64: file ? file.toString('base64') : null };
    },
  );

  app.get(
    '/api/admin/shipping/exports/shipped',
    { schema: { tags, summary: '出荷実績 CSV of a day (注文番号, 出荷ID, 出荷日, 配送会社, 送り状番号)', security, querystring: shippedResultsQuerySchema } },
    async (request, reply) => {
      const date = request.query.date ?? japanDate(now());
      const { file } = await shippedResultsCsv(database, date, request.query.encoding);
      return reply
        .type(`text/csv; charset=${request.query.encoding === 'cp932' ? 'Shift_JIS' : 'utf-8'}`)
        .header('content-disposition', `attachment; filename="shipped-${date}.csv"`)
        .send(file);
    },
  );

  app.get(
    '/api/admin/parcels/:shipmentId/shipping',
    { schema: { tags, summary: 'A parcel’s carrier, boxes, tracking numbers, label-scan and loading times', security, params: z.object({ shipmentId: z.string() }), response: { 200: parcelShippingResponseSchema, 401: apiErrorSchema, 404: apiErrorSchema } } },
    async (request, reply) => {
      const view = await parcelShippingView(database, request.params.shipmentId);
      return view ?? reply.code(404).send({ error: 'not_found', message: `No parcel ${request.params.shipmentId}.` });
    },
  );

  app.get(
    '/api/admin/shipping/handovers',
    { schema: { tags, summary: 'The handovers of a day by carrier, with their manifests', security, querystring: handoversQuerySchema, response: { 200: handoversResponseSchema, 401: apiErrorSchema } } },
    async (request) => handoversOfDay(database, request.query.date ?? japanDate(now())),
  );
};
