/** The device database: its shape, store and index names, version and the records it holds. */
import type { DBSchema } from 'idb';
import type { Catalogue } from '../../shared/domain/catalogue.js';
import type { Parcel } from '../../shared/domain/parcel.js';
import type { PackState } from '../../shared/flows/pack-state.js';
import type { PickState } from '../../shared/flows/pick-state.js';
import type { PickSettings } from '../../shared/picking/pick-settings.js';
import type { PickBatch } from '../../shared/protocol/pick.js';
import type { ReturnState } from '../../shared/flows/return-state.js';
import type { LoadState } from '../../shared/flows/load-state.js';
import type { EnrolResponse, RejectCode } from '../../shared/protocol/sync.js';
import type { SyncEvent } from '../../shared/protocol/events.js';
import type { EventSubject } from '../../shared/protocol/event-subject.js';

/** The IndexedDB database name. */
export const DB_NAME = 'floorpack';
/** Bump together with a new upgrade step in upgrade.ts. */
export const DB_VERSION = 2;

/**
 * Object store names.
 * PERSISTED ON EVERY DEVICE: NEVER RENAME WITHOUT A MIGRATION (an upgrade step in upgrade.ts).
 */
export const STORES = {
  meta: 'meta',
  parcels: 'parcels',
  outbox: 'outbox',
} as const;
/** Outbox index names. PERSISTED: never rename without a migration. */
export const OUTBOX_INDEXES = {
  byStatus: 'by-status-seq',
  bySubject: 'by-subject',
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
  returnState: ReturnState;
  loadState: LoadState;
  /** The last per-device sequence number used (0 before the first event). */
  deviceSeq: number;
  cursor: string;
  catalogue: Catalogue;
  lastSyncAt: string;
  pickState: PickState;
  /** Open and claimed pick batches by id, as last pulled. */
  batches: Record<string, PickBatch>;
  pickSettings: PickSettings;
  /** What one push may carry, as the server last announced it in a pull reply (absent: the defaults). */
  pushLimits: PushLimits;
}

/** The most events and bytes (of the JSON body) one push may carry. */
export interface PushLimits {
  maxEvents: number;
  maxBytes: number;
}
/** A key of the meta store. */
export type MetaKey = keyof MetaValues;
/** One meta record. */
export type MetaRecord = { [K in MetaKey]: { key: K; value: MetaValues[K] } }[MetaKey];

/** pending: not yet accepted by the server; synced: applied or duplicate; rejected: refused, kept with its reason. */
export type OutboxStatus = 'pending' | 'synced' | 'rejected';

/** What an outbox event is about (shared/protocol/event-subject.ts builds and reads it). */
export type OutboxSubject = EventSubject;

/** Why this device itself kept an event back: it could not read the stored event as the wire format. */
export type DeviceRejectCode = 'unreadable';

/** Why an event was refused: by the server, in its own words and codes, or by this device before sending. */
export interface Rejection {
  code: RejectCode | DeviceRejectCode;
  message: string;
  detail?: Record<string, string>;
}

/** One recorded event and what became of it. */
export interface OutboxEntry {
  id: string;
  deviceSeq: number;
  /** What the event is about, copied out of its payload so the outbox can be looked up by it. */
  subject: OutboxSubject;
  event: SyncEvent;
  status: OutboxStatus;
  recordedAt: string;
  syncedAt: string | null;
  rejection: Rejection | null;
  // The retry record of a pending event. Optional and unindexed, so entries written before they
  // existed read as "never failed" and no database upgrade is needed.
  /** Failed attempts to sync it: deferred by the server, or sent in a request that failed as a whole. */
  attempts?: number;
  /** When the first of those attempts failed (ISO). */
  failingSince?: string;
  /** Why the last attempt failed: the server's message, or how the request failed. */
  lastReason?: string;
  /** Not sent again before this time (ISO): the backoff after a deferred answer. */
  retryAt?: string;
  /** Its size in bytes when no push could carry it (larger than the server's limit): kept, not sent. */
  tooLarge?: number;
}

/** The typed schema for idb. */
export interface FloorpackDB extends DBSchema {
  [STORES.meta]: { key: MetaKey; value: MetaRecord };
  [STORES.parcels]: { key: string; value: Parcel };
  [STORES.outbox]: {
    key: string;
    value: OutboxEntry;
    indexes: { [OUTBOX_INDEXES.byStatus]: [OutboxStatus, number]; [OUTBOX_INDEXES.bySubject]: OutboxSubject };
  };
}
