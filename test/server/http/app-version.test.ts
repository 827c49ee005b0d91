/** Sync requests carry the app's versions: too old a protocol is answered 426, and the console lists each device's app version. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_VERSION, protocolOf } from '../../../src/shared/protocol/app-version.js';
import type { DemoApp } from '../../../src/server/demo/demo-app.js';
import { bearer } from '../../helpers/events.js';
import { useDemoApp } from '../../helpers/in-process-server.js';
import { TEST_DATABASE_TARGETS } from '../../helpers/test-databases.js';

describe('the app version of the package', () => {
  it('is the one the handheld sends', () => {
    expect(APP_VERSION).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });

  it.each([
    [undefined, 1],
    ['', 1],
    ['1', 1],
    ['2', 2],
    ['0', 0],
    ['1.5', null],
    ['abc', null],
  ])('reads protocol header %j as %j', (header, expected) => {
    expect(protocolOf(header)).toBe(expected);
  });
});

describe.each(TEST_DATABASE_TARGETS)('app versions on $name', (target) => {
  let demo: DemoApp;
  useDemoApp(target, (d) => (demo = d));

  const pull = (token: string, headers: Record<string, string>) =>
    demo.app.inject({ method: 'GET', url: '/api/sync/pull', query: { cursor: '0' }, headers: { ...bearer(token), ...headers } });

  it('answers an app below the oldest protocol 426 app_update_required, on push and pull alike', async () => {
    const { token } = await demo.enrol();
    for (const protocol of ['0', 'abc']) {
      const res = await pull(token, { 'x-floorpack-protocol': protocol });
      expect(res.statusCode).toBe(426);
      expect(res.json()).toMatchObject({ error: 'app_update_required' });
    }
    const push = await demo.app.inject({ method: 'POST', url: '/api/sync/push', payload: { events: [] }, headers: { ...bearer(token), 'x-floorpack-protocol': '0' } });
    expect(push.statusCode).toBe(426);
  });

  it('still serves an app older than the headers, and a newer one', async () => {
    const { token } = await demo.enrol();
    expect((await pull(token, {})).statusCode).toBe(200);
    expect((await pull(token, { 'x-floorpack-protocol': '2', 'x-floorpack-app-version': '9.0.0' })).statusCode).toBe(200);
  });

  it('lists each device with the app version of its last pull', async () => {
    const { token, deviceId } = await demo.enrol('old-app');
    expect((await pull(token, { 'x-floorpack-protocol': '1', 'x-floorpack-app-version': '0.0.9' })).statusCode).toBe(200);
    const list = await demo.app.inject({ method: 'GET', url: '/api/admin/devices', headers: { authorization: `Bearer ${demo.adminToken}` } });
    const device = (list.json() as { devices: { id: string; appVersion: string | null }[] }).devices.find((d) => d.id === deviceId);
    expect(device?.appVersion).toBe('0.0.9');
  });
});
