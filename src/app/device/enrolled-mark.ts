/**
 * A mark in localStorage that this browser was enrolled, with the device's id and recovery secret:
 * if it survives while IndexedDB does not, the browser evicted the device's data, and the next
 * enrolment names the lost device (so the server can tell a supervisor what may have gone with it)
 * and proves with the secret that it is that device (so the server retires the old credential).
 */

const ENROLLED_MARK = 'floorpack.enrolled';

/** The device this browser was enrolled as; no secret when an older app wrote the mark. */
export interface EnrolledMark {
  deviceId: string;
  recoverySecret: string | null;
}

/** The mark, or null; an older app's mark (the bare device id) reads as a mark without a secret. */
export function readEnrolledMark(): EnrolledMark | null {
  let raw: string | null;
  try {
    raw = localStorage.getItem(ENROLLED_MARK);
  } catch {
    return null;
  }
  if (!raw) return null;
  if (!raw.startsWith('{')) return { deviceId: raw, recoverySecret: null };
  try {
    const parsed: unknown = JSON.parse(raw);
    const { deviceId, recoverySecret } = (parsed ?? {}) as Record<string, unknown>;
    if (typeof deviceId !== 'string' || deviceId === '') return null;
    return { deviceId, recoverySecret: typeof recoverySecret === 'string' && recoverySecret !== '' ? recoverySecret : null };
  } catch {
    return null;
  }
}

/** Remembers that this browser is enrolled as `deviceId`, with the secret that proves it later. */
export function writeEnrolledMark(mark: EnrolledMark): void {
  try {
    localStorage.setItem(ENROLLED_MARK, JSON.stringify(mark));
  } catch {
    // Without localStorage we simply cannot detect a vanished database.
  }
}

/** Forgets the mark (a wipe: nothing was lost, the device was cleared on purpose). */
export function clearEnrolledMark(): void {
  try {
    localStorage.removeItem(ENROLLED_MARK);
  } catch {
    // See writeEnrolledMark.
  }
}
