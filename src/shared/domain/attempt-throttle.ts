/**
 * Throttles guesses (a staff PIN typed on the device): after `maxFailures` wrong tries in a row, further
 * tries are refused until `lockMs` has passed. Pure: the clock comes in as an argument.
 */

/** Wrong PINs allowed in a row before a pause. */
export const PIN_MAX_FAILURES = 5;
/** How long sign-in for that badge is refused after too many wrong PINs. */
export const PIN_LOCK_MS = 60_000;

/** The state kept per key (per badge). */
export interface AttemptState {
  failures: number;
  lockedUntil: number | null;
}

/** Milliseconds left before `state` allows another try at `now` (0 = allowed). */
export function lockRemainingMs(state: AttemptState | undefined, now: number): number {
  return state?.lockedUntil != null && state.lockedUntil > now ? state.lockedUntil - now : 0;
}

/** The state after a try at `now` that succeeded (reset) or failed (counted, locked at the limit). */
export function recordAttempt(state: AttemptState | undefined, ok: boolean, now: number, maxFailures = PIN_MAX_FAILURES, lockMs = PIN_LOCK_MS): AttemptState {
  if (ok) return { failures: 0, lockedUntil: null };
  const failures = (state?.lockedUntil != null && state.lockedUntil <= now ? 0 : (state?.failures ?? 0)) + 1;
  return failures >= maxFailures ? { failures, lockedUntil: now + lockMs } : { failures, lockedUntil: null };
}
