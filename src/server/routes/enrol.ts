/** POST /api/enrol: a one-time code in, a device credential out. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema, enrolRequestSchema, enrolResponseSchema } from '../../shared/protocol/sync.js';
import { EnrolError, enrolDevice } from '../auth/enrolment.js';
import type { Database } from '../db/client.js';

/** Registers the enrolment route (public: the code is the credential). */
export const enrolRoutes: FastifyPluginAsyncZod<{ database: Database; now: () => Date; perMinute: number }> = async (app, { database, now, perMinute }) => {
  app.post(
    '/api/enrol',
    {
      // Each attempt guesses a one-time code: a handful per minute per address is plenty for people.
      config: { rateLimit: { max: perMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['devices'],
        summary: 'Trade a one-time enrolment code for a device token',
        body: enrolRequestSchema,
        response: { 200: enrolResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema, 429: apiErrorSchema },
      },
    },
    async (request, reply) => {
      try {
        const { code, deviceName, previousDeviceId, previousDeviceSecret } = request.body;
        const previous = previousDeviceId ? { deviceId: previousDeviceId, secret: previousDeviceSecret } : undefined;
        return await enrolDevice(database, code, deviceName, now(), previous);
      } catch (error) {
        if (error instanceof EnrolError) return reply.code(401).send({ error: error.code, message: error.message });
        throw error;
      }
    },
  );
};
