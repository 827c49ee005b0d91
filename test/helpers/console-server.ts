/** The seeded demo server on a loopback port, so the console's own request code talks real HTTP to it. */
import { afterAll, beforeAll } from 'vitest';
import { requestAdmin } from '../../src/console/api.js';
import { buildDemoApp, type DemoApp } from '../../src/server/demo/demo-app.js';

/** A listening demo server (in-memory PGlite) and the console's call, bound to it. */
export interface ConsoleServer {
  url: string;
  adminToken: string;
  demo: DemoApp;
  /** The console's admin call with the admin token, as a signed-in console makes it. */
  admin<T>(method: string, path: string, body?: unknown): Promise<T>;
}

/** Starts a server before the file's tests and closes it after; read it through the getter once they run. */
export function useConsoleServer(): () => ConsoleServer {
  let server: ConsoleServer | undefined;
  beforeAll(async () => {
    const demo = await buildDemoApp();
    const url = await demo.app.listen({ host: '127.0.0.1', port: 0 });
    server = { url, adminToken: demo.adminToken, demo, admin: (method, path, body) => requestAdmin(`${url}${path}`, method, body, demo.adminToken) };
  });
  afterAll(async () => {
    await server?.demo.close();
  });
  return () => {
    if (!server) throw new Error('the console server is not started yet');
    return server;
  };
}
