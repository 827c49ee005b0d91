/** The device database: its shape, store names and version. */
import type { DBSchema } from 'idb';
import type { Catalogue } from '../../shared/domain/catalogue.js';
import type { Parcel } from '../../shared/domain/parcel.js';
import type { PackState } from '../../shared/flows/pack-state.js';
import type { PickState } from '../../shared/flows/pick-state.js';
import type { PickSettings } from '../../shared/picking/pick-settings.js';
import type { PickBatch } from '../../shared/protocol/pick.js';
import type { ReturnState } from '../../shared/flows/return-state.js';
import type { EnrolResponse, RejectCode } from '../../shared/protocol/sync.js';
import type { SyncEvent } from '../../shared/protocol/events.js';

/** The IndexedDB database name. */
export const DB_NAME = 'floorpack';
/** Bump together with an upgrade step in db.ts. */
export const DB_VERSION = 1;

/**
 * Object store and index names.
 * PERSISTED ON EVERY DEVICE: NEVER RENAME WITHOUT A MIGRATION (an upgrade step in db.ts).
 */
export const STORES = {
  meta: 'meta',
  parcels: 'parcels',
  outbox: 'outbox',
} as const;
/** Outbox index names. PERSISTED: never rename without a migration. */
export const OUTBOX_INDEXES = {
  byStatus: 'by-status-seq',
  byShipment: 'by-shipment',
} as const;

/** The device credential as stored after enrolment. */
export interface Credential extends EnrolResponse {
  enrolledAt: string;
}

/** The staff member signed in on this device. */
export interface StaffSession {
  staffId: string;
  code: string;
  name: string;
  signedInAt: string;
}

/** Values kept in the meta store, by key. Persisted: never rename a key without a migration. */
export interface MetaValues {
  credential: Credential;
  session: StaffSession;
  packState: PackState;
  /** The returns screen's state (issue 4). */
  returnState: ReturnState;
  /** The last per-device sequence number used (0 before the first event). */
  deviceSeq: number;
  cursor: string;
  catalogue: Catalogue;
  lastSyncAt: string;
  // --- picking ---
  pickState: PickState;
  /** Open and claimed pick batches by id, as last pulled. */
  batches: Record<string, PickBatch>;
  pickSettings: PickSettings;
}
export type MetaKey = keyof MetaValues;
/** One meta record. */
export type MetaRecord = { [K in MetaKey]: { key: K; value: MetaValues[K] } }[MetaKey];

/** pending: not yet accepted by the server; synced: applied or duplicate; rejected: refused, kept with its reason. */
export type OutboxStatus = 'pending' | 'synced' | 'rejected';

/** Why the server refused an event, in its own words and codes. */
export interface Rejection {
  code: RejectCode;
  message: string;
  detail?: Record<string, string>;
}

/** One recorded event and what became of it. */
export interface OutboxEntry {
  id: string;
  deviceSeq: number;
  /** Copied out of the payload so the outbox can be looked up by parcel (outboxKeyOf: "batch:<id>" for pick events, "order:<number>" for a return logged by order number). */
  shipmentId: string;
  event: SyncEvent;
  status: OutboxStatus;
  recordedAt: string;
  syncedAt: string | null;
  rejection: Rejection | null;
}

/** The typed schema for idb. */
export interface FloorpackDB extends DBSchema {
  [STORES.meta]: { key: MetaKey; value: MetaRecord };
  [STORES.parcels]: { key: string; value: Parcel };
  [STORES.outbox]: {
    key: string;
    value: OutboxEntry;
    indexes: { [OUTBOX_INDEXES.byStatus]: [OutboxStatus, number]; [OUTBOX_INDEXES.byShipment]: string };
  };
}
