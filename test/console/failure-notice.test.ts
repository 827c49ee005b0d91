/** What the supervisor reads when a call fails, and when the console asks for the token again. */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/console/api.js';
import { failureNotice, signInFailure, TOKEN_REFUSED_NOTICE, WRONG_TOKEN_NOTICE } from '../../src/console/failure-notice.js';

describe('a failed call', () => {
  it('a refused token signs the console out and says why', () => {
    expect(failureNotice(new ApiError(401, 'Unauthorized'))).toEqual({ notice: TOKEN_REFUSED_NOTICE, signOut: true });
  });

  it("any other failure shows the server's message and keeps the supervisor signed in", () => {
    expect(failureNotice(new ApiError(400, 'Cannot tell what this file is'))).toEqual({ notice: 'Cannot tell what this file is', signOut: false });
    expect(failureNotice(new TypeError('Failed to fetch'))).toEqual({ notice: 'Failed to fetch', signOut: false });
    expect(failureNotice('offline')).toEqual({ notice: 'offline', signOut: false });
  });
});

describe('signing in', () => {
  it('a token the server refuses is called wrong; other failures say what happened', () => {
    expect(signInFailure(new ApiError(401, 'Unauthorized'))).toBe(WRONG_TOKEN_NOTICE);
    expect(signInFailure(new ApiError(429, 'Too many requests'))).toBe('Too many requests');
    expect(signInFailure(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
  });
});
