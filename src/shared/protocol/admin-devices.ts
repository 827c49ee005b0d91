/** Admin device management and supervisor flags (admin token): the wire format of routes/admin-devices.ts. */
import { z } from 'zod';

/** Why a supervisor must look: a hole or a restart in a device's event sequence, or a held parcel packed offline. */
export const supervisorFlagKindSchema = z.enum(['seq_gap', 'seq_restart', 'packed_while_held', 'db_lost']);
export type SupervisorFlagKind = z.infer<typeof supervisorFlagKindSchema>;

/** One flag, in words and figures. */
export const supervisorFlagSchema = z.object({
  id: z.string(),
  kind: supervisorFlagKindSchema,
  warehouseId: z.string(),
  deviceId: z.string().nullable(),
  deviceName: z.string().nullable(),
  staffId: z.string().nullable(),
  shipmentId: z.string().nullable(),
  eventId: z.string().nullable(),
  message: z.string(),
  detail: z.record(z.string(), z.string()),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type SupervisorFlag = z.infer<typeof supervisorFlagSchema>;

/** GET /api/admin/supervisor-flags?open=true&warehouseId=… */
export const supervisorFlagsQuerySchema = z.object({
  warehouseId: z.string().min(1).optional(),
  open: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const supervisorFlagsResponseSchema = z.object({ flags: z.array(supervisorFlagSchema) });

/** One device as the console lists it. */
export const adminDeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  warehouseId: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  /** Highest event sequence number the server has from this device. */
  lastDeviceSeq: z.number().int(),
  /** Unresolved sequence flags: its outbox had a hole or restarted (local database lost?). */
  sequenceFlags: z.number().int(),
  /** Unresolved flags of any kind about this device. */
  openFlags: z.number().int(),
  /** Events the server has received from this device, and how many of them it refused. */
  eventsReceived: z.number().int(),
  eventsRejected: z.number().int(),
  /** What the device said waits in its outbox at its last pull; null until it has reported. */
  queued: z.object({ pending: z.number().int(), rejected: z.number().int(), reportedAt: z.string() }).nullable(),
});
export type AdminDevice = z.infer<typeof adminDeviceSchema>;

/** GET /api/admin/devices?warehouseId=… */
export const adminDevicesQuerySchema = z.object({ warehouseId: z.string().min(1).optional() });
export const adminDevicesResponseSchema = z.object({ devices: z.array(adminDeviceSchema) });
export type AdminDevicesResponse = z.infer<typeof adminDevicesResponseSchema>;

/** :id in the device and flag routes. */
export const idParamsSchema = z.object({ id: z.string().min(1).max(200) });

/** POST /api/admin/devices/:id/revoke */
export const revokeDeviceResponseSchema = z.object({ id: z.string(), revokedAt: z.string() });

/** PUT /api/admin/staff/:id/pin: set a staff member's sign-in PIN (4–8 digits), or null to remove it. */
export const setStaffPinRequestSchema = z.object({ pin: z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits').nullable() });
export const setStaffPinResponseSchema = z.object({ staffId: z.string(), pinRequired: z.boolean() });
