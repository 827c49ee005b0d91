/**
 * A mark in localStorage that this browser was enrolled, with the device's id: if it survives while
 * IndexedDB does not, the browser evicted the device's data, and the next enrolment names the lost
 * device so the server can tell a supervisor what may have gone with it.
 */

const ENROLLED_MARK = 'floorpack.enrolled';

/** The id of the device this browser was enrolled as, or null. */
export function readEnrolledMark(): string | null {
  try {
    return localStorage.getItem(ENROLLED_MARK);
  } catch {
    return null;
  }
}

/** Remembers that this browser is enrolled as `deviceId`. */
export function writeEnrolledMark(deviceId: string): void {
  try {
    localStorage.setItem(ENROLLED_MARK, deviceId);
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
