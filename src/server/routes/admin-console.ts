/** Admin routes behind the warehouse console: parcels, devices, staff, human-touch rules (admin token). */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addStaffRequestSchema,
  adminParcelsQuerySchema,
  adminParcelsResponseSchema,
  adminStaffResponseSchema,
  adminStaffSchema,
  adminWarehousesResponseSchema,
  humanTouchRulesResponseSchema,
  saveHumanTouchRulesRequestSchema,
} from '../../shared/protocol/admin-console.js';
import { apiErrorSchema } from '../../shared/protocol/sync.js';
import { requireAdmin } from '../auth/device-auth.js';
import type { Database } from '../db/client.js';
import * as t from '../db/schema.js';
import { upsertStaff } from '../db/write-master-data.js';
import { currentRuleVersion, currentRules, ruleHistory, saveRules } from '../rules/human-touch-rules.js';

/** Options of the console routes. */
export interface AdminConsoleRoutesOptions {
  database: Database;
  adminToken: string;
  now: () => Date;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Registers the console's admin routes. */
export const adminConsoleRoutes: FastifyPluginAsyncZod<AdminConsoleRoutesOptions> = async (app, { database, adminToken, now }) => {
  app.addHook('onRequest', requireAdmin(adminToken));
  const security = [{ admin: [] }];
  const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema };

  app.get('/api/admin/warehouses', { schema: { tags: ['admin'], summary: 'Warehouses', security, response: { 200: adminWarehousesResponseSchema, 401: apiErrorSchema } } }, async () => ({
    warehouses: await database.read((tx) => tx.select().from(t.warehouses).orderBy(asc(t.warehouses.id))),
  }));

  app.get(
    '/api/admin/parcels',
    { schema: { tags: ['admin'], summary: 'Parcels by status, with search', security, querystring: adminParcelsQuerySchema, response: { 200: adminParcelsResponseSchema, 401: apiErrorSchema } } },
    async (request) => {
      const { status, holdReason, q, limit } = request.query;
      const filters: SQL[] = [];
      if (status) filters.push(eq(t.parcels.status, status));
      if (holdReason) filters.push(eq(t.parcels.holdReason, holdReason));
      if (q) {
        const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        filters.push(
          or(
            ilike(t.parcels.shipmentId, like),
            ilike(t.parcels.orderNumber, like),
            ilike(t.parcels.customerId, like),
            ilike(t.parcels.customerName, like),
            sql`${t.parcels.lines}::text ilike ${like}`,
          )!,
        );
      }
      return database.read(async (tx) => {
        const rows = await tx
          .select({ p: t.parcels, packer: t.staff.name })
          .from(t.parcels)
          .leftJoin(t.staff, eq(t.staff.id, t.parcels.packedByStaffId))
          .where(and(...filters))
          .orderBy(asc(t.parcels.shipmentId))
          .limit(limit);
        const counts = await tx.select({ status: t.parcels.status, n: sql<number>`count(*)::int` }).from(t.parcels).groupBy(t.parcels.status);
        return {
          parcels: rows.map(({ p, packer }) => ({
            shipmentId: p.shipmentId,
            warehouseId: p.warehouseId,
            orderNumber: p.orderNumber,
            orderDate: p.orderDate,
            customerId: p.customerId,
            customerName: p.customerName,
            rankCode: p.rankCode,
            flags: p.flags,
            flagRuleVersion: p.flagRuleVersion,
            giftCode: p.giftCode,
            carrier: p.carrier,
            status: p.status,
            holdReason: p.holdReason,
            units: p.lines.reduce((sum, l) => sum + l.qty, 0),
            lines: p.lines.length,
            packedAt: iso(p.packedAt),
            packedBy: packer ?? p.packedByStaffId,
          })),
          counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
        };
      });
    },
  );



  app.get('/api/admin/staff', { schema: { tags: ['admin'], summary: 'Staff of every warehouse', security, response: { 200: adminStaffResponseSchema, 401: apiErrorSchema } } }, async () => ({
    staff: await database.read((tx) => tx.select({ id: t.staff.id, code: t.staff.code, name: t.staff.name, warehouseId: t.staff.warehouseId }).from(t.staff).orderBy(asc(t.staff.warehouseId), asc(t.staff.code))),
  }));

  app.post(
    '/api/admin/staff',
    { schema: { tags: ['admin'], summary: 'Add a staff member (devices get them on their next pull)', security, body: addStaffRequestSchema, response: { 200: adminStaffSchema, ...errors } } },
    async (request, reply) => {
      const { warehouseId, code, name } = request.body;
      const result = await database.write(async (tx) => {
        const wh = await tx.select().from(t.warehouses).where(eq(t.warehouses.id, warehouseId));
        if (wh.length === 0) return { error: 404 as const };
        const taken = await tx.select().from(t.staff).where(and(eq(t.staff.warehouseId, warehouseId), eq(t.staff.code, code)));
        if (taken.length > 0) return { error: 409 as const };
        const member = { id: `staff-${randomUUID()}`, code, name };
        await upsertStaff(tx, warehouseId, member);
        return { member: { ...member, warehouseId } };
      });
      if ('error' in result) {
        return result.error === 404
          ? reply.code(404).send({ error: 'not_found', message: `No warehouse ${warehouseId}` })
          : reply.code(409).send({ error: 'conflict', message: `Staff code ${code} is already used in ${warehouseId}` });
      }
      return result.member;
    },
  );

  app.get('/api/admin/human-touch-rules', { schema: { tags: ['admin'], summary: 'Human-touch rules in force, their version and history', security, response: { 200: humanTouchRulesResponseSchema, 401: apiErrorSchema } } }, async () =>
    database.read(async (tx) => ({ version: await currentRuleVersion(tx), rules: await currentRules(tx), history: await ruleHistory(tx) })),
  );

  app.put(
    '/api/admin/human-touch-rules',
    {
      schema: {
        tags: ['admin'],
        summary: 'Save a new edition of the human-touch rules (instruction and inserts per flag)',
        security,
        body: saveHumanTouchRulesRequestSchema,
        response: { 200: humanTouchRulesResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { rules, note } = request.body;
      const flags = rules.map((r) => r.flag);
      if (new Set(flags).size !== flags.length) return reply.code(400).send({ error: 'bad_request', message: 'Each flag may appear once.' });
      const result = await database.write(async (tx) => {
        const known = new Set((await tx.select({ code: t.inserts.code }).from(t.inserts)).map((i) => i.code));
        const unknown = rules.flatMap((r) => r.insertCodes).filter((c) => !known.has(c));
        if (unknown.length > 0) return { unknown };
        await saveRules(tx, rules, note, now());
        return { version: await currentRuleVersion(tx), rules: await currentRules(tx), history: await ruleHistory(tx) };
      });
      if ('unknown' in result) return reply.code(400).send({ error: 'bad_request', message: `Unknown insert code(s): ${result.unknown!.join(', ')}` });
      return result;
    },
  );
};

