/**
 * Admin routes for devices and supervisor flags: list devices with their sync state and sequence
 * flags, revoke one, list and resolve flags.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminDevicesQuerySchema,
  adminDevicesResponseSchema,
  idParamsSchema,
  revokeDeviceResponseSchema,
  supervisorFlagSchema,
  supervisorFlagsQuerySchema,
  supervisorFlagsResponseSchema,
} from '../../shared/protocol/admin-devices.js';
import { apiErrorSchema } from '../../shared/protocol/sync.js';
import type { Database } from '../db/client.js';
import { listDevices, revokeDeviceById } from '../supervision/devices.js';
import { listSupervisorFlags, resolveSupervisorFlag } from '../supervision/supervisor-flags.js';

/** Options of the admin device routes. */
export interface AdminDeviceRoutesOptions {
  database: Database;
  now: () => Date;
}

/** A supervisor flag's id is a uuid: anything else names no flag (and would not even cast in SQL). */
const FLAG_ID = /^[0-9a-f-]{36}$/i;

/** Registers /api/admin/devices* and /api/admin/supervisor-flags*; expects the admin scope's token check. */
export const adminDeviceRoutes: FastifyPluginAsyncZod<AdminDeviceRoutesOptions> = async (app, { database, now }) => {
  app.get(
    '/api/admin/devices',
    {
      schema: {
        tags: ['admin'],
        summary: 'Enrolled devices with last sync, last event sequence and open sequence flags',
        security: [{ admin: [] }],
        querystring: adminDevicesQuerySchema,
        response: { 200: adminDevicesResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema },
      },
    },
    async (request) => ({ devices: await listDevices(database, request.query.warehouseId) }),
  );

  app.post(
    '/api/admin/devices/:id/revoke',
    {
      schema: {
        tags: ['admin'],
        summary: 'Revoke a device: its next request gets 401 and the app wipes its local data',
        security: [{ admin: [] }],
        params: idParamsSchema,
        response: { 200: revokeDeviceResponseSchema, 401: apiErrorSchema, 404: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const revoked = await revokeDeviceById(database, request.params.id, now());
      if (!revoked) return reply.code(404).send({ error: 'not_found', message: `No device ${request.params.id}.` });
      return revoked;
    },
  );

  app.get(
    '/api/admin/supervisor-flags',
    {
      schema: {
        tags: ['admin'],
        summary: 'Things a supervisor must look at (sequence gaps, held parcels packed offline), newest first',
        security: [{ admin: [] }],
        querystring: supervisorFlagsQuerySchema,
        response: { 200: supervisorFlagsResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema },
      },
    },
    async (request) => {
      const { warehouseId, open, limit } = request.query;
      return { flags: await listSupervisorFlags(database, { warehouseId, openOnly: open === 'true', limit }) };
    },
  );

  app.post(
    '/api/admin/supervisor-flags/:id/resolve',
    {
      schema: {
        tags: ['admin'],
        summary: 'Mark a supervisor flag as dealt with',
        security: [{ admin: [] }],
        params: idParamsSchema,
        response: { 200: supervisorFlagSchema, 401: apiErrorSchema, 404: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const id = request.params.id;
      const flag = FLAG_ID.test(id) ? await resolveSupervisorFlag(database, id, now()) : null;
      if (!flag) return reply.code(404).send({ error: 'not_found', message: `No flag ${id}.` });
      return flag;
    },
  );
};
