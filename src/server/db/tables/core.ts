/** The floor's own records: the change counter, warehouses, enrolled devices and their codes, staff. */
import { bigint, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { changeSeq, ts } from './columns.js';

/** The single-row high-water mark of the change sequence (see db/change-seq.ts for why a row, not a SEQUENCE). */
export const changeCounter = pgTable('change_counter', {
  id: integer('id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
});

/** A warehouse (物流センター); devices, staff and parcels belong to exactly one. */
export const warehouses = pgTable('warehouses', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** IANA time zone the console and reports show this warehouse's times in (shared/domain/warehouse-time.ts). */
  timeZone: text('time_zone').notNull().default('Asia/Tokyo'),
  /** The carrier of generic 配送方法 names (宅配便, 宅配便(クール)); null: such parcels have no carrier. */
  defaultCarrierId: text('default_carrier_id'),
});

/** An enrolled handheld. Only the sha256 of its token is stored. */
export const devices = pgTable(
  'devices',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    warehouseId: text('warehouse_id').notNull().references(() => warehouses.id),
    tokenHash: text('token_hash').notNull(),
    /**
     * sha256 of the recovery secret the device keeps outside its database: re-enrolling with it proves
     * the new enrolment is this device after its database vanished. Null: enrolled by an older app.
     */
    recoveryHash: text('recovery_hash'),
    createdAt: ts('created_at').notNull(),
    revokedAt: ts('revoked_at'),
    lastSeenAt: ts('last_seen_at'),
    lastDeviceSeq: integer('last_device_seq').notNull().default(0),
    /** The device's own count of unsent / refused outbox events at its last pull (null: never reported). */
    reportedPending: integer('reported_pending'),
    reportedRejected: integer('reported_rejected'),
    reportedAt: ts('reported_at'),
    /** The oldest event the device could not sync, as it reported it at its last pull (null: none). */
    reportedStuck: jsonb('reported_stuck').$type<ReportedStuckEvent>(),
    /** The app and sync protocol versions the device named at its last pull (null: never, or an app older than the headers). */
    appVersion: text('app_version'),
    protocolVersion: integer('protocol_version'),
  },
  (t) => [uniqueIndex('devices_token_hash_idx').on(t.tokenHash)],
);

/** A queued event a device reports it could not sync (see shared/protocol/sync.ts pullQuerySchema). */
export interface ReportedStuckEvent {
  eventId: string;
  type: string;
  /** When the device recorded the event (ISO), if it said. */
  recordedAt: string | null;
  attempts: number;
  reason: string;
}

/** One-time enrolment codes, stored hashed; single use and short-lived. */
export const enrolmentCodes = pgTable('enrolment_codes', {
  codeHash: text('code_hash').primaryKey(),
  warehouseId: text('warehouse_id').notNull().references(() => warehouses.id),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  usedByDeviceId: text('used_by_device_id'),
});

/** Staff who sign in on a device by badge; part of the pulled catalogue of their warehouse. */
export const staff = pgTable('staff', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  warehouseId: text('warehouse_id').notNull().references(() => warehouses.id),
  seq: changeSeq(),
  /** Optional sign-in PIN, as "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>" (auth/staff-pin.ts); pulled with the catalogue. */
  pinHash: text('pin_hash'),
});
