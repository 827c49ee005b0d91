/**
 * The stored form of a staff sign-in PIN: "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>". The
 * server makes it (node:crypto), the device checks a typed PIN against it offline (WebCrypto). Pure:
 * parsing and comparison only.
 */

/** PBKDF2 iterations for new PINs: ~0.1 s on a low-end handheld, so a sign-in stays quick. */
export const STAFF_PIN_ITERATIONS = 100_000;
/** A PIN is 4–8 digits (typed on a handheld, often with gloves). */
export const STAFF_PIN_PATTERN = /^\d{4,8}$/;

/** The parts of a stored PIN hash. */
export interface StaffPinHash {
  iterations: number;
  salt: Uint8Array;
  hash: Uint8Array;
}

/** Encodes the parts as the stored string. */
export function formatStaffPinHash(parts: StaffPinHash): string {
  return `pbkdf2-sha256$${parts.iterations}$${toHex(parts.salt)}$${toHex(parts.hash)}`;
}

/** Parses the stored string, or null when it is not one. */
export function parseStaffPinHash(stored: string): StaffPinHash | null {
  const m = /^pbkdf2-sha256\$(\d{1,7})\$([0-9a-f]{16,128})\$([0-9a-f]{64})$/.exec(stored);
  if (!m) return null;
  return { iterations: Number(m[1]), salt: fromHex(m[2]), hash: fromHex(m[3]) };
}

/** Compares two byte strings without stopping at the first difference. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
