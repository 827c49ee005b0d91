/** A real HTTP server on 127.0.0.1 that records every webhook POST it receives (headers and raw body). */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as received. */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A listening sink: its URL, what it received, and how to close it. */
export interface WebhookSink {
  url: string;
  received: ReceivedWebhook[];
  close(): Promise<void>;
}

/** Starts a sink that answers 204 to every POST, on `port` when given (a port a server was told before the sink existed). */
export async function startWebhookSink(port = 0): Promise<WebhookSink> {
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}/hooks/floorpack`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
