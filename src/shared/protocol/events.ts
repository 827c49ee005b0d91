/**
 * Events: named commands a device records offline and pushes; the server applies each exactly once.
 * Persisted on devices and on the server: never rename a type or a field without a migration.
 */
import * as z from 'zod/mini';
import type { EVENT_TYPES } from './event-types.js';
import { humanTouchFlagSchema } from '../domain/catalogue.js';
import { carrierIdSchema } from '../domain/carrier.js';
import { MAX_BOXES, MAX_EVENT_BYTES, MAX_EVENT_LINES, MAX_TRACKING_CHARS, MAX_ID_CHARS, MAX_INSERT_CODES, MAX_ITEM_NOTE_CHARS, MAX_ORDER_NUMBER_CHARS, MAX_RETURN_NOTE_CHARS, utf8Bytes } from './event-limits.js';

// Every string and list has a maximum (event-limits.ts), so no event the schema accepts is too big to store or to
// send: one event stays under MAX_EVENT_BYTES, far below a push's body limit (PUSH_MAX_BYTES).


/** An identifier: not empty, at most MAX_ID_CHARS. */
const idText = () => z.string().check(z.minLength(1), z.maxLength(MAX_ID_CHARS));
/** A tracking number as the device normalised it (digits, start/stop letters and hyphens removed). */
const trackingText = () => z.string().check(z.minLength(1), z.maxLength(MAX_TRACKING_CHARS));

/**
 * A device clock reading PostgreSQL can store: ISO 8601 in UTC, years 0001–9999 (the format has
 * four digits, so only year 0000 is out). A handheld whose clock reset to 1970 still syncs its scans:
 * an implausible time is the device's to explain, not a reason to refuse its work.
 */
export const deviceTimeSchema = z.iso.datetime().check(
  z.refine((at) => !at.startsWith('0000-'), { message: 'year 0000 is not a time the server can store (years 0001–9999)' }),
);

/** parcel.packed: every unit verified by scan, inserts/gift/human-touch confirmed. */
export const parcelPackedPayloadSchema = z.object({
  shipmentId: idText(),
  startedAt: deviceTimeSchema,
  /** Units verified per product; must equal the parcel's lines on the server. */
  items: z.array(z.object({ productCode: idText(), qty: z.int().check(z.positive(), z.lte(1_000_000)) })).check(z.minLength(1), z.maxLength(MAX_EVENT_LINES)),
  insertCodes: z.array(z.string().check(z.maxLength(MAX_ID_CHARS))).check(z.maxLength(MAX_INSERT_CODES)),
  giftCode: z.nullable(z.string().check(z.maxLength(MAX_ID_CHARS))),
  flags: z.array(humanTouchFlagSchema).check(z.maxLength(10)),
  /** Boxes the packer confirmed (個口数); absent from older devices (one box). */
  boxCount: z.optional(z.int().check(z.gte(1), z.lte(MAX_BOXES))),
  /** Labels scanned at packing (送り状照合), one per box, normalised digits; absent or empty when none was scanned. */
  labels: z.optional(z.array(z.object({ box: z.int().check(z.gte(1), z.lte(MAX_BOXES)), trackingNumber: trackingText() })).check(z.maxLength(MAX_BOXES))),
});
export type ParcelPackedPayload = z.infer<typeof parcelPackedPayloadSchema>;

// --- picking ---
/** Units given to one parcel of a batch. */
const pickAllocationSchema = z.object({ shipmentId: idText(), qty: z.int().check(z.nonnegative(), z.lte(1_000_000)) });
/** The parcels of one batch, as the device lists them. */
const batchShipmentIds = () => z.array(idText()).check(z.maxLength(MAX_EVENT_LINES));

/** batch.claimed: a picker took a batch; `shipmentIds` is the batch as the device saw it (a rebuilt batch is refused). */
export const batchClaimedPayloadSchema = z.object({
  batchId: idText(),
  shipmentIds: batchShipmentIds().check(z.minLength(1)),
});

/** pick.confirmed: one stop picked in full, every unit confirmed by scan (or keyed after a scan). */
export const pickConfirmedPayloadSchema = z.object({
  batchId: idText(),
  productCode: idText(),
  location: z.string().check(z.maxLength(MAX_ID_CHARS)),
  qty: z.int().check(z.nonnegative(), z.lte(1_000_000)),
  allocations: z.array(pickAllocationSchema).check(z.maxLength(MAX_EVENT_LINES)),
});

/** pick.short: fewer units found than needed; `shortShipmentIds` lost by the allocation rule (shortage.ts). */
export const pickShortPayloadSchema = z.object({
  batchId: idText(),
  productCode: idText(),
  location: z.string().check(z.maxLength(MAX_ID_CHARS)),
  required: z.int().check(z.positive(), z.lte(1_000_000)),
  found: z.int().check(z.nonnegative(), z.lte(1_000_000)),
  allocations: z.array(pickAllocationSchema).check(z.maxLength(MAX_EVENT_LINES)),
  shortShipmentIds: batchShipmentIds(),
});

