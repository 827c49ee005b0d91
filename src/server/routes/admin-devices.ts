/**
 * Admin routes for devices and supervisor flags (admin token): list devices with their sync state and
 * sequence flags, revoke one, list and resolve flags. Kept in its own file so the console (issue 7)
 * can reconcile with it.
 */
import { and, asc, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminDevicesQuerySchema,
  adminDevicesResponseSchema,
  idParamsSchema,
  revokeDeviceResponseSchema,
  setStaffPinRequestSchema,
  setStaffPinResponseSchema,
  supervisorFlagSchema,
  supervisorFlagsQuerySchema,
  supervisorFlagsResponseSchema,
} from '../../shared/protocol/admin-devices.js';
import { apiErrorSchema } from '../../shared/protocol/sync.js';
import { requireAdmin } from '../auth/device-auth.js';
import { setStaffPin } from '../auth/staff-pin.js';
import type { Database } from '../db/client.js';
import * as t from '../db/schema.js';
import { listDevices, revokeDeviceById } from '../supervision/devices.js';

/** Options of the admin device routes. */
export interface AdminDeviceRoutesOptions {
  database: Database;
  adminToken: string;
  now: () => Date;
}

/** Registers /api/admin/devices* and /api/admin/supervisor-flags*, all behind the admin token. */
export const adminDeviceRoutes: FastifyPluginAsyncZod<AdminDeviceRoutesOptions> = async (app, { database, adminToken, now }) => {
  app.addHook('onRequest', requireAdmin(adminToken));

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
      const filters: SQL[] = [];
      if (request.query.warehouseId) filters.push(eq(t.supervisorFlags.warehouseId, request.query.warehouseId));
      if (request.query.open === 'true') filters.push(isNull(t.supervisorFlags.resolvedAt));
      const rows = await database.read((tx) =>
        tx
          .select({ flag: t.supervisorFlags, deviceName: t.devices.name })
          .from(t.supervisorFlags)
          .leftJoin(t.devices, eq(t.devices.id, t.supervisorFlags.deviceId))
          .where(and(...filters))
          .orderBy(desc(t.supervisorFlags.createdAt), asc(t.supervisorFlags.id))
          .limit(request.query.limit),
      );
      return { flags: rows.map((r) => toWire(r.flag, r.deviceName)) };
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
      if (!/^[0-9a-f-]{36}$/i.test(id)) return reply.code(404).send({ error: 'not_found', message: `No flag ${id}.` });
      const rows = await database.write(async (tx) => {
        await tx.update(t.supervisorFlags).set({ resolvedAt: now() }).where(and(eq(t.supervisorFlags.id, id), isNull(t.supervisorFlags.resolvedAt)));
        return tx.select({ flag: t.supervisorFlags, deviceName: t.devices.name }).from(t.supervisorFlags).leftJoin(t.devices, eq(t.devices.id, t.supervisorFlags.deviceId)).where(eq(t.supervisorFlags.id, id));
      });
      if (rows.length === 0) return reply.code(404).send({ error: 'not_found', message: `No flag ${id}.` });
      return toWire(rows[0].flag, rows[0].deviceName);
    },
  );
};

/** Registers PUT /api/admin/staff/:id/pin behind the admin token (in this file: one admin plugin of issue 5). */
export const adminStaffPinRoutes: FastifyPluginAsyncZod<AdminDeviceRoutesOptions> = async (app, { database, adminToken }) => {
  app.addHook('onRequest', requireAdmin(adminToken));
  app.put(
    '/api/admin/staff/:id/pin',
    {
      schema: {
        tags: ['admin'],
        summary: 'Set or remove a staff member’s sign-in PIN (checked offline on devices)',
        security: [{ admin: [] }],
        params: idParamsSchema,
        body: setStaffPinRequestSchema,
        response: { 200: setStaffPinResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema, 404: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const found = await setStaffPin(database, request.params.id, request.body.pin);
      if (!found) return reply.code(404).send({ error: 'not_found', message: `No staff ${request.params.id}.` });
      return { staffId: request.params.id, pinRequired: request.body.pin !== null };
    },
  );
};

function toWire(flag: typeof t.supervisorFlags.$inferSelect, deviceName: string | null) {
  return {
    id: flag.id,
    kind: flag.kind,
    warehouseId: flag.warehouseId,
    deviceId: flag.deviceId,
    deviceName,
    staffId: flag.staffId,
    shipmentId: flag.shipmentId,
    eventId: flag.eventId,
    message: flag.message,
    detail: flag.detail,
    createdAt: flag.createdAt.toISOString(),
    resolvedAt: flag.resolvedAt?.toISOString() ?? null,
  };
}
