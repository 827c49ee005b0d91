/** The sync wire format: enrolment, pull (server cursor) and push (events with per-event results). */
import * as z from 'zod/mini';
import { catalogueSchema } from '../domain/catalogue.js';
import { parcelSchema } from '../domain/parcel.js';
import { pickBatchSchema, pickSettingsSchema } from './pick.js';

/** POST /api/enrol: trade a one-time enrolment code for a device credential. */
export const enrolRequestSchema = z.object({
  code: z.string().check(z.trim(), z.minLength(4), z.maxLength(64)),
  deviceName: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
  /**
   * The device id this browser had before its local database vanished (kept outside IndexedDB): the
   * server flags the old device's unsent events as possibly lost for a supervisor.
   */
  previousDeviceId: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  /**
   * The old device's recovery secret, kept beside its id: the proof that this enrolment is that
   * device, without which its credential is not retired (anyone with a code could name any device).
   */
  previousDeviceSecret: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

/** The device credential; the token is shown once and stored hashed on the server. */
export const enrolResponseSchema = z.object({
  deviceId: z.string(),
  deviceName: z.string(),
  token: z.string(),
  warehouseId: z.string(),
  warehouseName: z.string(),
  /**
   * Kept by the device outside IndexedDB (stored hashed on the server): sent back as
   * previousDeviceSecret if the device's database vanishes, it lets the server retire this credential.
   */
  recoverySecret: z.optional(z.string()),
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

/** GET /api/sync/pull?cursor=…: changes since the cursor; "0" means everything. */
export const pullQuerySchema = z.object({
  cursor: z._default(z.string().check(z.regex(/^\d+$/)), '0'),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(5000)), 1000),
  /** The device's unsent and refused outbox events, reported so the console can show what waits where. */
  pending: z.optional(z.coerce.number().check(z.int(), z.gte(0), z.lte(10_000_000))),
  rejected: z.optional(z.coerce.number().check(z.int(), z.gte(0), z.lte(10_000_000))),
  /**
   * The oldest queued event when it has failed to sync for STUCK_AFTER_ATTEMPTS attempts or
   * STUCK_AFTER_MS (absent otherwise): the console lists the device as stuck with it.
   */
  stuckId: z.optional(z.uuid()),
  stuckType: z.optional(z.string().check(z.maxLength(40))),
  /** When the event was recorded on the device (ISO 8601). */
  stuckSince: z.optional(z.iso.datetime()),
  stuckAttempts: z.optional(z.coerce.number().check(z.int(), z.gte(0), z.lte(10_000_000))),
  /** The server's last answer for it, in words. */
  stuckReason: z.optional(z.string().check(z.maxLength(300))),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

/** One page of changes. The device stores it and asks again with `cursor` while `more` is true. */
export const pullResponseSchema = z.object({
  cursor: z.string().check(z.regex(/^\d+$/)),
  more: z.boolean(),
  /** The whole catalogue when anything in it changed since the cursor, else null. */
  catalogue: z.nullable(catalogueSchema),
  /** Parcels created or changed since the cursor (status changes included), in cursor order. */
  parcels: z.array(parcelSchema),
  /** Pick batches created or changed since the cursor (dissolved ones included, so devices drop them). */
  batches: z._default(z.array(pickBatchSchema), []),
  /** The warehouse's picking settings; absent from older servers (devices then use the defaults). */
  pickSettings: z.optional(pickSettingsSchema),
  /** What one push may carry; absent from older servers (devices then keep to the defaults below). */
  pushLimits: z.optional(z.object({ maxEvents: z.int().check(z.positive()), maxBytes: z.int().check(z.positive()) })),
});
/** The input side, so a page without `batches` (an older server, a test) is still a page. */
export type PullResponse = z.input<typeof pullResponseSchema>;

/** Most events one push may carry. */
export const PUSH_MAX_EVENTS = 500;
/** The largest request body the sync server takes (announced in every pull reply as `pushLimits`). */
export const PUSH_MAX_BYTES = 1_048_576;

/** A queued event counts as stuck once it has failed to sync this many times … */
export const STUCK_AFTER_ATTEMPTS = 5;
/** … or for this long since its first failed attempt. */
export const STUCK_AFTER_MS = 10 * 60_000;

/** Machine-readable reasons the server refuses an event; the device shows them in words. */
export const rejectCodeSchema = z.enum([
  'parcel_unknown',
  'parcel_held',
  'already_packed',
  'items_mismatch',
  'id_conflict',
  'invalid',
  // --- picking ---
  'batch_unknown',
  'batch_taken',
  'batch_changed',
  'batch_not_yours',
  'batch_closed',
  // --- returns ---
  'order_unknown',
  'not_shipped',
  'already_returned',
  // --- shipping ---
  /** The label is no tracking number of this carrier, or belongs to no parcel the server knows. */
  'label_unknown',
  /** The parcel goes with another carrier than the handover's. */
  'wrong_carrier',
  /** The parcel is not packed (or its pack is not on the server yet), so it cannot be loaded. */
  'not_packed',
  /** The handover was already closed: a scan after the truck left. */
  'handover_closed',
  // --- access: the event touches another warehouse's data (the HTTP 403 of one event; see src/server/sync/push.ts) ---
  'forbidden',
]);
export type RejectCode = z.infer<typeof rejectCodeSchema>;

/**
 * The server's answer for one event. A rejected event stays visible on the device with its reason.
 * `deferred`: the server could not apply it now for a reason of its own (not the event's fault); the
 * device keeps it queued with the message and retries it, with backoff, on its own.
 * A device reads any answer it does not know (a status or a code from a newer server) as deferred,
 * with the answer's message: never as applied, never as refused (see app/sync/read-results.ts).
 */
export const eventResultSchema = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('applied') }),
  z.object({ id: z.string(), status: z.literal('duplicate') }),
  z.object({ id: z.string(), status: z.literal('deferred'), message: z.string() }),
  z.object({
    id: z.string(),
    status: z.literal('rejected'),
    code: rejectCodeSchema,
    message: z.string(),
    /** Details for the message, e.g. who packed the parcel first. */
    detail: z.optional(z.record(z.string(), z.string())),
  }),
]);
export type EventResult = z.infer<typeof eventResultSchema>;

/** Per-event results, in the order the events were sent. */
export const pushResponseSchema = z.object({
  results: z.array(eventResultSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** The JSON body of every 4xx/5xx answer. */
export const apiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** GET /api/device: who this credential belongs to (also how a device learns it was revoked: 401). */
export const deviceInfoSchema = z.object({
  deviceId: z.string(),
  deviceName: z.string(),
  warehouseId: z.string(),
  warehouseName: z.string(),
});
export type DeviceInfo = z.infer<typeof deviceInfoSchema>;
