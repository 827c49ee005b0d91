/** Checks a typed staff PIN offline against the hash pulled with the catalogue (PBKDF2-SHA256, WebCrypto). */
import { bytesEqual, parseStaffPinHash } from '../../shared/domain/staff-pin.js';

/** True when `pin` matches `stored`; false for a wrong PIN or a hash this app cannot read. */
export async function verifyStaffPin(pin: string, stored: string, subtle: SubtleCrypto = crypto.subtle): Promise<boolean> {
  const parts = parseStaffPinHash(stored);
  if (!parts) return false;
  const key = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: parts.salt as BufferSource, iterations: parts.iterations }, key, parts.hash.length * 8);
  return bytesEqual(new Uint8Array(bits), parts.hash);
}
