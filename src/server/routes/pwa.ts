/** Serves the built PWA (vite's dist/) with an SPA fallback, and answers unknown routes. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Hashed build output never changes under its name: cache it for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The entry points must be revalidated every time, or a device could hold an old app forever. */
const NO_CACHE = 'no-cache';

/** Cache-Control for one built file: entry points (sw.js, index.html, manifest) no-cache, /assets/ immutable. */
function cacheControlFor(filePath: string, root: string): string {
  const rel = path.relative(root, filePath).split(path.sep).join('/');
  if (rel.startsWith('assets/')) return IMMUTABLE;
  if (rel === 'sw.js' || rel === 'index.html' || rel === 'console/index.html' || rel.endsWith('.webmanifest') || rel.startsWith('workbox-')) return NO_CACHE;
  // Icons and other public/ files keep their names across builds: revalidate, but allow reuse.
  return 'public, max-age=0, must-revalidate';
}

/** Registers static serving from `staticDir` (when it has index.html) and the not-found handler. */
export async function registerPwa(app: FastifyInstance, staticDir: string | null): Promise<void> {
  const root = staticDir ? path.resolve(staticDir) : null;
  const hasBuild = root !== null && existsSync(path.join(root, 'index.html'));

  if (hasBuild) {
    await app.register(fastifyStatic, {
      root,
      setHeaders: (reply, filePath) => reply.header('cache-control', cacheControlFor(filePath, root)),
    });
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('floorpack server is running, but the app is not built: run `npm run build` (or `npm start`, which builds it) and reload.\n'),
    );
  }

  app.setNotFoundHandler(async (request, reply) => {
    const pathname = request.url.split('?')[0];
    if (isApiPath(pathname) || !hasBuild || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return notFound(reply, `No route ${request.method} ${pathname}`);
    }
    // A missing file that looks like a file (has an extension) is a real 404, not a page of the app.
    if (/\.[a-z0-9]+$/i.test(pathname)) return notFound(reply, `No file ${pathname}`);
    // The warehouse console is its own page (/console, /console/#parcels …), not the handheld's shell.
    if (pathname === '/console' || pathname.startsWith('/console/')) {
      if (!existsSync(path.join(root!, 'console', 'index.html'))) return notFound(reply, 'The console is not built: run npm run build');
      return reply.header('cache-control', NO_CACHE).sendFile('console/index.html');
    }
    // SPA fallback: client-side routes like /pack/S0000001 load the app shell.
    return reply.header('cache-control', NO_CACHE).sendFile('index.html');
  });
}

/**
 * Whether a path is under /api in any spelling the router does not match (/API/…, /%61pi/…):
 * a client calling the API must get the JSON 404, never the app shell with a 200.
 */
function isApiPath(pathname: string): boolean {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // A malformed escape: judge the raw text.
  }
  const folded = decoded.toLowerCase();
  return folded === '/api' || folded.startsWith('/api/');
}

function notFound(reply: FastifyReply, message: string) {
  return reply.code(404).send({ error: 'not_found', message });
}
