/**
 * Events: named commands a device records offline and pushes; the server applies each exactly once.
 * Persisted on devices and on the server: never rename a type or a field without a migration.
 */
import * as z from 'zod/mini';
import type { EVENT_TYPES } from './event-types.js';
import { humanTouchFlagSchema } from '../domain/catalogue.js';

/** parcel.packed: every unit verified by scan, inserts/gift/human-touch confirmed. */
export const parcelPackedPayloadSchema = z.object({
  shipmentId: z.string().check(z.minLength(1)),
  startedAt: z.iso.datetime(),
  /** Units verified per product; must equal the parcel's lines on the server. */
  items: z.array(z.object({ productCode: z.string().check(z.minLength(1)), qty: z.int().check(z.positive()) })).check(z.minLength(1)),
  insertCodes: z.array(z.string()),
  giftCode: z.nullable(z.string()),
  flags: z.array(humanTouchFlagSchema),
});
export type ParcelPackedPayload = z.infer<typeof parcelPackedPayloadSchema>;

// --- picking ---
/** Units given to one parcel of a batch. */
const pickAllocationSchema = z.object({ shipmentId: z.string().check(z.minLength(1)), qty: z.int().check(z.nonnegative()) });

/** batch.claimed: a picker took a batch; `shipmentIds` is the batch as the device saw it (a rebuilt batch is refused). */
export const batchClaimedPayloadSchema = z.object({
  batchId: z.string().check(z.minLength(1)),
  shipmentIds: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
});

/** pick.confirmed: one stop picked in full, every unit confirmed by scan (or keyed after a scan). */
export const pickConfirmedPayloadSchema = z.object({
  batchId: z.string().check(z.minLength(1)),
  productCode: z.string().check(z.minLength(1)),
  location: z.string(),
  qty: z.int().check(z.nonnegative()),
  allocations: z.array(pickAllocationSchema),
});

/** pick.short: fewer units found than needed; `shortShipmentIds` lost by the allocation rule (shortage.ts). */
export const pickShortPayloadSchema = z.object({
  batchId: z.string().check(z.minLength(1)),
  productCode: z.string().check(z.minLength(1)),
  location: z.string(),
  required: z.int().check(z.positive()),
  found: z.int().check(z.nonnegative()),
  allocations: z.array(pickAllocationSchema),
  shortShipmentIds: z.array(z.string().check(z.minLength(1))),
});

/** batch.completed: every stop picked or short; the parcels not short are picked. */
export const batchCompletedPayloadSchema = z.object({
  batchId: z.string().check(z.minLength(1)),
  shortShipmentIds: z.array(z.string().check(z.minLength(1))),
});
/** What state a returned item arrived in; 'missing' = expected back but not in the box (欠品). */
export const returnConditionSchema = z.enum(['unopened', 'opened', 'damaged', 'missing']);
export type ReturnCondition = z.infer<typeof returnConditionSchema>;

/** return.received: returns staff confirmed what came back, per item, with condition and reason. */
export const returnReceivedPayloadSchema = z
  .object({
    /** The parcel being returned; null when the device did not hold it and logged it by order number. */
    shipmentId: z.nullable(z.string().check(z.minLength(1))),
    /** The order number, always sent; the server resolves it to a parcel when shipmentId is null. */
    orderNumber: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
    startedAt: z.iso.datetime(),
    /** Items of the parcel, received (unopened/opened/damaged) or missing; a product may appear per condition. */
    items: z
      .array(
        z.object({
          productCode: z.string().check(z.minLength(1)),
          qty: z.int().check(z.positive()),
          condition: returnConditionSchema,
          /** A code of the catalogue's returnReasons; null only for missing items. */
          reasonCode: z.nullable(z.string().check(z.minLength(1))),
          note: z.optional(z.string().check(z.maxLength(500))),
        }),
      )
      .check(z.maxLength(500)),
    /** Things in the box that the parcel never held (a product of another order, an unknown barcode). */
    unexpectedItems: z
      .array(z.object({ code: z.string().check(z.minLength(1)), productCode: z.nullable(z.string()), qty: z.int().check(z.positive()) }))
      .check(z.maxLength(500)),
    /** Free note of the returns staff (optional). */
    note: z.nullable(z.string().check(z.maxLength(1000))),
  })
  .check(
    z.refine((p) => p.items.some((i) => i.condition !== 'missing') || p.unexpectedItems.length > 0, {
      message: 'a return receipt must list at least one item that arrived',
    }),
    z.refine((p) => p.items.every((i) => i.condition === 'missing' || i.reasonCode !== null), {
      message: 'every item that arrived needs a reason code',
    }),
  );
export type ReturnReceivedPayload = z.infer<typeof returnReceivedPayloadSchema>;

/** The body of each event type: a new kind of floor work adds its member here. */
export const eventBodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('parcel.packed'), payload: parcelPackedPayloadSchema }),
  z.object({ type: z.literal('batch.claimed'), payload: batchClaimedPayloadSchema }),
  z.object({ type: z.literal('pick.confirmed'), payload: pickConfirmedPayloadSchema }),
  z.object({ type: z.literal('pick.short'), payload: pickShortPayloadSchema }),
  z.object({ type: z.literal('batch.completed'), payload: batchCompletedPayloadSchema }),
  z.object({ type: z.literal('return.received'), payload: returnReceivedPayloadSchema }),
]);
export type EventBody = z.infer<typeof eventBodySchema>;
export type EventType = EventBody['type'];

// The plain list of types (event-types.ts) and the schema's members are one and the same set.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const TYPES_LISTED: Same<EventType, (typeof EVENT_TYPES)[number]> = true;
void TYPES_LISTED;

/** The envelope every event travels in: client-made id, per-device sequence, who and when. */
export const eventEnvelopeSchema = z.object({
  /** Client-made UUID: the idempotency key. */
  id: z.uuid(),
  /** 1, 2, 3 … per device, in the order the device recorded them (at most 2^31-1: the server stores an int4). */
  deviceSeq: z.int().check(z.positive(), z.lte(2_147_483_647)),
  staffId: z.string().check(z.minLength(1)),
  /** Device clock when recorded (ISO 8601). */
  at: z.iso.datetime(),
});

/** A full event as stored in the device outbox and sent in a push. */
export const syncEventSchema = z.intersection(eventEnvelopeSchema, eventBodySchema);
export type SyncEvent = z.infer<typeof syncEventSchema>;
