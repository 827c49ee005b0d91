// @vitest-environment node
/** A PIN hashed on the server (node:crypto) checks out on the device (WebCrypto), offline. */
import { describe, expect, it } from 'vitest';
import { verifyStaffPin } from '../../../src/app/device/verify-pin.js';
import { hashStaffPin } from '../../../src/server/auth/staff-pin.js';

describe('staff PIN', () => {
  // Few iterations keep the test quick; the format carries the count, so the check is the same code.
  const stored = hashStaffPin('482913', 1000);

  it('accepts the right PIN and refuses a wrong one', async () => {
    expect(stored).toMatch(/^pbkdf2-sha256\$1000\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(await verifyStaffPin('482913', stored)).toBe(true);
    expect(await verifyStaffPin('482914', stored)).toBe(false);
    expect(await verifyStaffPin('', stored)).toBe(false);
  });

  it('salts each hash, and refuses a hash it cannot read', async () => {
    expect(hashStaffPin('482913', 1000)).not.toBe(stored);
    expect(await verifyStaffPin('482913', 'plain:482913')).toBe(false);
  });
});
