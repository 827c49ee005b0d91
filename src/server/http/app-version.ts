/**
 * The handheld's app and protocol versions on sync requests: an app whose protocol this server no
 * longer serves is answered 426 (the app asks the worker to update), and each pull records the
 * versions on the device so the console can list devices still on an old app.
 */
import { and, eq, or, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_VERSION_HEADER, MIN_SUPPORTED_PROTOCOL, PROTOCOL_HEADER, protocolOf, UPDATE_REQUIRED_CODE, UPDATE_REQUIRED_STATUS } from '../../shared/protocol/app-version.js';
import type { Database } from '../db/client.js';
import * as t from '../db/schema.js';

/** Longest app version kept (a version string, not free text). */
const APP_VERSION_MAX_CHARS = 40;

/** The app version header, trimmed to something a console cell can show; null when absent. */
function appVersionOf(request: FastifyRequest): string | null {
  const raw = request.headers[APP_VERSION_HEADER];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value.slice(0, APP_VERSION_MAX_CHARS) : null;
}

/** An onRequest hook for device routes: 426 for an app below the oldest protocol this server serves. */
export async function refuseOutdatedApps(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const protocol = protocolOf(request.headers[PROTOCOL_HEADER] as string | undefined);
  if (protocol !== null && protocol >= MIN_SUPPORTED_PROTOCOL) return;
  return reply.code(UPDATE_REQUIRED_STATUS).send({
    error: UPDATE_REQUIRED_CODE,
    message: `This app (protocol ${request.headers[PROTOCOL_HEADER] ?? '?'}) is older than this server serves (from protocol ${MIN_SUPPORTED_PROTOCOL}): update the app.`,
  });
}

/**
 * An onSend hook: with a successful pull's answer, keeps the device's app and protocol versions when
 * they changed. Before the answer leaves, so the console reads the versions of every pull answered.
 */
export function recordAppVersion(database: Database) {
  return async <P>(request: FastifyRequest, reply: FastifyReply, payload: P): Promise<P> => {
    if (reply.statusCode !== 200 || request.routeOptions.url !== '/api/sync/pull' || !request.device) return payload;
    const appVersion = appVersionOf(request);
    const protocolVersion = protocolOf(request.headers[PROTOCOL_HEADER] as string | undefined);
    try {
      await database.write((tx) =>
        tx
          .update(t.devices)
          .set({ appVersion, protocolVersion })
          .where(
            and(
              eq(t.devices.id, request.device!.id),
              or(sql`${t.devices.appVersion} is distinct from ${appVersion}`, sql`${t.devices.protocolVersion} is distinct from ${protocolVersion}`),
            ),
          ),
      );
    } catch (error) {
      // The pull was answered; a lost version note only delays the console's column to the next pull.
      request.log.warn({ err: error, deviceId: request.device.id }, 'could not record the app version');
    }
    return payload;
  };
}
