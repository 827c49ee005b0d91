/**
 * POST /api/sync/push: the request body. Only the server parses it (a device builds it from its own
 * outbox), so it lives apart from sync.ts: the device's reply parsers then bundle none of the event schemas.
 */
import * as z from 'zod/mini';
import { PUSH_MAX_EVENTS } from './sync.js';

/**
 * A batch of events from the outbox, oldest first. Each event is checked against `syncEventSchema`
 * on its own (server/sync/read-events.ts): one that does not read is refused alone, with the reason,
 * and the others are applied; only a body that is not a batch at all is refused whole.
 */
export const pushRequestSchema = z.object({
  events: z.array(z.unknown()).check(z.minLength(1), z.maxLength(PUSH_MAX_EVENTS)),
});
