/**
 * A device reports the oldest event it could not sync with its outbox counts on pull; the console's
 * device list shows it as stuck with that event, until a pull comes without one. On PGlite and (when
 * set) PostgreSQL.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoApp } from '../../../src/server/demo/demo-app.js';
import { resetDemo } from '../../../src/server/demo/seed-demo.js';
import { adminDevicesResponseSchema } from '../../../src/shared/protocol/admin-devices.js';
import { bearer } from '../../helpers/events.js';
import { useDemoApp } from '../../helpers/in-process-server.js';
import { TEST_DATABASE_TARGETS } from '../../helpers/test-databases.js';

const STUCK = {
  stuckId: '00000000-0000-4000-8000-00000000beef',
  stuckType: 'parcel.packed',
  stuckSince: '2026-11-24T09:00:00.000Z',
  stuckAttempts: '6',
  stuckReason: 'parcel row locked by an import',
};

describe.each(TEST_DATABASE_TARGETS)('a stuck device on $name', (target) => {
  let demo: DemoApp;
  let token: string;
  let deviceId: string;

  useDemoApp(target, (d) => (demo = d));
  beforeEach(async () => {
    await resetDemo(demo.database);
    ({ token, deviceId } = await demo.enrol('pack-01'));
  });

  const pull = async (query: Record<string, string>) => {
    const res = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', query, headers: bearer(token) });
    expect(res.statusCode, res.body).toBe(200);
  };
  const device = async () => {
    const res = await demo.app.inject({ method: 'GET', url: '/api/admin/devices', headers: bearer(demo.adminToken) });
    return adminDevicesResponseSchema.parse(res.json()).devices.find((d) => d.id === deviceId);
  };

  it('lists the device as stuck with the event it reported, and clears it when a pull comes without one', async () => {
    expect((await device())?.stuck).toBeNull();
    await pull({ pending: '4', rejected: '0', ...STUCK });
    const stuck = await device();
    expect(stuck?.queued).toMatchObject({ pending: 4, rejected: 0 });
    expect(stuck?.stuck).toEqual({
      eventId: STUCK.stuckId,
      type: 'parcel.packed',
      recordedAt: STUCK.stuckSince,
      attempts: 6,
      reason: STUCK.stuckReason,
      reportedAt: stuck?.lastSeenAt,
    });
    await pull({ pending: '0', rejected: '0' });
    expect((await device())?.stuck).toBeNull();
  });

  it('refuses a stuck report it cannot store and records nothing of it', async () => {
    const res = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', query: { pending: '1', stuckId: 'not-a-uuid' }, headers: bearer(token) });
    expect(res.statusCode).toBe(400);
    expect((await device())?.stuck).toBeNull();
  });

  it('stores a report whose words hold control characters (PostgreSQL refuses NUL) and an id in upper case, as words and the id the server keys', async () => {
    await pull({ pending: '1', rejected: '0', ...STUCK, stuckId: STUCK.stuckId.toUpperCase(), stuckType: 'parcel\u0000packed', stuckReason: 'line one\r\nline\u0000two' });
    expect((await device())?.stuck).toMatchObject({ eventId: STUCK.stuckId, type: 'parcel packed', reason: 'line one  line two' });
  });
});
