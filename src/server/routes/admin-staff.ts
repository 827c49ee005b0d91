/** Admin routes for staff: list, add a member, set or remove a sign-in PIN. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addStaffRequestSchema, adminStaffResponseSchema, adminStaffSchema } from '../../shared/protocol/admin-console.js';
import { idParamsSchema, setStaffPinRequestSchema, setStaffPinResponseSchema } from '../../shared/protocol/admin-devices.js';
import { apiErrorSchema } from '../../shared/protocol/sync.js';
import { setStaffPin } from '../auth/staff-pin.js';
import type { Database } from '../db/client.js';
import { addStaffMember, listStaff } from '../db/queries/staff.js';

/** Registers /api/admin/staff*; expects the admin scope's token check. */
export const adminStaffRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  const security = [{ admin: [] }];

  app.get('/api/admin/staff', { schema: { tags: ['admin'], summary: 'Staff of every warehouse', security, response: { 200: adminStaffResponseSchema, 401: apiErrorSchema } } }, async () => ({
    staff: await listStaff(database),
  }));

  app.post(
    '/api/admin/staff',
    {
      schema: {
        tags: ['admin'],
        summary: 'Add a staff member (devices get them on their next pull)',
        security,
        body: addStaffRequestSchema,
        response: { 200: adminStaffSchema, 400: apiErrorSchema, 401: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const { warehouseId, code } = request.body;
      const result = await addStaffMember(database, request.body);
      if ('member' in result) return result.member;
      return result.refused === 'unknown_warehouse'
        ? reply.code(404).send({ error: 'not_found', message: `No warehouse ${warehouseId}` })
        : reply.code(409).send({ error: 'conflict', message: `Staff code ${code} is already used in ${warehouseId}` });
    },
  );

  app.put(
    '/api/admin/staff/:id/pin',
    {
      schema: {
        tags: ['admin'],
        summary: 'Set or remove a staff member’s sign-in PIN (checked offline on devices)',
        security,
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
