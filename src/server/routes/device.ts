/** GET /api/device: who this credential is (a revoked device learns it here, by a 401). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema, deviceInfoSchema } from '../../shared/protocol/sync.js';

/** Registers /api/device; expects the device-auth hook of its parent scope. */
export const deviceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/device',
    { schema: { tags: ['devices'], summary: 'The enrolled device', security: [{ device: [] }], response: { 200: deviceInfoSchema, 401: apiErrorSchema } } },
    async (request) => {
      const device = request.device!;
      return { deviceId: device.id, deviceName: device.name, warehouseId: device.warehouseId, warehouseName: device.warehouseName };
    },
  );
};
