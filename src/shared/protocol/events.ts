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

// --- picking ---
/** Units given to one parcel of a batch. */
const pickAllocationSchema = z.object({ shipmentId: z.string().min(1), qty: z.number().int().nonnegative() });

/** batch.claimed: a picker took a batch; `shipmentIds` is the batch as the device saw it (a rebuilt batch is refused). */
export const batchClaimedPayloadSchema = z.object({
  batchId: z.string().min(1),
  shipmentIds: z.array(z.string().min(1)).min(1),
});

/** pick.confirmed: one stop picked in full, every unit confirmed by scan (or keyed after a scan). */
export const pickConfirmedPayloadSchema = z.object({
  batchId: z.string().min(1),
  productCode: z.string().min(1),
  location: z.string(),
  qty: z.number().int().nonnegative(),
  allocations: z.array(pickAllocationSchema),
});

/** pick.short: fewer units found than needed; `shortShipmentIds` lost by the allocation rule (shortage.ts). */
export const pickShortPayloadSchema = z.object({
  batchId: z.string().min(1),
  productCode: z.string().min(1),
  location: z.string(),
  required: z.number().int().positive(),
  found: z.number().int().nonnegative(),
  allocations: z.array(pickAllocationSchema),
  shortShipmentIds: z.array(z.string().min(1)),
});

/** batch.completed: every stop picked or short; the parcels not short are picked. */
export const batchCompletedPayloadSchema = z.object({
  batchId: z.string().min(1),
  shortShipmentIds: z.array(z.string().min(1)),
});

/** The body of each event type; new issues add members here. */
export const eventBodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('parcel.packed'), payload: parcelPackedPayloadSchema }),
  z.object({ type: z.literal('batch.claimed'), payload: batchClaimedPayloadSchema }),
  z.object({ type: z.literal('pick.confirmed'), payload: pickConfirmedPayloadSchema }),
  z.object({ type: z.literal('pick.short'), payload: pickShortPayloadSchema }),
  z.object({ type: z.literal('batch.completed'), payload: batchCompletedPayloadSchema }),
]);
export type EventBody = z.infer<typeof eventBodySchema>;
export type EventType = EventBody['type'];

/** The envelope every event travels in: client-made id, per-device sequence, who and when. */
export const eventEnvelopeSchema = z.object({
  /** Client-made UUID: the idempotency key. */
  id: z.string().uuid(),
  /** 1, 2, 3 … per device, in the order the device recorded them. */
  deviceSeq: z.number().int().positive(),
  staffId: z.string().min(1),
  /** Device clock when recorded (ISO 8601). */
  at: z.string().datetime(),
});

/** A full event as stored in the device outbox and sent in a push. */
export const syncEventSchema = z.intersection(eventEnvelopeSchema, eventBodySchema);
export type SyncEvent = z.infer<typeof syncEventSchema>;
