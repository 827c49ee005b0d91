/** One-time enrolment codes and trading one for a device credential. */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { EnrolResponse } from '../../shared/protocol/sync.js';
import type { Database } from '../db/client.js';
import * as t from '../db/schema.js';
import { newEnrolmentCode, newToken, normaliseEnrolmentCode, sha256Hex } from './secrets.js';

/** Why an enrolment was refused; the route turns it into a 400/401 answer. */
export class EnrolError extends Error {
  constructor(
    readonly code: 'unknown_warehouse' | 'invalid_code' | 'code_used' | 'code_expired',
    message: string,
  ) {
    super(message);
    this.name = 'EnrolError';
  }
}

/** Creates a single-use code for `warehouseId`, valid for `ttlMin` minutes from `now`; only its hash is stored. */
export async function createEnrolmentCode(database: Database, warehouseId: string, ttlMin: number, now: Date) {
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + ttlMin * 60_000);
  await database.write(async (tx) => {
    const wh = await tx.select({ id: t.warehouses.id }).from(t.warehouses).where(eq(t.warehouses.id, warehouseId));
    if (wh.length === 0) throw new EnrolError('unknown_warehouse', `Unknown warehouse ${warehouseId}`);
    await tx.insert(t.enrolmentCodes).values({ codeHash: sha256Hex(normaliseEnrolmentCode(code)), warehouseId, createdAt: now, expiresAt });
  });
  return { code, warehouseId, expiresAt: expiresAt.toISOString() };
}

/** Uses a code (once) and creates the device; the token is returned here and never again. */
export async function enrolDevice(database: Database, code: string, deviceName: string, now: Date): Promise<EnrolResponse> {
  const codeHash = sha256Hex(normaliseEnrolmentCode(code));
  const deviceId = `dev-${randomUUID()}`;
  const token = newToken();
  return database.write(async (tx) => {
    // One conditional UPDATE claims the code, so two devices racing on one code cannot both win.
    const claimed = await tx
      .update(t.enrolmentCodes)
      .set({ usedAt: now, usedByDeviceId: deviceId })
      .where(and(eq(t.enrolmentCodes.codeHash, codeHash), isNull(t.enrolmentCodes.usedAt), gt(t.enrolmentCodes.expiresAt, now)))
      .returning({ warehouseId: t.enrolmentCodes.warehouseId });
    if (claimed.length === 0) {
      const [found] = await tx.select().from(t.enrolmentCodes).where(eq(t.enrolmentCodes.codeHash, codeHash));
      if (!found) throw new EnrolError('invalid_code', 'This enrolment code is not valid. Check it and try again, or ask for a new one.');
      if (found.usedAt) throw new EnrolError('code_used', 'This enrolment code has already been used. Ask for a new one.');
      throw new EnrolError('code_expired', 'This enrolment code has expired. Ask for a new one.');
    }
    const warehouseId = claimed[0].warehouseId;
    const [wh] = await tx.select().from(t.warehouses).where(eq(t.warehouses.id, warehouseId));
    await tx.insert(t.devices).values({ id: deviceId, name: deviceName, warehouseId, tokenHash: sha256Hex(token), createdAt: now });
    return { deviceId, deviceName, token, warehouseId, warehouseName: wh.name };
  });
}

/** Revokes a device: its token answers 401 from now on. */
export async function revokeDevice(database: Database, deviceId: string, now: Date): Promise<void> {
  await database.write((tx) => tx.update(t.devices).set({ revokedAt: now }).where(eq(t.devices.id, deviceId)));
}
