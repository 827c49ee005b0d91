/** Builds the Fastify app (no listen), so tests drive it with app.inject and main.ts only listens. */
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { en } from 'zod/locales';
import { config as configureZod } from 'zod/mini';
import { DEFAULT_PICK_SETTINGS, type PickSettings } from '../shared/picking/pick-settings.js';
import { requireAdmin } from './auth/admin-token.js';
import { requireDevice } from './auth/device-auth.js';
import type { Database } from './db/client.js';
import { recordAppVersion, refuseOutdatedApps } from './http/app-version.js';
import { answerErrors } from './http/error-answer.js';
import { registerOpenApi } from './http/openapi.js';
import { registerSecurity } from './http/security.js';
import { registerStrictJsonParser } from './http/strict-json.js';
import { ServerState } from './lifecycle/server-state.js';
import { createMetrics, registerMetricsRoute } from './metrics/metrics-route.js';
import type { HeaderMapping } from './import/header-map.js';
import type { AfterShipmentsImported } from './import/run-import.js';
import type { NotifyConfig } from './notify/config.js';
import { Dispatcher } from './notify/dispatcher.js';
import { rebuildBatchesAfterImport } from './picking/rebuild-batches.js';
import { adminRoutes } from './routes/admin.js';
import { adminBackupRoutes } from './routes/admin-backup.js';
import { adminConsoleRoutes } from './routes/admin-console.js';
import { adminDeviceRoutes } from './routes/admin-devices.js';
import { adminParcelRoutes } from './routes/admin-parcel.js';
import { adminImportRoutes } from './routes/admin-import.js';
import { adminShippingRoutes } from './routes/admin-shipping.js';
import { adminStaffRoutes } from './routes/admin-staff.js';
import { deviceRoutes } from './routes/device.js';
import { enrolRoutes } from './routes/enrol.js';
import { healthRoutes } from './routes/health.js';
import { notificationRoutes } from './routes/notifications.js';
import { pickAdminRoutes } from './routes/pick-admin.js';
import { practiceSheetRoutes } from './routes/practice-sheet.js';
import { registerPwa } from './routes/pwa.js';
import { syncRoutes } from './routes/sync.js';

// The shared schemas are zod/mini (so the PWA bundles little of zod), and zod/mini loads no locale:
// the 400 answers quote zod's messages, so they stay English sentences ("Too small: expected …").
configureZod(en());

/** Largest request body of the other routes (the push route takes PUSH_MAX_BYTES, the import its own limit). */
const BODY_LIMIT_BYTES = 1024 * 1024;

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
  /**
   * The reverse proxies whose X-Forwarded-For is believed (addresses, CIDR ranges): behind them the
   * enrolment rate limit and the logs see each client, not the proxy. None by default.
   */
  trustProxy?: string[];
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
  /** The process's state (draining after SIGTERM); main.ts shares it with its signal handler. */
  state?: ServerState;
  /** The bearer token of GET /metrics; without one the route does not exist. */
  metricsToken?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The notification dispatcher of this app, or null when it was built without one. */
    dispatcher: Dispatcher | null;
    /** Serving or draining: main.ts starts draining on SIGTERM. */
    serverState: ServerState;
  }
}

/** Builds the app with every route registered and ready. */
export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const { database, adminToken } = opts;
  const now = opts.now ?? (() => new Date());
  const pickSettings = opts.pickSettings ?? DEFAULT_PICK_SETTINGS;
  const app = Fastify({
    logger: opts.logger ?? false,
    logController: new LogController({ disableRequestLogging: !opts.requestLogging }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: opts.trustProxy && opts.trustProxy.length > 0 ? opts.trustProxy : false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('device', null);
  registerStrictJsonParser(app);
  app.setErrorHandler(answerErrors(BODY_LIMIT_BYTES));
  await registerOpenApi(app);
  await registerSecurity(app);
  const state = opts.state ?? new ServerState();
  app.decorate('serverState', state);
  const metrics = createMetrics(app, database, now);
  registerMetricsRoute(app, metrics.registry, opts.metricsToken);
  // Draining: a push that arrives now is refused with a retry hint (the device keeps it queued and
  // sends it to the next server); the pushes already in flight finish before the process exits.
  app.addHook('onRequest', async (request, reply) => {
    if (state.draining && request.url.startsWith('/api/sync/push')) {
      return reply.code(503).header('retry-after', '5').send({ error: 'draining', message: 'The server is restarting; the device sends again shortly.' });
    }
  });
  // Every answer while draining closes its connection: a kept-alive socket would hold the close open
  // (and carry the client's next request to a server on its way out).
  app.addHook('onSend', async (_request, reply, payload) => {
    if (state.draining) reply.header('connection', 'close');
    return payload;
  });

  // Return notifications are sent after the push that recorded them has committed: the push wakes
  // the dispatcher then, and between pushes it polls.
  const dispatcher = opts.notify ? new Dispatcher({ database, config: opts.notify.config, now, log: app.log, observe: metrics.onSend }) : null;
  app.decorate('dispatcher', dispatcher);
  const wakeDispatcher = () => dispatcher?.kick();

  await app.register(healthRoutes, { database, state });
  await app.register(enrolRoutes, { database, now, perMinute: opts.enrolRateLimitPerMin ?? 10 });
  // Two scopes, each with one hook that demands its credential. Unknown URLs are in neither, so they
  // still get the not-found handler's 404 rather than a 401.
  await app.register(async (devices) => {
    devices.addHook('onRequest', requireDevice(database));
    devices.addHook('onRequest', refuseOutdatedApps);
    devices.addHook('onSend', recordAppVersion(database));
    await devices.register(deviceRoutes);
    await devices.register(syncRoutes, { database, now, pickSettings, afterPushCommitted: wakeDispatcher });
  });
  await app.register(async (admin) => {
    admin.addHook('onRequest', requireAdmin(adminToken));
    await admin.register(adminRoutes, { database, enrolCodeTtlMin: opts.enrolCodeTtlMin ?? 60, now });
    await admin.register(adminDeviceRoutes, { database, now });
    await admin.register(adminStaffRoutes, { database });
    await admin.register(pickAdminRoutes, { database, now, pickSettings });
    const afterShipmentsImported = opts.afterShipmentsImported ?? rebuildBatchesAfterImport(database, pickSettings, now);
    await admin.register(adminImportRoutes, { database, headerMapping: opts.importHeaderMapping, afterShipmentsImported });
    await admin.register(adminConsoleRoutes, { database, now });
    await admin.register(adminParcelRoutes, { database });
    await admin.register(notificationRoutes, { database, now, kick: wakeDispatcher });
    await admin.register(adminShippingRoutes, { database, now });
    await admin.register(adminBackupRoutes, { database });
  });

  if (dispatcher) {
    // Closing hands the dispatcher's unfinished claims back at once (see Dispatcher.drain).
    app.addHook('onClose', async () => void (await dispatcher.drain()));
    if (opts.notify!.autoStart) app.addHook('onReady', async () => dispatcher.start());
  }
  await app.register(practiceSheetRoutes);
  await registerPwa(app, opts.staticDir ?? null);
  await app.ready();
  return app;
}
