/** Admin device management and supervisor flags (admin token): the wire format of routes/admin-devices.ts. */
import * as z from 'zod/mini';
import { STAFF_PIN_PATTERN } from '../domain/staff-pin.js';

/** Why a supervisor must look: a hole or a restart in a device's event sequence, a held parcel packed offline, a lost device database, or an event the server failed to apply. */
export const supervisorFlagKindSchema = z.enum(['seq_gap', 'seq_restart', 'packed_while_held', 'db_lost', 'event_failed', 'label_mismatch', 'loaded_while_held']);
export type SupervisorFlagKind = z.infer<typeof supervisorFlagKindSchema>;

/** One flag, in words and figures. */
export const supervisorFlagSchema = z.object({
  id: z.string(),
  kind: supervisorFlagKindSchema,
  warehouseId: z.string(),
  deviceId: z.nullable(z.string()),
  deviceName: z.nullable(z.string()),
  staffId: z.nullable(z.string()),
  shipmentId: z.nullable(z.string()),
  eventId: z.nullable(z.string()),
  message: z.string(),
  detail: z.record(z.string(), z.string()),
  createdAt: z.string(),
  resolvedAt: z.nullable(z.string()),
});
export type SupervisorFlag = z.infer<typeof supervisorFlagSchema>;

/** GET /api/admin/supervisor-flags?open=true&warehouseId=… */
export const supervisorFlagsQuerySchema = z.object({
  warehouseId: z.optional(z.string().check(z.minLength(1))),
  open: z.optional(z.enum(['true', 'false'])),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000)), 200),
});
export const supervisorFlagsResponseSchema = z.object({ flags: z.array(supervisorFlagSchema) });

/** One device as the console lists it. */
export const adminDeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  warehouseId: z.string(),
  createdAt: z.string(),
  revokedAt: z.nullable(z.string()),
  lastSeenAt: z.nullable(z.string()),
  /** Highest event sequence number the server has from this device. */
  lastDeviceSeq: z.int(),
  /** Unresolved sequence flags: its outbox had a hole or restarted (local database lost?). */
  sequenceFlags: z.int(),
  /** Unresolved flags of any kind about this device. */
  openFlags: z.int(),
  /** Events the server has received from this device, and how many of them it refused. */
  eventsReceived: z.int(),
  eventsRejected: z.int(),
  /** The app version the device named at its last pull (null: not yet, or an app older than that header). */
  appVersion: z._default(z.nullable(z.string()), null),
  /** What the device said waits in its outbox at its last pull; null until it has reported. */
  queued: z.nullable(z.object({ pending: z.int(), rejected: z.int(), reportedAt: z.string() })),
  /**
   * The oldest event the device could not sync, as it reported it at its last pull (null: its queue
   * moves). The device keeps the event and retries it; a supervisor decides what to do.
   */
  stuck: z._default(
    z.nullable(
      z.object({
        eventId: z.string(),
        type: z.string(),
        /** When the device recorded it (ISO), if it said. */
        recordedAt: z.nullable(z.string()),
        attempts: z.int(),
        /** The server's last answer for it, or how the device's requests failed. */
        reason: z.string(),
        reportedAt: z.string(),
      }),
    ),
    null,
  ),
});
export type AdminDevice = z.infer<typeof adminDeviceSchema>;

/** GET /api/admin/devices?warehouseId=… */
export const adminDevicesQuerySchema = z.object({ warehouseId: z.optional(z.string().check(z.minLength(1))) });
export const adminDevicesResponseSchema = z.object({ devices: z.array(adminDeviceSchema) });
export type AdminDevicesResponse = z.infer<typeof adminDevicesResponseSchema>;

/** :id in the device and flag routes. */
export const idParamsSchema = z.object({ id: z.string().check(z.minLength(1), z.maxLength(200)) });

/** POST /api/admin/devices/:id/revoke */
export const revokeDeviceResponseSchema = z.object({ id: z.string(), revokedAt: z.string() });

/** PUT /api/admin/staff/:id/pin: set a staff member's sign-in PIN (4–8 digits), or null to remove it. */
export const setStaffPinRequestSchema = z.object({ pin: z.nullable(z.string().check(z.regex(STAFF_PIN_PATTERN, 'must be 4 to 8 digits'))) });
export const setStaffPinResponseSchema = z.object({ staffId: z.string(), pinRequired: z.boolean() });
