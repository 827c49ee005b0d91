/**
 * The real server (src/server/main.ts through tsx) as a child process on 127.0.0.1: started on a data
 * directory (PGlite) or a PostgreSQL database, reached over HTTP, and stopped gracefully or SIGKILLed
 * and started again on the same data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../src/server/db/client.js';
import { freePort } from './ports.js';

/** The admin token of every server a test starts (at least 16 characters, as the server requires). */
export const SERVER_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/** Where the server keeps its data: a PGlite DATA_DIR, or a PostgreSQL URL (DATA_DIR then only holds the lock-free bits). */
export interface ServerStore {
  dataDir: string;
  databaseUrl?: string;
}

/** How to start the child: its data, the script it runs (default src/server/main.ts) and extra environment. */
export interface ServerProcessOptions extends ServerStore {
  entry?: string;
  env?: Record<string, string>;
}

/** A server child process on a fixed port, which may be started again after a stop or a kill. */
export class ServerProcess {
  readonly url: string;
  private child: ChildProcess | null = null;
  private log = '';

  constructor(
    readonly port: number,
    private readonly options: ServerProcessOptions,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Everything the current child printed (for failure messages). */
  output(): string {
    return this.log;
  }

  /** Starts the child with the demo warehouse and waits until /healthz answers (bounded). */
  async start(timeoutMs = 60_000): Promise<void> {
    this.log = '';
    const child = spawn(process.execPath, ['--import', 'tsx', this.options.entry ?? 'src/server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.options.dataDir,
        DATABASE_URL: this.options.databaseUrl ?? '',
        ADMIN_TOKEN: SERVER_ADMIN_TOKEN,
        DEMO: '1',
        LOG_LEVEL: 'warn',
        ...this.options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (d) => (this.log += d));
    child.stderr?.on('data', (d) => (this.log += d));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${this.log}`);
      try {
        if ((await fetch(`${this.url}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await this.kill();
    throw new Error(`server did not become healthy in ${timeoutMs} ms:\n${this.log}`);
  }

  /** SIGKILL: no shutdown hook runs, no lock is released, nothing is flushed by the process. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** Sends `signal` without waiting; resolves with the exit code once the child has exited. */
  signal(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child?.exitCode ?? null);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill(signal);
    return exited;
  }

  /** SIGTERM and wait (the graceful path), SIGKILL after 10 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Calls an admin route of the server at `url` with the admin token; throws unless it answers 2xx. */
export async function adminRequest<T>(url: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${SERVER_ADMIN_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A fresh one-time enrolment code for a warehouse (the demo's by default) of the server at `url`. */
export async function enrolmentCode(url: string, warehouseId = 'WH1'): Promise<string> {
  return (await adminRequest<{ code: string }>(url, 'POST', '/api/admin/enrolment-codes', { warehouseId })).code;
}

/** A running server on a data directory of its own, and how to reach and stop it. */
export interface TestServer {
  url: string;
  dataDir: string;
  /** Calls an admin route with the admin token. */
  admin<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
  /** A fresh one-time enrolment code for the demo warehouse. */
  enrolmentCode(): Promise<string>;
  /** Stops the server and removes its data directory. */
  stop(): Promise<void>;
}

/** What a test server runs with: extra environment, a copy of the build to serve, data written before it starts. */
export interface TestServerOptions {
  env?: Record<string, string>;
  /** Serve this directory instead of dist/ (a journey that ships a "new version" edits it). */
  staticDir?: string;
  /** Writes data into the freshly migrated PGlite DATA_DIR before the server opens it (its demo seeding then finds it done). */
  seed?: (database: Database) => Promise<void>;
}

/** Starts a server with the demo warehouse on a fresh data directory and a free port. */
export async function startServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'floorpack-server-'));
  if (options.seed) {
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await database.migrate();
      await options.seed(database);
    } finally {
      await database.close();
    }
  }
  const server = new ServerProcess(await freePort(), {
    dataDir,
    entry: options.staticDir ? 'test/helpers/serve-static-copy.ts' : undefined,
    env: options.staticDir ? { ...options.env, STATIC_COPY_DIR: options.staticDir } : options.env,
  });
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    await server.start();
  } catch (error) {
    removeData();
    throw error;
  }
  return {
    url: server.url,
    dataDir,
    admin: <T>(method: 'GET' | 'POST', path: string, body?: unknown) => adminRequest<T>(server.url, method, path, body),
    enrolmentCode: () => enrolmentCode(server.url),
    async stop() {
      await server.stop();
      removeData();
    },
  };
}
