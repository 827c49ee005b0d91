/** Cross-cutting API behaviour: health, the OpenAPI document, 404 and body limits. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoApp, type DemoApp } from '../../src/server/demo/demo-app.js';
import { bearer } from '../helpers/events.js';

describe('API surface', () => {
  let demo: DemoApp;
  beforeAll(async () => {
    demo = await buildDemoApp();
  });
  afterAll(() => demo?.close());

  it('reports health and the database kind without a credential', async () => {
    const res = await demo.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: 'pglite' });
  });

  it('lists every route in the OpenAPI document', async () => {
    const res = await demo.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(routes.sort()).toEqual(
      [
        'GET /healthz',
        'GET /readyz',
        'GET /api/openapi.json',
        'POST /api/enrol',
        'GET /api/device',
        'GET /api/sync/pull',
        'POST /api/sync/push',
        'POST /api/admin/enrolment-codes',
        'GET /api/admin/events',
        'GET /api/admin/batches',
        'POST /api/admin/batches/{batchId}/release',
        // import and warehouse console
        'POST /api/admin/import',
        'GET /api/admin/warehouses',
        'GET /api/admin/parcels',
        'PUT /api/admin/warehouses/{warehouseId}/settings',
        'GET /api/admin/parcels/{shipmentId}',
        'GET /api/admin/catalogue',
        'GET /api/admin/devices',
        'POST /api/admin/devices/{id}/revoke',
        'GET /api/admin/staff',
        'POST /api/admin/staff',
        'GET /api/admin/human-touch-rules',
        'PUT /api/admin/human-touch-rules',
        'GET /api/admin/notifications',
        'GET /api/admin/backup',
        'POST /api/admin/notifications/{id}/retry',
        'GET /api/admin/supervisor-flags',
        'POST /api/admin/supervisor-flags/{id}/resolve',
        'PUT /api/admin/staff/{id}/pin',
        // shipping
        'GET /api/admin/shipping/settings',
        'PUT /api/admin/shipping/settings',
        'GET /api/admin/parcels/{shipmentId}/shipping',
        'GET /api/admin/shipping/handovers',
        'POST /api/admin/shipping/exports/carrier',
        'GET /api/admin/shipping/exports/shipped',
      ].sort(),
    );
    expect(doc.paths['/api/sync/push'].post.requestBody).toBeDefined();
  });

  it('answers an unknown /api route with a JSON 404', async () => {
    for (const [method, url] of [['GET', '/api/nothing'], ['POST', '/api/sync/nothing'], ['GET', '/api']] as const) {
      const res = await demo.app.inject({ method, url });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: 'not_found' });
    }
  });

  it('refuses a body over 1 MiB with 413 and malformed JSON with 400', async () => {
    const { token } = await demo.enrol();
    const big = await demo.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      payload: JSON.stringify({ events: [], pad: 'x'.repeat(1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toBe('payload_too_large');
    const bad = await demo.app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...bearer(token), 'content-type': 'application/json' }, payload: '{"events": [' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('bad_request');
  });
});
