/**
 * The retry schedule of notifications: exponential backoff with jitter. Pure (the random number comes
 * in), because each outbox row stores the resulting next_attempt_at and tests pin the schedule.
 */

/** How retries spread out. */
export interface BackoffPolicy {
  /** Delay before the first retry, before jitter. */
  baseMs: number;
  /** Upper bound of any delay, before jitter. */
  maxMs: number;
}

/** The default: 30 s, 1 min, 2 min … capped at 1 h. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 3_600_000 };

/**
 * Delay before retrying after the `failedAttempts`-th failure (1 = the first send failed).
 * "Equal jitter": half the exponential delay is fixed, the other half random, so retries of many rows
 * that failed together (SMTP down) spread out but never come back sooner than half the schedule.
 * `random` is in [0, 1).
 */
export function backoffDelayMs(failedAttempts: number, random: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const n = Math.max(1, Math.floor(failedAttempts));
  // 2^(n-1) grows past maxMs long before it overflows; cap the exponent anyway.
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(n - 1, 40));
  const r = Math.min(Math.max(random, 0), 1 - Number.EPSILON);
  return Math.floor(exponential / 2 + r * (exponential / 2));
}

/** What happens after a failed attempt: try again at `delayMs`, or give up (dead) after `maxAttempts`. */
export function nextAfterFailure(
  failedAttempts: number,
  maxAttempts: number,
  random: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): { status: 'retry'; delayMs: number } | { status: 'dead' } {
  if (failedAttempts >= maxAttempts) return { status: 'dead' };
  return { status: 'retry', delayMs: backoffDelayMs(failedAttempts, random, policy) };
}
