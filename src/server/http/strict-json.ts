/**
 * The JSON body parser: Fastify's own (prototype-poisoning safe), plus a refusal of strings PostgreSQL
 * cannot store: U+0000 (not allowed in text or jsonb) and lone UTF-16 surrogates (JSON lets "\ud800"
 * through, jsonb refuses it). Either would fail deep inside a transaction as a 500; refusing it at the
 * boundary makes it a 400 that changes nothing.
 */
import type { FastifyInstance } from 'fastify';

/** A 400 for a body the database could never store. */
class UnstorableTextError extends Error {
  readonly statusCode = 400;
  constructor() {
    super('Request body contains a NUL character or a lone UTF-16 surrogate, which no field accepts.');
  }
}

// With the u flag a proper surrogate pair is one code point, so \p{Cs} matches only lone halves.
const UNSTORABLE = /\u0000|\p{Cs}/u;

/** True when any string (key or value) inside `value` holds U+0000 or a lone surrogate. */
function containsUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return UNSTORABLE.test(value);
  if (Array.isArray(value)) return value.some(containsUnstorableText);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => UNSTORABLE.test(k) || containsUnstorableText(v));
  return false;
}

/** Replaces the application/json parser with the strict one. */
export function registerStrictJsonParser(app: FastifyInstance): void {
  const parseDefault = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseDefault(request, body as string, (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined);
      if (containsUnstorableText(value)) return done(new UnstorableTextError(), undefined);
      done(null, value);
    });
  });
}
