/** Bodies PostgreSQL could never store get a 400 at the door, not a 500 from inside a transaction. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoApp, type DemoApp } from '../../../src/server/demo/demo-app.js';
import { bearer, packedEvent } from '../../helpers/events.js';

describe('strict JSON bodies', () => {
  let demo: DemoApp;
  beforeAll(async () => {
    demo = await buildDemoApp();
  });
  afterAll(() => demo?.close());

  it.each([
    ['a NUL character', 'a\u0000b'],
    ['a lone surrogate', 'x\ud800'],
  ])('refuses %s in any field with 400 and records nothing', async (_name, bad) => {
    const { token } = await demo.enrol();
    const event = packedEvent('S0000001', { staffId: bad });
    const res = await demo.app.inject({ method: 'POST', url: '/api/sync/push', headers: bearer(token), payload: { events: [event] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/NUL|surrogate/);
    const audit = await demo.app.inject({ method: 'GET', url: '/api/admin/events', headers: bearer(demo.adminToken) });
    expect(audit.json().events).toEqual([]);
  });

  it('still accepts Japanese text and emoji (proper surrogate pairs)', async () => {
    const res = await demo.app.inject({ method: 'POST', url: '/api/enrol', payload: { code: 'AAAA-BBBB-CCCC', deviceName: '梱包🚚01' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('invalid_code');
  });
});

describe('event envelope limits', () => {
  let demo: DemoApp;
  beforeAll(async () => {
    demo = await buildDemoApp();
  });
  afterAll(() => demo?.close());

  it('refuses a device sequence number beyond what the server stores for that event alone, not with a 500', async () => {
    const { token } = await demo.enrol();
    const res = await demo.app.inject({ method: 'POST', url: '/api/sync/push', headers: bearer(token), payload: { events: [packedEvent('S0000001', { deviceSeq: 2 ** 31 })] } });
    expect(res.statusCode).toBe(200);
    expect(res.json().results[0]).toMatchObject({ status: 'rejected', code: 'invalid', detail: { finding: expect.stringMatching(/^deviceSeq/) } });
  });
});

describe('device clock out of range', () => {
  let demo: DemoApp;
  beforeAll(async () => {
    demo = await buildDemoApp();
  });
  afterAll(() => demo?.close());

  it('refuses a device clock of year 0000 (no timestamp column stores it) and applies one reset to 1970', async () => {
    const { token } = await demo.enrol();
    const year0 = await demo.app.inject({ method: 'POST', url: '/api/sync/push', headers: bearer(token), payload: { events: [packedEvent('S0000001', { at: '0000-01-01T00:00:00Z' })] } });
    expect(year0.statusCode, year0.body).toBe(200);
    expect(year0.json().results[0]).toMatchObject({ status: 'rejected', code: 'invalid', detail: { finding: expect.stringMatching(/^at:/) } });
    const res = await demo.app.inject({ method: 'POST', url: '/api/sync/push', headers: bearer(token), payload: { events: [packedEvent('S0000001', { at: '1970-01-01T00:00:00Z' })] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results[0].status).toBe('applied');
  });
});
