/** Enrolment codes and device credentials: single use, expiry, 401s. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode, revokeDevice } from '../../../src/server/auth/enrolment.js';
import { buildDemoApp, type DemoApp } from '../../../src/server/demo/demo-app.js';
import { DEMO_WAREHOUSE } from '../../../src/server/demo/demo-data.js';
import { bearer } from '../../helpers/events.js';

describe('enrolment and device auth', () => {
  let demo: DemoApp;
  beforeAll(async () => {
    demo = await buildDemoApp();
  });
  afterAll(() => demo?.close());

  async function newCode(): Promise<string> {
    const res = await demo.app.inject({ method: 'POST', url: '/api/admin/enrolment-codes', headers: bearer(demo.adminToken), payload: { warehouseId: 'WH1' } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
    return body.code;
  }

  const enrol = (code: string, deviceName = 'pack-01') => demo.app.inject({ method: 'POST', url: '/api/enrol', payload: { code, deviceName } });

  it('trades a code for a token that identifies the device and its warehouse', async () => {
    const res = await enrol(await newCode(), 'pack-07');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ deviceName: 'pack-07', warehouseId: DEMO_WAREHOUSE.id, warehouseName: DEMO_WAREHOUSE.name });
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await demo.app.inject({ method: 'GET', url: '/api/device', headers: bearer(body.token) });
    expect(me.json()).toEqual({ deviceId: body.deviceId, deviceName: 'pack-07', warehouseId: 'WH1', warehouseName: '東京DC' });
  });

  it('accepts a code typed in lower case with spaces', async () => {
    const code = await newCode();
    expect((await enrol(code.toLowerCase().replaceAll('-', ' '))).statusCode).toBe(200);
  });

  it('accepts a code only once', async () => {
    const code = await newCode();
    expect((await enrol(code)).statusCode).toBe(200);
    const again = await enrol(code, 'pack-02');
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ error: 'code_used' });
  });

  it('refuses an expired code', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    const { code } = await createEnrolmentCode(demo.database, 'WH1', 60, twoHoursAgo);
    const res = await enrol(code);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'code_expired' });
    expect(res.json().message).toMatch(/expired/);
  });

  it('refuses a wrong code, and a malformed request with 400', async () => {
    const wrong = await enrol('ZZZZ-ZZZZ-ZZZZ');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: 'invalid_code' });
    const malformed = await demo.app.inject({ method: 'POST', url: '/api/enrol', payload: { code: 'AB' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toBe('bad_request');
  });

  it('answers 401 without a credential, with an unknown one, and once revoked', async () => {
    const none = await demo.app.inject({ method: 'GET', url: '/api/sync/pull' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ error: 'unauthorized' });
    const unknown = await demo.app.inject({ method: 'GET', url: '/api/device', headers: bearer('not-a-real-token') });
    expect(unknown.statusCode).toBe(401);

    const device = await demo.enrol('pack-03');
    expect((await demo.app.inject({ method: 'GET', url: '/api/device', headers: bearer(device.token) })).statusCode).toBe(200);
    await revokeDevice(demo.database, device.deviceId, new Date());
    const revoked = await demo.app.inject({ method: 'POST', url: '/api/sync/push', headers: bearer(device.token), payload: { events: [] } });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('keeps admin routes behind the admin token, not a device token', async () => {
    const device = await demo.enrol('pack-04');
    for (const headers of [{}, bearer(device.token), bearer(`${demo.adminToken}x`)]) {
      const res = await demo.app.inject({ method: 'POST', url: '/api/admin/enrolment-codes', headers, payload: { warehouseId: 'WH1' } });
      expect(res.statusCode).toBe(401);
    }
    const audit = await demo.app.inject({ method: 'GET', url: '/api/admin/events', headers: bearer(device.token) });
    expect(audit.statusCode).toBe(401);
  });

  it('refuses a code for an unknown warehouse', async () => {
    const res = await demo.app.inject({ method: 'POST', url: '/api/admin/enrolment-codes', headers: bearer(demo.adminToken), payload: { warehouseId: 'NOPE' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'unknown_warehouse' });
  });
});
