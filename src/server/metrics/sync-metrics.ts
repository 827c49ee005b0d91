/**
 * Push and pull as an operator sees them: requests and their latency, and every pushed event by type
 * and answer (applied, duplicate, rejected by reason, deferred = kept for retry). Labels carry only
 * names from the protocol (event types, reject codes), never an id, a parcel or a customer.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { EventResult } from '../../shared/protocol/sync.js';

/** The routes measured, by URL path. */
const SYNC_ROUTES: Record<string, 'push' | 'pull'> = { '/api/sync/push': 'push', '/api/sync/pull': 'pull' };

/** Latency buckets (seconds): a push of a few events takes milliseconds, a first pull of a big warehouse seconds. */
const LATENCY_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** An event type the protocol knows, or "unknown" (a device sending garbage must not create label values). */
function typeLabel(type: unknown, known: ReadonlySet<string>): string {
  return typeof type === 'string' && known.has(type) ? type : 'unknown';
}

/** Registers the hooks that count sync traffic into `registry`. */
export function observeSync(app: FastifyInstance, registry: Registry, eventTypes: ReadonlySet<string>): void {
  const requests = new Counter({ name: 'floorpack_sync_requests_total', help: 'Sync requests by route and HTTP status', labelNames: ['route', 'status'], registers: [registry] });
  const duration = new Histogram({
    name: 'floorpack_sync_request_duration_seconds',
    help: 'Time from request to reply, by sync route',
    labelNames: ['route'],
    buckets: LATENCY_BUCKETS_S,
    registers: [registry],
  });
  const events = new Counter({
    name: 'floorpack_sync_events_total',
    help: 'Pushed events by type and answer (applied, duplicate, rejected, deferred = kept for retry); reason is the reject code',
    labelNames: ['type', 'answer', 'reason'],
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = SYNC_ROUTES[request.routeOptions.url ?? ''];
    if (!route) return;
    requests.inc({ route, status: String(reply.statusCode) });
    duration.observe({ route }, reply.elapsedTime / 1000);
  });

  // Before serialisation the reply is still the results array, in the order of the pushed events.
  app.addHook('preSerialization', async (request: FastifyRequest, _reply, payload: unknown) => {
    if (SYNC_ROUTES[request.routeOptions.url ?? ''] !== 'push') return payload;
    const results = (payload as { results?: EventResult[] } | null)?.results;
    const pushed = (request.body as { events?: { type?: unknown }[] } | null)?.events;
    if (!Array.isArray(results) || !Array.isArray(pushed)) return payload;
    results.forEach((result, i) => {
      const reason = result.status === 'rejected' ? result.code : '';
      events.inc({ type: typeLabel(pushed[i]?.type, eventTypes), answer: result.status, reason });
    });
    return payload;
  });
}
