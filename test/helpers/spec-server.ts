/** The server a Playwright spec file runs against: started before its first test, stopped after its last. */
import { test } from '@playwright/test';
import { startServer, type TestServer, type TestServerOptions } from './server-process.js';

/**
 * Registers the spec file's beforeAll/afterAll for one test server and returns it. Options may be a
 * function, read in beforeAll, when they depend on what an earlier beforeAll made (a mail sink, a build copy).
 */
export function useServer(options: TestServerOptions | (() => TestServerOptions) = {}): TestServer {
  let started: TestServer | undefined;
  const current = (): TestServer => {
    if (!started) throw new Error('the test server starts in beforeAll: use it inside a test');
    return started;
  };
  test.beforeAll(async () => {
    started = await startServer(typeof options === 'function' ? options() : options);
  });
  test.afterAll(async () => {
    await started?.stop();
  });
  return {
    get url() {
      return current().url;
    },
    get dataDir() {
      return current().dataDir;
    },
    admin: <T>(method: 'GET' | 'POST', path: string, body?: unknown) => current().admin<T>(method, path, body),
    enrolmentCode: () => current().enrolmentCode(),
    stop: () => current().stop(),
  };
}
