/** Security headers on the API and the PWA, and the enrolment rate limit. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoApp, type DemoApp } from '../../../src/server/demo/demo-app.js';
import { bearer } from '../../helpers/events.js';

describe('security headers', () => {
  let demo: DemoApp;
  const dist = mkdtempSync(path.join(tmpdir(), 'fp-dist-'));
  beforeAll(async () => {
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>t</title>');
    demo = await buildDemoApp({ staticDir: dist });
  });
  afterAll(async () => {
    await demo?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it.each([
    ['the app shell', '/'],
    ['a client-side route', '/pack/S0000001'],
    ['an API answer', '/healthz'],
    ['an API error', '/api/sync/pull'],
  ])('serves %s with a strict CSP and the usual headers', async (_name, url) => {
    const res = await demo.app.inject({ method: 'GET', url });
    const csp = String(res.headers['content-security-policy']);
    for (const directive of ["default-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "worker-src 'self'"]) expect(csp).toContain(directive);
    // Scripts from our origin only; WebAssembly may compile (the camera decoder), eval() may not.
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).not.toMatch(/unsafe-inline|(?<!wasm-)unsafe-eval|upgrade-insecure-requests|https?:/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['permissions-policy']).toContain('camera=(self)');
  });
});

describe('enrolment rate limit', () => {
  let demo: DemoApp;
  beforeAll(async () => {
    demo = await buildDemoApp({ enrolRateLimitPerMin: 3 });
  });
  afterAll(() => demo?.close());

  it('refuses guesses beyond the limit with 429, and a good code sent then is not used up', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await demo.app.inject({ method: 'POST', url: '/api/enrol', payload: { code: `GUES-SXXX-X00${i}`, deviceName: 'x' } });
      expect(res.statusCode).toBe(401);
    }
    const codeRes = await demo.app.inject({ method: 'POST', url: '/api/admin/enrolment-codes', headers: bearer(demo.adminToken), payload: { warehouseId: 'WH1' } });
    const { code } = codeRes.json();
    const limited = await demo.app.inject({ method: 'POST', url: '/api/enrol', payload: { code, deviceName: 'pack-99' } });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: 'rate_limited', message: expect.stringMatching(/Try again/) });
    // Another address is not affected, and the code refused above is still good.
    const other = await demo.app.inject({ method: 'POST', url: '/api/enrol', payload: { code, deviceName: 'pack-99' }, remoteAddress: '10.0.0.7' });
    expect(other.statusCode).toBe(200);
  });
});
