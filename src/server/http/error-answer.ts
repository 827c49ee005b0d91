/** Every error a route or Fastify throws becomes an answer in the API's error shape ({ error, message }). */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/**
 * The error handler of an app whose bodies are limited to `bodyLimitBytes` (a route may set its own);
 * only a 5xx is logged.
 */
export function answerErrors(bodyLimitBytes: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const message = error.validation
        .map((issue) => `${issue.instancePath ? issue.instancePath.replace(/^\//, '').replaceAll('/', '.') : error.validationContext ?? 'request'}: ${issue.message}`)
        .join('; ');
      return reply.code(400).send({ error: 'bad_request', message: `Invalid ${error.validationContext ?? 'request'}: ${message}` });
    }
    const err = error as { statusCode?: number; code?: string; message?: string };
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const maxBytes = request.routeOptions.bodyLimit ?? bodyLimitBytes;
      return reply.code(413).send({ error: 'payload_too_large', message: `Request body is larger than ${maxBytes} bytes: send less in one request.`, maxBytes });
    }
    if (err.statusCode === 503) {
      // The server cannot work (its database does not answer): nothing was lost, the device tries again later.
      request.log.error({ err: error }, 'service unavailable');
      return reply.code(503).header('retry-after', '30').send({ error: 'unavailable', message: `${err.message ?? 'Service unavailable.'} Nothing was lost: try again later.` });
    }
    if (err.statusCode === 429) {
      // The rate limiter (http/security.ts): say when to come back; Retry-After is already set.
      return reply.code(429).send({ error: 'rate_limited', message: err.message ?? 'Too many requests' });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own client errors (malformed JSON, wrong content type): say what, keep the shape.
      return reply.code(err.statusCode).send({ error: 'bad_request', message: err.message ?? 'Bad request' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: 'internal', message: 'Internal server error. It has been logged.' });
  };
}
