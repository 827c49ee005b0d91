/**
 * The device database's upgrade steps, oldest first. Each upgrades from the version before it, inside
 * the version-change transaction; a released step is never edited: a change is a new step.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { OUTBOX_INDEXES, STORES, type FloorpackDB, type OutboxEntry, type OutboxSubject } from './schema.js';
import { parcelSubject } from '../../shared/protocol/event-subject.js';

/** Version 1's outbox index by `shipmentId`, replaced in version 2 by the subject index. */
const V1_OUTBOX_BY_SHIPMENT = 'by-shipment';

/** An outbox entry as version 1 stored it: its subject, untyped, under the name `shipmentId`. */
type V1OutboxEntry = Omit<OutboxEntry, 'subject'> & { shipmentId: string };

type UpgradeTx = IDBPTransaction<FloorpackDB, StoreNames<FloorpackDB>[], 'versionchange'>;

/** Runs every step newer than `oldVersion`. */
export async function upgradeDatabase(db: IDBPDatabase<FloorpackDB>, oldVersion: number, tx: UpgradeTx): Promise<void> {
  // The steps are written against the shape of their own version, so they see the database untyped.
  if (oldVersion < 1) createVersion1(db as unknown as IDBPDatabase);
  if (oldVersion < 2) await outboxSubjects(tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>);
}

/** Version 1 (released): meta, parcels and the outbox with its status and shipment indexes. */
function createVersion1(db: IDBPDatabase): void {
  db.createObjectStore(STORES.meta, { keyPath: 'key' });
  db.createObjectStore(STORES.parcels, { keyPath: 'shipmentId' });
  const outbox = db.createObjectStore(STORES.outbox, { keyPath: 'id' });
  outbox.createIndex(OUTBOX_INDEXES.byStatus, ['status', 'deviceSeq']);
  outbox.createIndex(V1_OUTBOX_BY_SHIPMENT, 'shipmentId');
}

/**
 * Version 2: an outbox entry's `shipmentId`, which could hold "batch:<id>" or "order:<number>" as well
 * as a parcel's id, becomes a typed `subject` ("parcel:<id>" for a parcel), with its own index.
 */
async function outboxSubjects(tx: IDBPTransaction<unknown, string[], 'versionchange'>): Promise<void> {
  const outbox = tx.objectStore(STORES.outbox);
  outbox.deleteIndex(V1_OUTBOX_BY_SHIPMENT);
  outbox.createIndex(OUTBOX_INDEXES.bySubject, 'subject');
  let cursor = await outbox.openCursor();
  while (cursor) {
    const { shipmentId, ...entry } = cursor.value as V1OutboxEntry;
    await cursor.update({ ...entry, subject: subjectOfV1(shipmentId, entry.event) } satisfies OutboxEntry);
    cursor = await cursor.continue();
  }
}

/** The subject of a version-1 entry, read from its event where it can be (a parcel id may look like "batch:…"). */
function subjectOfV1(key: string, stored: unknown): OutboxSubject {
  const event = stored as { type?: unknown; payload?: { shipmentId?: unknown } } | undefined;
  const aboutParcel = event?.type === 'parcel.packed' || (event?.type === 'return.received' && event.payload?.shipmentId != null);
  if (!aboutParcel && (key.startsWith('batch:') || key.startsWith('order:'))) return key as OutboxSubject;
  return parcelSubject(key);
}
