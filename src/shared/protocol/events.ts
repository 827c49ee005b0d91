/**
 * Events: named commands a device records offline and pushes; the server applies each exactly once.
 * Persisted on devices and on the server: never rename a type or a field without a migration.
 */
import { z } from 'zod';
import { humanTouchFlagSchema } from '../domain/catalogue.js';

/** parcel.packed: every unit verified by scan, inserts/gift/human-touch confirmed. */
export const parcelPackedPayloadSchema = z.object({
  shipmentId: z.string().min(1),
  startedAt: z.string().datetime(),
  /** Units verified per product; must equal the parcel's lines on the server. */
  items: z.array(z.object({ productCode: z.string().min(1), qty: z.number().int().positive() })).min(1),
  insertCodes: z.array(z.string()),
  giftCode: z.string().nullable(),
  flags: z.array(humanTouchFlagSchema),
});
export type ParcelPackedPayload = z.infer<typeof parcelPackedPayloadSchema>;

/** The body of each event type; new issues add members here. */
export const eventBodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('parcel.packed'), payload: parcelPackedPayloadSchema }),
]);
export type EventBody = z.infer<typeof eventBodySchema>;
export type EventType = EventBody['type'];

/** The envelope every event travels in: client-made id, per-device sequence, who and when. */
export const eventEnvelopeSchema = z.object({
  /** Client-made UUID: the idempotency key. */
  id: z.string().uuid(),
  /** 1, 2, 3 … per device, in the order the device recorded them (at most 2^31-1: the server stores an int4). */
  deviceSeq: z.number().int().positive().max(2_147_483_647),
  staffId: z.string().min(1),
  /** Device clock when recorded (ISO 8601). */
  at: z.string().datetime(),
});

/** A full event as stored in the device outbox and sent in a push. */
export const syncEventSchema = z.intersection(eventEnvelopeSchema, eventBodySchema);
export type SyncEvent = z.infer<typeof syncEventSchema>;
