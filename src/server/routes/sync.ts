/** GET /api/sync/pull and POST /api/sync/push. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pushRequestSchema } from '../../shared/protocol/push-request.js';
import * as z from 'zod/mini';
import { apiErrorSchema, PUSH_MAX_BYTES, pullQuerySchema, pullResponseSchema, pushResponseSchema, type EventResult } from '../../shared/protocol/sync.js';
import { PULL_NEXT_CURSOR_HEADER } from '../../shared/protocol/pull-header.js';
import type { PickSettings } from '../../shared/picking/pick-settings.js';
import type { Database } from '../db/client.js';
import { recordOutboxReport } from '../supervision/outbox-report.js';
import { pullChanges } from '../sync/pull.js';
import { pushEvents } from '../sync/push.js';
import { readPushedEvents } from '../sync/read-events.js';

/** A 413 says the limit in words and as a number. */
const payloadTooLargeSchema = z.object({ error: z.string(), message: z.string(), maxBytes: z.int() });

/** When each pull's handler returned, so onSend can time the serialisation. */
const handlerDone = new WeakMap<object, number>();

/** Options of the sync routes. */
export interface SyncRoutesOptions {
  database: Database;
  now: () => Date;
  pickSettings?: PickSettings;
  /** Called after each push transaction committed (app.ts wakes the notification dispatcher with it). */
  afterPushCommitted?: () => void;
}

/** Registers pull and push; expects the device scope's credential check. The warehouse always comes from the credential, never from the request. */
export const syncRoutes: FastifyPluginAsyncZod<SyncRoutesOptions> = async (app, { database, now, pickSettings, afterPushCommitted }) => {
  app.get(
    '/api/sync/pull',
    {
      schema: {
        tags: ['sync'],
        summary: 'Catalogue and parcels changed since a cursor',
        security: [{ device: [] }],
        querystring: pullQuerySchema,
        response: { 200: pullResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema },
      },
      // Plain JSON.stringify, not the zod check of the reply: the page is built field by field from
      // typed rows (toParcel, loadCatalogue, toPickBatch), so the check only copied it again, and it
      // was a third of the server's time per page. The schema still documents the reply, and the
      // device checks every page it receives.
      serializerCompiler: () => (data) => JSON.stringify(data),
      // Server-Timing (report, query, serialise): the device's benchmark splits a pull's time with it.
      onSend: async (request, reply, payload) => {
        const done = handlerDone.get(request);
        if (done !== undefined) reply.header('server-timing', `${reply.getHeader('server-timing')}, serialise;dur=${(performance.now() - done).toFixed(1)}`);
        return payload;
      },
    },
    async (request, reply) => {
      const { cursor, limit } = request.query;
      const t0 = performance.now();
      await recordOutboxReport(database, request.device!.id, request.query, now());
      const t1 = performance.now();
      const cpu0 = process.cpuUsage();
      const page = await pullChanges(database, request.device!.warehouseId, cursor, limit, pickSettings);
      const t2 = performance.now();
      const cpu = process.cpuUsage(cpu0);
      // query-cpu: the process's CPU time during the query; far below query's wall time, the machine was busy.
      reply.header('server-timing', `report;dur=${(t1 - t0).toFixed(1)}, query;dur=${(t2 - t1).toFixed(1)}, query-cpu;dur=${((cpu.user + cpu.system) / 1000).toFixed(1)}`);
      // The next page's cursor before the body: the device asks for that page while it still parses this one.
      if (page.more) reply.header(PULL_NEXT_CURSOR_HEADER, page.cursor);
      handlerDone.set(request, t2);
      return page;
    },
  );

  app.post(
    '/api/sync/push',
    {
      schema: {
        tags: ['sync'],
        summary: 'Apply outbox events, each exactly once',
        security: [{ device: [] }],
        body: pushRequestSchema,
        response: { 200: pushResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema, 413: payloadTooLargeSchema, 503: apiErrorSchema },
      },
      // The limit every pull reply announces (pushLimits): a device cuts its batches to fit it.
      bodyLimit: PUSH_MAX_BYTES,
    },
    async (request) => {
      const device = request.device!;
      const ctx = { deviceId: device.id, deviceName: device.name, warehouseId: device.warehouseId, now: now() };
      const onFallback = (error: unknown) => request.log.warn({ err: error }, 'push transaction failed: applying its events one transaction each');
      // The event's id and type only: its payload carries customers' data.
      const onEventFailed = (event: { id: string; type: string }, error: unknown) =>
        request.log.error({ err: error, eventId: event.id, eventType: event.type, deviceId: device.id }, 'event could not be applied: answered deferred and flagged');
      // Each event is checked on its own: one that does not read is answered alone, the rest applied.
      const { events, places, answers } = readPushedEvents(request.body.events);
      if (events.length > 0) {
        const results = await pushEvents(database, ctx, events, { onFallback, onEventFailed, afterCommit: afterPushCommitted });
        results.forEach((result, i) => (answers[places[i]] = result));
      }
      return { results: answers as EventResult[] };
    },
  );
};
