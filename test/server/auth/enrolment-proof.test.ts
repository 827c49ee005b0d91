/**
 * Re-enrolment after a vanished database: naming the old device raises a supervisor flag, and only
 * the old device's recovery secret retires its credential. Anyone holding any enrolment code must not
 * be able to knock a working handheld off the floor by its id.
 */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { enrolResponseSchema, type EnrolResponse } from '../../../src/shared/protocol/sync.js';
import { sha256Hex } from '../../../src/server/auth/secrets.js';
import * as t from '../../../src/server/db/schema.js';
import type { DemoApp } from '../../../src/server/demo/demo-app.js';
import { resetDemo } from '../../../src/server/demo/seed-demo.js';
import { bearer } from '../../helpers/events.js';
import { useDemoApp } from '../../helpers/in-process-server.js';
import { TEST_DATABASE_TARGETS } from '../../helpers/test-databases.js';

describe.each(TEST_DATABASE_TARGETS)('re-enrolment naming an old device on $name', (target) => {
  let demo: DemoApp;
  useDemoApp(target, (d) => (demo = d));
  beforeEach(() => resetDemo(demo.database));

  /** Enrols with a fresh code, naming `previous` as the device this browser was. */
  async function enrolNaming(previous: { previousDeviceId?: string; previousDeviceSecret?: string }, warehouseId = 'WH1'): Promise<EnrolResponse> {
    const code = (await demo.app.inject({ method: 'POST', url: '/api/admin/enrolment-codes', payload: { warehouseId }, headers: bearer(demo.adminToken) })).json().code;
    const res = await demo.app.inject({ method: 'POST', url: '/api/enrol', payload: { code, deviceName: 'pack-new', ...previous } });
    expect(res.statusCode, res.body).toBe(200);
    return enrolResponseSchema.parse(res.json());
  }
  const works = async (token: string) => (await demo.app.inject({ method: 'GET', url: '/api/device', headers: bearer(token) })).statusCode === 200;
  const openFlags = async () =>
    (await demo.app.inject({ method: 'GET', url: '/api/admin/supervisor-flags', query: { open: 'true' }, headers: bearer(demo.adminToken) })).json().flags as {
      kind: string;
      deviceId: string;
      message: string;
      detail: Record<string, string>;
    }[];

  it('hands out a recovery secret once, and stores only its hash', async () => {
    const device = await enrolNaming({});
    expect(device.recoverySecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(device.recoverySecret).not.toBe(device.token);
    const [row] = await demo.database.read((tx) => tx.select().from(t.devices).where(eq(t.devices.id, device.deviceId)));
    expect(row.recoveryHash).toBe(sha256Hex(device.recoverySecret!));
    expect(JSON.stringify(row)).not.toContain(device.recoverySecret);
  });

  it('does not revoke a live device named by someone without its secret: it raises the flag, which says the credential stays', async () => {
    const victim = await demo.enrol('pack-victim');
    await enrolNaming({ previousDeviceId: victim.deviceId });
    await enrolNaming({ previousDeviceId: victim.deviceId, previousDeviceSecret: 'a-guess-at-the-secret' });
    await enrolNaming({ previousDeviceId: victim.deviceId, previousDeviceSecret: victim.token });
    expect(await works(victim.token)).toBe(true);
    const flags = await openFlags();
    expect(flags).toHaveLength(3);
    for (const flag of flags) {
      expect(flag).toMatchObject({ kind: 'db_lost', deviceId: victim.deviceId, detail: { oldCredential: 'kept_unproven' } });
      expect(flag.message).toMatch(/did not prove .* still valid/);
    }
  });

  it('retires the old credential when the enrolment brings the old device\'s secret', async () => {
    const old = await demo.enrol('pack-01');
    const fresh = await enrolNaming({ previousDeviceId: old.deviceId, previousDeviceSecret: old.recoverySecret });
    expect(await works(old.token)).toBe(false);
    expect(await works(fresh.token)).toBe(true);
    const [flag] = await openFlags();
    expect(flag).toMatchObject({ kind: 'db_lost', deviceId: old.deviceId, detail: { oldCredential: 'retired', newDeviceId: fresh.deviceId, lastDeviceSeq: '0' } });
    expect(flag.message).toMatch(/proved .* retired/);
    // The secret belongs to the old device: it proves nothing about any other.
    const bystander = await demo.enrol('pack-02');
    await enrolNaming({ previousDeviceId: bystander.deviceId, previousDeviceSecret: old.recoverySecret });
    expect(await works(bystander.token)).toBe(true);
  });

  it('re-enrols a device of an older app (no secret on either side); its credential stays until a supervisor revokes it', async () => {
    const old = await demo.enrol('pack-old');
    await demo.database.write((tx) => tx.update(t.devices).set({ recoveryHash: null }).where(eq(t.devices.id, old.deviceId)));
    const fresh = await enrolNaming({ previousDeviceId: old.deviceId });
    expect(await works(fresh.token)).toBe(true);
    expect(await works(old.token)).toBe(true);
    const [flag] = await openFlags();
    expect(flag).toMatchObject({ deviceId: old.deviceId, detail: { oldCredential: 'kept_older_app' } });
    expect(flag.message).toMatch(/older app.* revoke it in the console/);
    // The supervisor's revoke in the console (the admin API) retires it.
    const revoke = await demo.app.inject({ method: 'POST', url: `/api/admin/devices/${old.deviceId}/revoke`, headers: bearer(demo.adminToken) });
    expect(revoke.statusCode).toBe(200);
    expect(await works(old.token)).toBe(false);
  });

  it('ignores an id of another warehouse or one it does not know', async () => {
    await demo.database.write((tx) => tx.insert(t.warehouses).values({ id: 'WH2', name: '大阪DC' }).onConflictDoNothing());
    const elsewhere = await demo.enrol('pack-osaka', 'WH2');
    await enrolNaming({ previousDeviceId: elsewhere.deviceId, previousDeviceSecret: elsewhere.recoverySecret });
    await enrolNaming({ previousDeviceId: 'dev-unknown', previousDeviceSecret: 'x' });
    expect(await works(elsewhere.token)).toBe(true);
    expect(await openFlags()).toEqual([]);
  });
});
