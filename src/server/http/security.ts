/**
 * Security headers (helmet) with a strict Content-Security-Policy for the PWA and the API, and the
 * rate limiter the public routes opt into. Registered before any route so every answer carries them.
 */
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';

/**
 * The policy: everything from our own origin, nothing inline, nothing from a CDN (the app works
 * offline, so it never needs one). Preact sets styles through the CSSOM (element.style), which CSP
 * does not restrict; the build has no inline script or style. No upgrade-insecure-requests: a
 * try-out on http://localhost or 127.0.0.1 must keep working (the floor runs behind HTTPS anyway).
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  // 'wasm-unsafe-eval' lets the page compile WebAssembly (the camera's zxing-cpp decoder, from our own
  // origin: script-src 'self' still decides where code comes from). It does not allow eval() or
  // new Function(); without it WebAssembly.instantiate is refused and the camera view fails.
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  mediaSrc: ["'self'", 'blob:'],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** Registers helmet (global) and the rate limiter (routes opt in with `config.rateLimit`). */
export async function registerSecurity(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // The camera is the only powerful feature the app uses, and only from its own pages.
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('permissions-policy', 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()');
    return payload;
  });
  await app.register(fastifyRateLimit, {
    global: false,
    // A refused attempt is a 429 in the API's error shape, saying when to try again.
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'rate_limited',
      message: `Too many attempts. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
    }),
  });
}