/** batch.completed: every stop picked or short; the parcels not short are picked. */
export const batchCompletedPayloadSchema = z.object({
  batchId: idText(),
  shortShipmentIds: batchShipmentIds(),
});
/** What state a returned item arrived in; 'missing' = expected back but not in the box (欠品). */
export const returnConditionSchema = z.enum(['unopened', 'opened', 'damaged', 'missing']);
export type ReturnCondition = z.infer<typeof returnConditionSchema>;

/** return.received: returns staff confirmed what came back, per item, with condition and reason. */
export const returnReceivedPayloadSchema = z
  .object({
    /** The parcel being returned; null when the device did not hold it and logged it by order number. */
    shipmentId: z.nullable(idText()),
    /** The order number, always sent; the server resolves it to a parcel when shipmentId is null. */
    orderNumber: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_ORDER_NUMBER_CHARS)),
    startedAt: deviceTimeSchema,
    /** Items of the parcel, received (unopened/opened/damaged) or missing; a product may appear per condition. */
    items: z
      .array(
        z.object({
          productCode: idText(),
          qty: z.int().check(z.positive(), z.lte(1_000_000)),
          condition: returnConditionSchema,
          /** A code of the catalogue's returnReasons; null only for missing items. */
          reasonCode: z.nullable(idText()),
          note: z.optional(z.string().check(z.maxLength(MAX_ITEM_NOTE_CHARS))),
        }),
      )
      .check(z.maxLength(MAX_EVENT_LINES)),
    /** Things in the box that the parcel never held (a product of another order, an unknown barcode). */
    unexpectedItems: z
      .array(z.object({ code: idText(), productCode: z.nullable(z.string().check(z.maxLength(MAX_ID_CHARS))), qty: z.int().check(z.positive(), z.lte(1_000_000)) }))
      .check(z.maxLength(MAX_EVENT_LINES)),
    /** Free note of the returns staff (optional). */
    note: z.nullable(z.string().check(z.maxLength(MAX_RETURN_NOTE_CHARS))),
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

// --- shipping ---
/** load.scanned: one box's label scanned as it went onto the truck (積込検品), within one handover. */
export const loadScannedPayloadSchema = z.object({
  /** Client-made id of the handover (one truck, one carrier) this scan belongs to. */
  handoverId: idText(),
  carrierId: carrierIdSchema,
  trackingNumber: trackingText(),
  /** The parcel the device matched the label to; null when the device did not know the label (the server resolves it). */
  shipmentId: z.nullable(idText()),
});
export type LoadScannedPayload = z.infer<typeof loadScannedPayloadSchema>;

/** handover.closed: the driver left; the parcels whose every box was loaded in this handover become shipped. */
export const handoverClosedPayloadSchema = z.object({
  handoverId: idText(),
  carrierId: carrierIdSchema,
  startedAt: deviceTimeSchema,
  /** Boxes the device counted as loaded, for the manifest's cross-check. */
  boxesLoaded: z.int().check(z.nonnegative(), z.lte(100_000)),
});
export type HandoverClosedPayload = z.infer<typeof handoverClosedPayloadSchema>;

/** The body of each event type: a new kind of floor work adds its member here. */
export const eventBodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('parcel.packed'), payload: parcelPackedPayloadSchema }),
  z.object({ type: z.literal('batch.claimed'), payload: batchClaimedPayloadSchema }),
  z.object({ type: z.literal('pick.confirmed'), payload: pickConfirmedPayloadSchema }),
  z.object({ type: z.literal('pick.short'), payload: pickShortPayloadSchema }),
  z.object({ type: z.literal('batch.completed'), payload: batchCompletedPayloadSchema }),
  z.object({ type: z.literal('return.received'), payload: returnReceivedPayloadSchema }),
  z.object({ type: z.literal('load.scanned'), payload: loadScannedPayloadSchema }),
  z.object({ type: z.literal('handover.closed'), payload: handoverClosedPayloadSchema }),
]);
export type EventBody = z.infer<typeof eventBodySchema>;
export type EventType = EventBody['type'];

// The plain list of types (event-types.ts) and the schema's members are one and the same set.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const TYPES_LISTED: Same<EventType, (typeof EVENT_TYPES)[number]> = true;
void TYPES_LISTED;

/** The envelope every event travels in: client-made id, per-device sequence, who and when. */
export const eventEnvelopeSchema = z.object({
  /**
   * Client-made UUID: the idempotency key. Any case is accepted; the server looks it up and records it
   * in lower case (the form PostgreSQL hands back) and answers with the id as sent.
   */
  id: z.uuid(),
  /** 1, 2, 3 … per device, in the order the device recorded them (at most 2^31-1: the server stores an int4). */
  deviceSeq: z.int().check(z.positive(), z.lte(2_147_483_647)),
  staffId: idText(),
  /** Device clock when recorded (ISO 8601, UTC). */
  at: deviceTimeSchema,
});

/** A full event as stored in the device outbox and sent in a push: at most MAX_EVENT_BYTES of JSON. */
export const syncEventSchema = z.intersection(eventEnvelopeSchema, eventBodySchema).check(
  z.refine((event) => utf8Bytes(JSON.stringify(event)) <= MAX_EVENT_BYTES, { message: `an event may be at most ${MAX_EVENT_BYTES} bytes of JSON` }),
);
export type SyncEvent = z.infer<typeof syncEventSchema>;
