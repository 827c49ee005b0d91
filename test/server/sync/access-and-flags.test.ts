/**
 * Access scoping from the credential, device revocation, and the supervisor flags: a held parcel packed
 * offline, and a device whose event sequence jumps or restarts. On PGlite and (when set) PostgreSQL.
 */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as t from '../../../src/server/db/schema.js';
import { upsertParcel } from '../../../src/server/db/write-master-data.js';
import type { DemoApp } from '../../../src/server/demo/demo-app.js';
import { DEMO_SCENARIOS, DEMO_SHIPMENTS } from '../../../src/server/demo/demo-data.js';
import { resetDemo } from '../../../src/server/demo/seed-demo.js';
import { adminDevicesResponseSchema, supervisorFlagsResponseSchema } from '../../../src/shared/protocol/admin-devices.js';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';
import { pushResponseSchema, type EventResult } from '../../../src/shared/protocol/sync.js';
import { bearer, packedEvent } from '../../helpers/events.js';
import { TEST_DATABASE_TARGETS } from '../../helpers/test-databases.js';
import { useDemoApp } from '../../helpers/in-process-server.js';

describe.each(TEST_DATABASE_TARGETS)('access and supervisor flags on $name', (target) => {
  let demo: DemoApp;
  let token: string;
  let deviceId: string;
  let recoverySecret: string | undefined;

  useDemoApp(target, (d) => (demo = d));
  beforeEach(async () => {
    await resetDemo(demo.database);
    // A second warehouse with a parcel of its own.
    await demo.database.write(async (tx) => {
      await tx.insert(t.warehouses).values({ id: 'WH2', name: '大阪DC' });
      await upsertParcel(tx, 'WH2', { ...DEMO_SHIPMENTS[0], shipmentId: 'S9000001' });
    });
    ({ token, deviceId, recoverySecret } = await demo.enrol('pack-01'));
  });

  async function push(events: SyncEvent[], as = token): Promise<EventResult[]> {
    const res = await demo.app.inject({ method: 'POST', url: '/api/sync/push', payload: { events }, headers: bearer(as) });
    expect(res.statusCode, res.body).toBe(200);
    return pushResponseSchema.parse(res.json()).results;
  }
  async function admin(method: 'GET' | 'POST', url: string) {
    return demo.app.inject({ method, url, headers: bearer(demo.adminToken) });
  }
  async function flags() {
    return supervisorFlagsResponseSchema.parse((await admin('GET', '/api/admin/supervisor-flags?open=true')).json()).flags;
  }
  async function devices() {
    return adminDevicesResponseSchema.parse((await admin('GET', '/api/admin/devices')).json()).devices;
  }

  it('refuses an event on another warehouse’s parcel as forbidden and leaves that parcel untouched', async () => {
    const before = await demo.database.read((tx) => tx.select().from(t.parcels).where(eq(t.parcels.shipmentId, 'S9000001')));
    const [result, ok] = await push([packedEvent('S9000001', { deviceSeq: 1 }), packedEvent('S0000001', { deviceSeq: 2 })]);
    expect(result).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(result.status === 'rejected' && result.message).not.toContain(DEMO_SHIPMENTS[0].customerName);
    // The rest of the push is not held hostage by it.
    expect(ok.status).toBe('applied');
    const after = await demo.database.read((tx) => tx.select().from(t.parcels).where(eq(t.parcels.shipmentId, 'S9000001')));
    expect(after).toEqual(before);
    // And the device never sees that warehouse's parcels.
    const pull = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', headers: bearer(token) });
    expect(pull.body).not.toContain('S9000001');
  });

  it('flags a held parcel packed offline for a supervisor, once, however often it is resent', async () => {
    const event = packedEvent(DEMO_SCENARIOS.held, { deviceSeq: 1 });
    const [first] = await push([event]);
    expect(first).toMatchObject({ status: 'rejected', code: 'parcel_held' });
    await push([event]);
    const open = await flags();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ kind: 'packed_while_held', shipmentId: DEMO_SCENARIOS.held, deviceId, deviceName: 'pack-01', staffId: event.staffId, eventId: event.id });
    expect(open[0].message).toMatch(/held .*take the box off the line/);
    // Resolved, it leaves the open list.
    const resolved = await admin('POST', `/api/admin/supervisor-flags/${open[0].id}/resolve`);
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().resolvedAt).not.toBeNull();
    expect(await flags()).toEqual([]);
  });

  it('flags a device whose event sequence jumps, and one that starts again from 1', async () => {
    await push([packedEvent('S0000001', { deviceSeq: 1 }), packedEvent('S0000003', { deviceSeq: 2 })]);
    expect(await flags()).toEqual([]);
    expect((await devices()).find((d) => d.id === deviceId)).toMatchObject({ lastDeviceSeq: 2, sequenceFlags: 0 });

    // Events 3 and 4 never arrive.
    await push([packedEvent('S0000004', { deviceSeq: 5 })]);
    // Then the device's local database is lost and it numbers from 1 again.
    await push([packedEvent('S0000005', { deviceSeq: 1 })]);
    const open = await flags();
    expect(open.map((f) => [f.kind, f.detail]).sort()).toEqual([
      ['seq_gap', { expected: '3', received: '5' }],
      ['seq_restart', { last: '5', received: '1' }],
    ]);
    expect((await devices()).find((d) => d.id === deviceId)).toMatchObject({ lastDeviceSeq: 5, sequenceFlags: 2, openFlags: 2 });
    // A resend of a known event is not a restart.
    const again = packedEvent('S0000010', { deviceSeq: 6 });
    await push([again]);
    await push([again]);
    expect(await flags()).toHaveLength(2);
  });

  it('flags a jump and a restart that arrive inside one push, as if its events had come one by one', async () => {
    await push([packedEvent('S0000001', { deviceSeq: 1 }), packedEvent('S0000003', { deviceSeq: 4 }), packedEvent('S0000004', { deviceSeq: 2 })]);
    const open = await flags();
    expect(open.map((f) => [f.kind, f.detail]).sort()).toEqual([
      ['seq_gap', { expected: '2', received: '4' }],
      ['seq_restart', { last: '4', received: '2' }],
    ]);
    expect((await devices()).find((d) => d.id === deviceId)).toMatchObject({ lastDeviceSeq: 4, sequenceFlags: 2 });
  });

  it('shows the console what waits in each device’s outbox, as the device reported it on its last pull', async () => {
    expect((await devices()).find((d) => d.id === deviceId)?.queued).toBeNull();
    const res = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', query: { pending: '3', rejected: '1' }, headers: bearer(token) });
    expect(res.statusCode).toBe(200);
    const device = (await devices()).find((d) => d.id === deviceId);
    expect(device?.queued).toMatchObject({ pending: 3, rejected: 1 });
    expect(device?.lastSeenAt).not.toBeNull();
    const bad = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', query: { pending: '-1' }, headers: bearer(token) });
    expect(bad.statusCode).toBe(400);
  });

  it('flags a device whose local database vanished when its browser enrols again, and retires the old credential it proves it held', async () => {
    await push([packedEvent('S0000001', { deviceSeq: 1 })]);
    const enrolAgain = async (previousDeviceId?: string) => {
      const code = (await demo.app.inject({ method: 'POST', url: '/api/admin/enrolment-codes', payload: { warehouseId: 'WH1' }, headers: bearer(demo.adminToken) })).json().code;
      const previous = previousDeviceId ? { previousDeviceId, previousDeviceSecret: recoverySecret } : {};
      const res = await demo.app.inject({ method: 'POST', url: '/api/enrol', payload: { code, deviceName: 'pack-01', ...previous } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { deviceId: string; token: string };
    };
    const fresh = await enrolAgain(deviceId);
    const [flag] = await flags();
    expect(flag).toMatchObject({ kind: 'db_lost', deviceId, detail: { lastDeviceSeq: '1', newDeviceId: fresh.deviceId } });
    expect(flag.message).toContain('#1');
    expect((await demo.app.inject({ method: 'GET', url: '/api/device', headers: bearer(token) })).statusCode).toBe(401);
    expect((await demo.app.inject({ method: 'GET', url: '/api/device', headers: bearer(fresh.token) })).statusCode).toBe(200);
    // An id the warehouse does not know (or a first enrolment) raises nothing.
    await enrolAgain('dev-unknown');
    expect(await flags()).toHaveLength(1);
  });

  it('never sends a customer e-mail, address or phone in a pull', async () => {
    const res = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', headers: bearer(token) });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/@|mail|address|phone|tel/i);
    const parcelKeys = new Set(res.json().parcels.flatMap((p: object) => Object.keys(p)));
    expect([...parcelKeys].sort()).toEqual(
      ['carrier', 'customerId', 'customerName', 'customerReturnCount', 'flagBasis', 'flags', 'giftCode', 'holdReason', 'insertCodes', 'lines', 'message', 'noshiName', 'orderDate', 'orderNumber', 'packedBy', 'rankCode', 'shipmentId', 'shipping', 'status'].sort(),
    );
    // The shipping part carries the carrier and tracking numbers only, never the recipient.
    const shippingKeys = new Set(res.json().parcels.flatMap((p: { shipping: object }) => Object.keys(p.shipping)));
    expect([...shippingKeys].sort()).toEqual(['boundTrackingNumbers', 'boxCount', 'carrierId', 'expectedTrackingNumbers', 'labelScan', 'loadedTrackingNumbers', 'service']);
  });

  it('sets a staff PIN through the admin API and sends devices only its salted hash', async () => {
    const put = (id: string, pin: unknown) => demo.app.inject({ method: 'PUT', url: `/api/admin/staff/${id}/pin`, headers: bearer(demo.adminToken), payload: { pin } });
    expect((await put('staff-002', '12ab')).statusCode).toBe(400);
    expect((await put('staff-nope', '1234')).statusCode).toBe(404);
    const first = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', headers: bearer(token) });
    const cursor = first.json().cursor;
    expect((await put('staff-002', '482913')).json()).toEqual({ staffId: 'staff-002', pinRequired: true });
    // The catalogue comes again on the next pull, with the hash and never the PIN.
    const next = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', query: { cursor }, headers: bearer(token) });
    const member = next.json().catalogue.staff.find((s: { id: string }) => s.id === 'staff-002');
    expect(member.pinHash).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(next.body).not.toContain('482913');
    expect((await put('staff-002', null)).json()).toEqual({ staffId: 'staff-002', pinRequired: false });
  });

  it('revokes a device through the admin API: its next request is a 401', async () => {
    const res = await admin('POST', `/api/admin/devices/${deviceId}/revoke`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: deviceId, revokedAt: expect.any(String) });
    const pull = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', headers: bearer(token) });
    expect(pull.statusCode).toBe(401);
    expect((await devices()).find((d) => d.id === deviceId)?.revokedAt).not.toBeNull();
    expect((await admin('POST', '/api/admin/devices/dev-nope/revoke')).statusCode).toBe(404);
    // Without the admin token: 401.
    expect((await demo.app.inject({ method: 'GET', url: '/api/admin/devices', headers: bearer(token) })).statusCode).toBe(401);
  });
});
