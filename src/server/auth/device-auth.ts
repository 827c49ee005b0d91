/** Device authentication: `Authorization: Bearer <token>` → the device and its warehouse. */
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.js';
import * as t from '../db/schema.js';
import { bearerToken, sha256Hex } from './secrets.js';

/** The device a request comes from; its warehouse scopes everything it may see. */
export interface AuthedDevice {
  id: string;
  name: string;
  warehouseId: string;
  warehouseName: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the device-auth hook on device routes. */
    device: AuthedDevice | null;
  }
}

/** Looks up a live (not revoked) device by its token. */
async function findDeviceByToken(database: Database, token: string): Promise<AuthedDevice | null> {
  const rows = await database.read((tx) =>
    tx
      .select({ id: t.devices.id, name: t.devices.name, warehouseId: t.devices.warehouseId, warehouseName: t.warehouses.name, revokedAt: t.devices.revokedAt })
      .from(t.devices)
      .innerJoin(t.warehouses, eq(t.warehouses.id, t.devices.warehouseId))
      .where(eq(t.devices.tokenHash, sha256Hex(token))),
  );
  const row = rows[0];
  if (!row || row.revokedAt) return null;
  return { id: row.id, name: row.name, warehouseId: row.warehouseId, warehouseName: row.warehouseName };
}

/** An onRequest hook that admits only enrolled, unrevoked devices. */
export function requireDevice(database: Database) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearerToken(request.headers.authorization);
    const device = token ? await findDeviceByToken(database, token) : null;
    if (!device) {
      return reply.code(401).send({
        error: 'unauthorized',
        message: token ? 'This device is not enrolled or was revoked. Enrol it again.' : 'Missing device credential (Authorization: Bearer <token>).',
      });
    }
    request.device = device;
  };
}
