/**
 * GET /healthz (liveness: the process answers) and GET /readyz (readiness: send it traffic). A load
 * balancer restarts a server that fails /healthz, and only routes handhelds to one that passes /readyz.
 */
import * as z from 'zod/mini';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MIGRATIONS_DIR, type Database } from '../db/client.js';
import { readAppliedMigrations, readJournal } from '../db/migrate.js';
import type { ServerState } from '../lifecycle/server-state.js';

const healthSchema = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) });
const readySchema = z.object({ status: z.enum(['ready', 'not_ready']), reason: z.optional(z.string()) });

/** How long the readiness query may take before the database counts as not answering. */
const READY_QUERY_TIMEOUT_MS = 2000;

/** Registers /healthz and /readyz. */
export const healthRoutes: FastifyPluginAsyncZod<{ database: Database; state: ServerState }> = async (app, { database, state }) => {
  const codeMigrations = readJournal(MIGRATIONS_DIR).length;

  // No database query: a slow or lost database makes the server unready, not dead (a restart would not help).
  app.get('/healthz', { schema: { tags: ['ops'], summary: 'Liveness: the process answers', response: { 200: healthSchema } } }, async () => ({
    status: 'ok' as const,
    db: database.kind,
  }));

  app.get(
    '/readyz',
    { schema: { tags: ['ops'], summary: 'Readiness: migrated, database answering, not draining', response: { 200: readySchema, 503: readySchema } } },
    async (_request, reply) => {
      const notReady = (reason: string) => reply.code(503).send({ status: 'not_ready' as const, reason });
      if (state.draining) return notReady('draining: the server is shutting down');
      let applied: { count: number };
      try {
        applied = await withTimeout(database.read((tx) => readAppliedMigrations(tx)), READY_QUERY_TIMEOUT_MS);
      } catch {
        return notReady('the database does not answer');
      }
      if (applied.count < codeMigrations) return notReady(`migrations pending: ${applied.count} of ${codeMigrations} applied`);
      return { status: 'ready' as const };
    },
  );
};

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
