/**
 * A real server child process (src/server/main.ts through tsx) on 127.0.0.1, which a test can SIGKILL
 * and start again on the same DATA_DIR or PostgreSQL database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** The admin token every reliability server uses. */
export const RELIABILITY_ADMIN_TOKEN = 'reliability-admin-token-0123456789';

/** A free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Where the server keeps its data: a PGlite DATA_DIR, or a PostgreSQL URL (DATA_DIR then only holds the lock-free bits). */
export interface ServerStore {
  dataDir: string;
  databaseUrl?: string;
}

/** A server child process. */
export class ServerProcess {
  readonly url: string;
  private child: ChildProcess | null = null;
  private log = '';

  constructor(
    readonly port: number,
    private readonly store: ServerStore,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Everything the current child printed (for failure messages). */
  output(): string {
    return this.log;
  }

  /** Starts the child and waits until /healthz answers (bounded). */
  async start(timeoutMs = 60_000): Promise<void> {
    this.log = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.store.dataDir,
        DATABASE_URL: this.store.databaseUrl ?? '',
        ADMIN_TOKEN: RELIABILITY_ADMIN_TOKEN,
        DEMO: '1',
        LOG_LEVEL: 'warn',
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
