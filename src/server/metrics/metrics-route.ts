/**
 * GET /metrics in the Prometheus text format, behind its own bearer token (METRICS_TOKEN): off when no
 * token is configured, so the figures are never public. A separate token lets a scraper in without
 * the admin token's powers.
 */
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { eventBodySchema } from '../../shared/protocol/events.js';
import { bearerToken, secretsEqual } from '../auth/secrets.js';
import type { Database } from '../db/client.js';
import { observeDispatcher, type SendObserver } from './dispatcher-metrics.js';
import { observeStore } from './store-metrics.js';
import { observeSync } from './sync-metrics.js';

/** Every event type the protocol names: the only values the `type` label takes. */
const EVENT_TYPES: ReadonlySet<string> = new Set(eventBodySchema.def.options.map((option) => option.def.shape.type.def.values[0] as string));

/** Builds this app's registry (one per app, so tests that build many apps do not share counters). */
export function createMetrics(app: FastifyInstance, database: Database, now: () => Date): { registry: Registry; onSend: SendObserver } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'floorpack_process_' });
  observeSync(app, registry, EVENT_TYPES);
  observeStore(registry, database, now);
  return { registry, onSend: observeDispatcher(registry) };
}

/** Registers GET /metrics when a token is configured; without one the route does not exist (404). */
export function registerMetricsRoute(app: FastifyInstance, registry: Registry, token: string | undefined): void {
  if (!token) return;
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const given = bearerToken(request.headers.authorization);
    if (!given || !secretsEqual(given, token)) return reply.code(401).send({ error: 'unauthorized', message: 'Metrics token required (Authorization: Bearer <METRICS_TOKEN>).' });
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
