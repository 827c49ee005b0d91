/** Ports for servers the tests start: loopback only, so nothing a test starts is reachable from outside. */
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1 (the OS picks it; it is free when this returns). */
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
