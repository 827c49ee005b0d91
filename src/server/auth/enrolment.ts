/** One-time enrolment codes and trading one for a device credential. */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { EnrolResponse } from '../../shared/protocol/sync.js';
import type { Database, Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import { raiseSupervisorFlag } from '../supervision/supervisor-flags.js';
import { newEnrolmentCode, newToken, normaliseEnrolmentCode, secretsEqual, sha256Hex } from './secrets.js';

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

/** The device a browser was before its local database vanished, and its proof of that, if it has one. */
export interface PreviousDevice {
  deviceId: string;
  secret?: string;
}

/** Uses a code (once) and creates the device; the token and recovery secret are returned here and never again. */
export async function enrolDevice(database: Database, code: string, deviceName: string, now: Date, previous?: PreviousDevice): Promise<EnrolResponse> {
  const codeHash = sha256Hex(normaliseEnrolmentCode(code));
  const deviceId = `dev-${randomUUID()}`;
  const token = newToken();
  const recoverySecret = newToken();
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
    await tx.insert(t.devices).values({ id: deviceId, name: deviceName, warehouseId, tokenHash: sha256Hex(token), recoveryHash: sha256Hex(recoverySecret), createdAt: now });
    if (previous) await flagLostDatabase(tx, { previous, deviceId, deviceName, warehouseId, now });
    return { deviceId, deviceName, token, warehouseId, warehouseName: wh.name, recoverySecret };
  });
}

/** Revokes a device: its token answers 401 from now on. */
export async function revokeDevice(database: Database, deviceId: string, now: Date): Promise<void> {
  await database.write((tx) => tx.update(t.devices).set({ revokedAt: now }).where(eq(t.devices.id, deviceId)));
}

/**
 * A browser re-enrolling after its local database vanished (evicted, cleared) names its old device: the
 * events that device recorded after the last one the server has are gone with it, and a supervisor is
 * told. Naming a device proves nothing (anyone with a code could name any device of the warehouse), so
 * the old credential is retired only when the enrolment also brings that device's recovery secret;
 * otherwise it stays valid and the flag says a supervisor must revoke it if the device is really gone.
 * Only a device of the same warehouse counts: a stale id from elsewhere is ignored.
 */
async function flagLostDatabase(
  tx: Tx,
  info: { previous: PreviousDevice; deviceId: string; deviceName: string; warehouseId: string; now: Date },
): Promise<void> {
  const [old] = await tx.select().from(t.devices).where(and(eq(t.devices.id, info.previous.deviceId), eq(t.devices.warehouseId, info.warehouseId)));
  if (!old) return;
  const proven = old.recoveryHash !== null && info.previous.secret !== undefined && secretsEqual(sha256Hex(info.previous.secret), old.recoveryHash);
  const outcome: OldCredential = old.revokedAt ? 'already_revoked' : proven ? 'retired' : old.recoveryHash === null ? 'kept_older_app' : 'kept_unproven';
  if (outcome === 'retired') await tx.update(t.devices).set({ revokedAt: info.now }).where(eq(t.devices.id, old.id));
  await raiseSupervisorFlag(tx, {
    warehouseId: info.warehouseId,
    kind: 'db_lost',
    deviceId: old.id,
    message:
      `Device ${old.name} lost its local database and was enrolled again as ${info.deviceName}. ` +
      `The server has its events up to #${old.lastDeviceSeq}; any it recorded after that and had not synced are lost: check the parcels it was working on. ` +
      OLD_CREDENTIAL_SAYS[outcome],
    detail: { previousDeviceId: old.id, newDeviceId: info.deviceId, lastDeviceSeq: String(old.lastDeviceSeq), oldCredential: outcome },
    at: info.now,
  });
}

/** What became of the old device's credential when a re-enrolment named it. */
type OldCredential = 'retired' | 'already_revoked' | 'kept_older_app' | 'kept_unproven';

const OLD_CREDENTIAL_SAYS: Record<OldCredential, string> = {
  retired: 'The new enrolment proved it is that device, so the old credential was retired.',
  already_revoked: 'The old credential was already revoked.',
  kept_older_app:
    'It was enrolled by an older app, which cannot prove the new enrolment is the same device, so the old credential is still valid: revoke it in the console (端末) once you have checked the device is gone.',
  kept_unproven:
    'The new enrolment did not prove it is that device, so the old credential is still valid: if that device is still working, someone named it by mistake or on purpose; if it is gone, revoke it in the console (端末).',
};
