/**
 * POST /api/sync/push: the request body. Only the server parses it (a device builds it from its own
 * outbox), so it lives apart from sync.ts: the device's reply parsers then bundle none of the event schemas.
 */
import * as z from 'zod/mini';
import { syncEventSchema } from './events.js';
import { PUSH_MAX_EVENTS } from './sync.js';

/** A batch of events from the outbox, oldest first. */
export const pushRequestSchema = z.object({
  events: z.array(syncEventSchema).check(z.minLength(1), z.maxLength(PUSH_MAX_EVENTS)),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;
