/** PIN guesses on the device: five wrong in a row lock that badge for a minute. */
import { describe, expect, it } from 'vitest';
import { lockRemainingMs, PIN_LOCK_MS, PIN_MAX_FAILURES, recordAttempt, type AttemptState } from '../../../src/shared/domain/attempt-throttle.js';

describe('attempt throttle', () => {
  it('locks after the limit, unlocks after the pause, and a success resets the count', () => {
    let state: AttemptState | undefined;
    for (let i = 1; i < PIN_MAX_FAILURES; i++) {
      state = recordAttempt(state, false, 1000 * i);
      expect(lockRemainingMs(state, 1000 * i)).toBe(0);
    }
    state = recordAttempt(state, false, 10_000);
    expect(lockRemainingMs(state, 10_000)).toBe(PIN_LOCK_MS);
    expect(lockRemainingMs(state, 10_000 + PIN_LOCK_MS)).toBe(0);
    // After the pause one more wrong try does not lock again at once.
    state = recordAttempt(state, false, 10_000 + PIN_LOCK_MS + 1);
    expect(state).toEqual({ failures: 1, lockedUntil: null });
    expect(recordAttempt(state, true, 99_000)).toEqual({ failures: 0, lockedUntil: null });
  });
});
