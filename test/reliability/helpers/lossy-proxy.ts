/**
 * A loopback HTTP proxy that can lose replies: it forwards the request, waits for the server's whole
 * answer (so the server has committed), keeps a copy, then destroys the client's socket instead of
 * answering. The device sees a network error after the fact.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running proxy. */
export interface LossyProxy {
  url: string;
  /** Replies to drop: called per request with its path; true = drop this one's reply. */
  shouldDrop: (path: string) => boolean;
  /** The bodies the server sent but the device never got, in order. */
  dropped: { path: string; status: number; body: string }[];
  close(): Promise<void>;
}

/** Starts a proxy on a free 127.0.0.1 port in front of `target`. */
export async function startLossyProxy(target: string): Promise<LossyProxy> {
  const upstream = new URL(target);
  const proxy: LossyProxy = { url: '', shouldDrop: () => false, dropped: [], close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const forward = request(
        { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } },
        (up) => {
          const body: Buffer[] = [];
          up.on('data', (c: Buffer) => body.push(c));
          up.on('end', () => {
            const text = Buffer.concat(body).toString('utf8');
            if (proxy.shouldDrop(req.url ?? '')) {
              proxy.dropped.push({ path: req.url ?? '', status: up.statusCode ?? 0, body: text });
              req.socket.destroy();
              return;
            }
            res.writeHead(up.statusCode ?? 502, up.headers);
            res.end(text);
          });
        },
      );
      forward.on('error', () => req.socket.destroy());
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
