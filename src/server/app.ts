/** Builds the Fastify app (no listen), so tests drive it with app.inject and main.ts only listens. */
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { en } from 'zod/locales';
import { config as configureZod } from 'zod/mini';
import { requireDevice } from './auth/device-auth.js';
import type { Database } from './db/client.js';
import { registerSecurity } from './http/security.js';
import { registerStrictJsonParser } from './http/strict-json.js';
import { adminRoutes } from './routes/admin.js';
import { adminDeviceRoutes, adminStaffPinRoutes } from './routes/admin-devices.js';
import { deviceRoutes } from './routes/device.js';
import { enrolRoutes } from './routes/enrol.js';
import { healthRoutes } from './routes/health.js';
import { registerPwa } from './routes/pwa.js';
import { syncRoutes } from './routes/sync.js';
import { pickAdminRoutes } from './routes/pick-admin.js';
import { DEFAULT_PICK_SETTINGS, type PickSettings } from '../shared/picking/pick-settings.js';
import type { HeaderMapping } from './import/header-map.js';
import type { AfterShipmentsImported } from './import/run-import.js';
import { adminConsoleRoutes } from './routes/admin-console.js';
import { adminImportRoutes } from './routes/admin-import.js';
import { rebuildBatches } from './picking/rebuild-batches.js';
import { notificationRoutes } from './routes/notifications.js';
import { Dispatcher } from './notify/dispatcher.js';
import type { NotifyConfig } from './notify/config.js';

// The shared schemas are zod/mini (so the PWA bundles little of zod), and zod/mini loads no locale:
// the 400 answers quote zod's messages, so they stay English sentences ("Too small: expected …").
configureZod(en());

/** Largest request body accepted: a full push of 500 events is well under this. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** What the app needs from its caller. */
export interface BuildAppOptions {
  database: Database;
  adminToken: string;
  /** The built PWA (vite's dist/); null or a folder without index.html serves a "run npm run build" page. */
  staticDir?: string | null;
  enrolCodeTtlMin?: number;
  /** Enrolment attempts allowed per client address per minute (default 10). */
  enrolRateLimitPerMin?: number;
  logger?: FastifyServerOptions['logger'];
  /** Log every request and response (Fastify's per-request lines); off unless asked, they drown the rest. */
  requestLogging?: boolean;
  /** The server clock; tests move it. */
  now?: () => Date;
  /** Picking settings (batch size, location format …); the defaults when absent. */
  pickSettings?: PickSettings;
  /** Extra header names for the import (see import/header-map.ts); the default is the back-office export. */
  importHeaderMapping?: HeaderMapping;
  /** Called after an import committed shipments; by default the pick batches are rebuilt. */
  afterShipmentsImported?: AfterShipmentsImported;
  /** Return notifications: a dispatcher is built when given, and polls when autoStart (main.ts). */
  notify?: { config: NotifyConfig; autoStart: boolean };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The notification dispatcher of this app, or null when it was built without one. */
    dispatcher: Dispatcher | null;
  }
}

/** Builds the app with every route registered and ready. */
export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const { database, adminToken } = opts;
  const now = opts.now ?? (() => new Date());
  const app = Fastify({
    logger: opts.logger ?? false,
    logController: new LogController({ disableRequestLogging: !opts.requestLogging }),
    bodyLimit: BODY_LIMIT_BYTES,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('device', null);
  registerStrictJsonParser(app);

  app.setErrorHandler((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const message = error.validation
        .map((issue) => `${issue.instancePath ? issue.instancePath.replace(/^\//, '').replaceAll('/', '.') : error.validationContext ?? 'request'}: ${issue.message}`)
        .join('; ');
      return reply.code(400).send({ error: 'bad_request', message: `Invalid ${error.validationContext ?? 'request'}: ${message}` });
    }
    const err = error as { statusCode?: number; code?: string; message?: string };
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send({ error: 'payload_too_large', message: `Request body is larger than ${BODY_LIMIT_BYTES} bytes.` });
    }
    if (err.statusCode === 429) {
      // The rate limiter (http/security.ts): say when to come back; Retry-After is already set.
      return reply.code(429).send({ error: 'rate_limited', message: err.message ?? 'Too many requests' });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own client errors (malformed JSON, wrong content type): say what, keep the shape.
      return reply.code(err.statusCode).send({ error: 'bad_request', message: err.message ?? 'Bad request' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: 'internal', message: 'Internal server error. It has been logged.' });
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'floorpack sync server', version: '0.1.0', description: 'Enrolment, pull and push for the floorpack handheld app.' },
      components: {
        securitySchemes: {
          device: { type: 'http', scheme: 'bearer', description: 'Device token from POST /api/enrol' },
          admin: { type: 'http', scheme: 'bearer', description: 'Admin token (ADMIN_TOKEN or DATA_DIR/admin-token)' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  await registerSecurity(app);
  await app.register(healthRoutes, { database });
  app.get('/api/openapi.json', { schema: { tags: ['ops'], summary: 'This OpenAPI document' } }, async () => app.swagger());
  await app.register(enrolRoutes, { database, now, perMinute: opts.enrolRateLimitPerMin ?? 10 });
  await app.register(adminRoutes, { database, adminToken, enrolCodeTtlMin: opts.enrolCodeTtlMin ?? 60, now });
  await app.register(adminDeviceRoutes, { database, adminToken, now });
  await app.register(adminStaffPinRoutes, { database, adminToken, now });
  // Device routes share one scope whose hook demands a device credential; unknown URLs are outside it
  // and still get their 404.
  await app.register(async (scope) => {
    scope.addHook('onRequest', requireDevice(database));
    await scope.register(deviceRoutes);
    await scope.register(syncRoutes, { database, now, pickSettings: opts.pickSettings ?? DEFAULT_PICK_SETTINGS });
  });
  await app.register(pickAdminRoutes, { database, adminToken, now, pickSettings: opts.pickSettings ?? DEFAULT_PICK_SETTINGS });
  // --- import and warehouse console (issue 7) ---
  await app.register(adminImportRoutes, { database, adminToken, headerMapping: opts.importHeaderMapping, afterShipmentsImported: opts.afterShipmentsImported ?? rebuildBatchesAfterImport(database, opts.pickSettings ?? DEFAULT_PICK_SETTINGS, now) });
  await app.register(adminConsoleRoutes, { database, adminToken, now });
  // Return notifications (issue 4): the dispatcher sends after commit; a push wakes it.
  const dispatcher = opts.notify ? new Dispatcher({ database, config: opts.notify.config, now, log: app.log }) : null;
  app.decorate('dispatcher', dispatcher);
  await app.register(notificationRoutes, { database, adminToken, now, kick: () => dispatcher?.kick() });
  if (dispatcher) {
    app.addHook('onResponse', async (request) => {
      if (request.url === '/api/sync/push') dispatcher.kick();
    });
    app.addHook('onClose', async () => dispatcher.stop());
    if (opts.notify!.autoStart) app.addHook('onReady', async () => dispatcher.start());
  }
  await registerPwa(app, opts.staticDir ?? null);
  await app.ready();
  return app;
}

/** New parcels join pick batches as soon as an import commits them (a rebuild never moves parcels being picked). */
export function rebuildBatchesAfterImport(database: Database, pickSettings: PickSettings, now: () => Date = () => new Date()): AfterShipmentsImported {
  return async ({ warehouseId }) => {
    await rebuildBatches(database, warehouseId, pickSettings.batchSize, now());
  };
}
