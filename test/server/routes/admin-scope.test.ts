/** The admin scope: every admin route demands the admin token, and an unknown URL is still a 404. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoApp, type DemoApp } from '../../../src/server/demo/demo-app.js';
import { bearer } from '../../helpers/events.js';

describe('admin scope', () => {
  let demo: DemoApp;
  beforeAll(async () => {
    demo = await buildDemoApp();
  });
  afterAll(() => demo?.close());

  /** Every /api/admin route of the OpenAPI document, with its path parameters filled in and whether it is documented as an admin route. */
  async function adminRoutes(): Promise<{ method: 'GET' | 'POST' | 'PUT'; url: string; documented: boolean }[]> {
    const doc = (await demo.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>>;
    };
    return Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/admin/'))
      .flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, op]) => ({
          method: method.toUpperCase() as 'GET' | 'POST' | 'PUT',
          url: path.replace(/\{[^}]+\}/g, 'x'),
          documented: op.security?.some((s) => 'admin' in s) ?? false,
        })),
      );
  }

  it('answers 401 on every admin route without the admin token or with a wrong one', async () => {
    const routes = await adminRoutes();
    // Every admin route: the parcel page, catalogue lists, time zone, shipping and backup ones included.
    expect(routes).toHaveLength(28);
    expect(routes.filter((r) => !r.documented)).toEqual([]);
    for (const { method, url } of routes) {
      const none = await demo.app.inject({ method, url });
      expect(none.statusCode, `${method} ${url}`).toBe(401);
      expect(none.json()).toEqual({ error: 'unauthorized', message: 'Admin token required (Authorization: Bearer <admin token>).' });
      const wrong = await demo.app.inject({ method, url, headers: bearer('wrong-token-0123456789') });
      expect(wrong.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('answers a device token on an admin route with 401', async () => {
    const { token } = await demo.enrol();
    expect((await demo.app.inject({ method: 'GET', url: '/api/admin/events', headers: bearer(token) })).statusCode).toBe(401);
  });

  it('answers an unknown admin URL with 404, with or without a token', async () => {
    for (const headers of [{}, bearer(demo.adminToken), bearer('wrong-token-0123456789')]) {
      const res = await demo.app.inject({ method: 'GET', url: '/api/admin/nothing-here', headers });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: 'not_found' });
    }
  });
});
