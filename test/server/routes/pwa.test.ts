/** Serving the built PWA: cache headers, SPA fallback, and a hint when it is not built. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app.js';
import { openDatabase, type Database } from '../../../src/server/db/client.js';
import type { FastifyInstance } from 'fastify';

describe('PWA static serving', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'fp-dist-'));
  let database: Database;
  let app: FastifyInstance;
  let bare: FastifyInstance;

  beforeAll(async () => {
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>floorpack</title><div id="app"></div>');
    writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("install", () => {});');
    writeFileSync(path.join(dist, 'manifest.webmanifest'), '{"name":"floorpack"}');
    writeFileSync(path.join(dist, 'assets', 'index-3f9a1c2b.js'), 'console.log("app")');
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    await database.migrate();
    app = await buildApp({ database, adminToken: 'a'.repeat(32), staticDir: dist });
    bare = await buildApp({ database, adminToken: 'a'.repeat(32), staticDir: path.join(dist, 'missing') });
  });
  afterAll(async () => {
    await app?.close();
    await bare?.close();
    await database?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html and sw.js with no-cache, hashed assets as immutable', async () => {
    const index = await app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(index.headers['cache-control']).toBe('no-cache');
    const sw = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject({ method: 'GET', url: '/assets/index-3f9a1c2b.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const manifest = await app.inject({ method: 'GET', url: '/manifest.webmanifest' });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['cache-control']).toBe('no-cache');
  });

  it('answers app routes with index.html (SPA fallback) but not /api or missing files', async () => {
    const deep = await app.inject({ method: 'GET', url: '/pack/S0000001?x=1' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<div id="app">');
    expect(deep.headers['cache-control']).toBe('no-cache');
    const api = await app.inject({ method: 'GET', url: '/api/unknown' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error).toBe('not_found');
    expect((await app.inject({ method: 'GET', url: '/assets/gone-00000000.js' })).statusCode).toBe(404);
  });

  it('answers an unknown /api path in any case or spelling with the JSON 404, never the app shell', async () => {
    for (const url of ['/API/unknown', '/Api/enrol/x', '/API', '/api', '/%61pi/unknown', '/%41PI/x?y=1', '/aPi/sync/nothing']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/application\/json/);
      expect(res.json().error, url).toBe('not_found');
      expect(res.body, url).not.toContain('<div id="app">');
    }
    // Paths that merely start with the letters stay pages of the app.
    expect((await app.inject({ method: 'GET', url: '/apiary' })).body).toContain('<div id="app">');
  });

  it('says to run npm run build when there is no build', async () => {
    const res = await bare.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('npm run build');
  });
});
