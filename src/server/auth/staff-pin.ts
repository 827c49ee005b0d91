/**
 * Staff sign-in PINs: hashed here with PBKDF2-SHA256 and a random salt, pulled with the catalogue, and
 * checked offline on the device (app/auth/verify-pin.ts). Trade-off, stated plainly: a 4–8 digit PIN
 * whose hash sits on the device can be brute-forced by anyone who extracts the device's storage (10^4–
 * 10^8 guesses). The PIN keeps one worker from signing in as another on a shared handheld; it is not
 * a secret against a stolen device — revocation (which wipes the device) is the answer to that.
 */
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { formatStaffPinHash, STAFF_PIN_ITERATIONS } from '../../shared/domain/staff-pin.js';
import { nextChangeSeq } from '../db/change-seq.js';
import type { Database } from '../db/client.js';
import * as t from '../db/schema.js';

/** The stored form of `pin` with a fresh salt. */
export function hashStaffPin(pin: string, iterations = STAFF_PIN_ITERATIONS): string {
  const salt = randomBytes(16);
  const hash = pbkdf2Sync(pin, salt, iterations, 32, 'sha256');
  return formatStaffPinHash({ iterations, salt, hash });
}

/** Sets (or with null clears) a staff member's PIN and stamps the row so devices pull it; false if unknown. */
export async function setStaffPin(database: Database, staffId: string, pin: string | null): Promise<boolean> {
  const pinHash = pin === null ? null : hashStaffPin(pin);
  return database.write(async (tx) => {
    const rows = await tx.select({ id: t.staff.id }).from(t.staff).where(eq(t.staff.id, staffId)).for('update');
    if (rows.length === 0) return false;
    await tx.update(t.staff).set({ pinHash, seq: await nextChangeSeq(tx) }).where(eq(t.staff.id, staffId));
    return true;
  });
}
