/**
 * The device's IndexedDB: credential, session, catalogue, parcels, pack state and the event outbox.
 * Every write goes through one of two private helpers: tx() (idb's promises) for everything, and
 * strictWrite() (the raw API, no wrappers) for the one write on the scan path; nothing foreign is
 * awaited inside a transaction; the transaction's `complete` is the commit. Scan and outbox writes
 * use { durability: 'strict' } (PITFALLS.md).
 */
import { openDB, unwrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Catalogue } from '../../shared/domain/catalogue.js';
import type { Parcel } from '../../shared/domain/parcel.js';
import type { PackState } from '../../shared/flows/pack-state.js';
import type { FlowStateKey } from '../../shared/flows/flow.js';
import type { PickState } from '../../shared/flows/pick-state.js';
import { DEFAULT_PICK_SETTINGS, type PickSettings } from '../../shared/picking/pick-settings.js';
import type { PickBatch } from '../../shared/protocol/pick.js';
import type { ReturnState } from '../../shared/flows/return-state.js';
import { INITIAL_PACK_STATE } from '../../shared/flows/pack-state.js';
import { INITIAL_PICK_STATE } from '../../shared/flows/pick-state.js';
import { INITIAL_RETURN_STATE } from '../../shared/flows/return-state.js';
import type { EventBody, SyncEvent } from '../../shared/protocol/events.js';
import type { EventResult, PullResponse } from '../../shared/protocol/sync.js';
import {
  DB_NAME,
  DB_VERSION,
  OUTBOX_INDEXES,
  STORES,
  type Credential,
  type FloorpackDB,
  type MetaKey,
  type MetaRecord,
  type MetaValues,
  type OutboxEntry,
  type OutboxStatus,
  type StaffSession,
} from './schema.js';

type Stores = StoreNames<FloorpackDB>;
type Tx<S extends Stores[], M extends IDBTransactionMode> = IDBPTransaction<FloorpackDB, S, M>;
/** Runs a piece of a strict write; if it throws, the transaction aborts with that error as its reason. */
type Guard = (fn: () => void) => void;

/** User Timing measure of issuing one pull page's puts (the records are cloned then): the benchmark's split. */
export const PULL_PUT_MEASURE = 'floorpack:pull-put';

/** Hooks for another tab or version holding the database. */
export interface OpenHooks {
  /** A newer version wants to upgrade: this connection has been closed; the page should reload. */
  onVersionChange?: () => void;
  /** Our upgrade waits for an older tab to close. */
  onBlocked?: () => void;
}

/** Everything the app restores on start. */
export interface BootSnapshot {
  credential: Credential | null;
  session: StaffSession | null;
  packState: PackState;
  returnState: ReturnState;
  catalogue: Catalogue | null;
  parcels: Parcel[];
  cursor: string;
  lastSyncAt: string | null;
  pickState: PickState;
  batches: PickBatch[];
  pickSettings: PickSettings;
}

/** What a flow screen commits after one action: its new state, its events and the parcels it changed. */
export interface FlowCommit<S> {
  next: S;
  events: EventBody[];
  staffId: string;
  /** ISO time of the action; also the events' `at`. */
  at: string;
  /** Makes event ids (crypto.randomUUID in the app). */
  newId: () => string;
  /** Parcels changed locally by this action (parcel.packed marks the parcel packed). */
  parcels?: Parcel[];
}


/**
 * The outbox key of an event: its parcel; "batch:<id>" for pick events (about a batch, not one parcel);
 * "order:<number>" for a return logged by order number before the device knew the parcel.
 */
export function outboxKeyOf(body: EventBody): string {
  if (body.type === 'return.received') return body.payload.shipmentId ?? `order:${body.payload.orderNumber}`;
  return 'shipmentId' in body.payload ? body.payload.shipmentId : `batch:${body.payload.batchId}`;
}

/** Counts shown on the sync status bar. */
export interface OutboxCounts {
  pending: number;
  rejected: number;
  synced: number;
}

/** Opens (and upgrades) the device database. */
export async function openLocalStore(name: string = DB_NAME, hooks: OpenHooks = {}): Promise<LocalStore> {
  let store: LocalStore | null = null;
  const db = await openDB<FloorpackDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      // Each step upgrades from the version before it; never edit a released step.
      if (oldVersion < 1) {
        db.createObjectStore(STORES.meta, { keyPath: 'key' });
        db.createObjectStore(STORES.parcels, { keyPath: 'shipmentId' });
        const outbox = db.createObjectStore(STORES.outbox, { keyPath: 'id' });
        outbox.createIndex(OUTBOX_INDEXES.byStatus, ['status', 'deviceSeq']);
        outbox.createIndex(OUTBOX_INDEXES.byShipment, 'shipmentId');
      }
    },
    blocked() {
      hooks.onBlocked?.();
    },
    blocking() {
      // Another tab needs a newer version: let it through instead of blocking it forever.
      store?.close();
      hooks.onVersionChange?.();
    },
  });
  store = new LocalStore(db);
  return store;
}

/** What a wipe removed and what it kept. */
export interface WipeSummary {
  parcels: number;
  /** Unsent (pending) and refused events kept: they belong to the warehouse and hold no customer data. */
  keptEvents: number;
}

/** Typed access to the device database. */
export class LocalStore {
  private closed = false;

  constructor(private readonly db: IDBPDatabase<FloorpackDB>) {}

  /** Closes the connection (on versionchange, or in tests). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  /**
   * The scan path's way into a transaction (benchmark scan_commit_ms_p95; its cost is paid before the
   * frame that shows the scan): the raw API, strict. `write` issues the requests and calls commit()
   * once the last is issued: the backend then commits without waiting for this page to handle each
   * request's success event, which would wait behind the frame. Resolves on `complete`; rejects on
   * abort with the failed request's error (a failed request aborts the transaction).
   */
  private strictWrite(stores: Stores[], write: (tx: IDBTransaction, guard: Guard) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const tx = unwrap(this.db).transaction(stores, 'readwrite', { durability: 'strict' });
      // Why it aborted, when our own code threw (a record that cannot be cloned): that error, not AbortError.
      let failure: unknown = null;
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(failure ?? tx.error ?? new DOMException('The transaction was aborted', 'AbortError'));
      // Runs `fn` now or from a request's handler: if it throws, nothing of the action is kept.
      const guard: Guard = (fn) => {
        try {
          fn();
        } catch (error) {
          failure = error;
          tx.abort();
        }
      };
      guard(() => write(tx, guard));
    });
  }

  /** The one way into a transaction: runs fn, then waits for the commit; aborts if fn throws. */
  private async tx<S extends Stores[], M extends IDBTransactionMode, T>(
    mode: M,
    stores: S,
    fn: (tx: Tx<S, M>) => Promise<T> | T,
    options?: IDBTransactionOptions,
  ): Promise<T> {
    const tx = this.db.transaction(stores, mode, options) as Tx<S, M>;
    let value: T;
    try {
      value = await fn(tx);
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already aborted by the failing request.
      }
      await tx.done.catch(() => undefined);
      throw error;
    }
    await tx.done;
    return value;
  }

  /** Reads everything the app needs to start, in one read transaction. */
  loadBoot(): Promise<BootSnapshot> {
    return this.tx('readonly', [STORES.meta, STORES.parcels], async (tx) => {
      const meta = tx.objectStore(STORES.meta);
      const [credential, session, packState, catalogue, cursor, lastSyncAt, parcels, pickState, batches, pickSettings, returnState] = await Promise.all([
        meta.get('credential'),
        meta.get('session'),
        meta.get('packState'),
        meta.get('catalogue'),
        meta.get('cursor'),
        meta.get('lastSyncAt'),
        tx.objectStore(STORES.parcels).getAll(),
        meta.get('pickState'),
        meta.get('batches'),
        meta.get('pickSettings'),
        meta.get('returnState'),
      ]);
      return {
        credential: (credential?.value as Credential | undefined) ?? null,
        session: (session?.value as StaffSession | undefined) ?? null,
        packState: (packState?.value as PackState | undefined) ?? INITIAL_PACK_STATE,
        returnState: (returnState?.value as ReturnState | undefined) ?? INITIAL_RETURN_STATE,
        catalogue: (catalogue?.value as Catalogue | undefined) ?? null,
        cursor: (cursor?.value as string | undefined) ?? '0',
        lastSyncAt: (lastSyncAt?.value as string | undefined) ?? null,
        parcels,
        pickState: (pickState?.value as PickState | undefined) ?? INITIAL_PICK_STATE,
        batches: Object.values((batches?.value as Record<string, PickBatch> | undefined) ?? {}),
        pickSettings: (pickSettings?.value as PickSettings | undefined) ?? DEFAULT_PICK_SETTINGS,
      };
    });
  }

  /** Reads one meta value. */
  getMeta<K extends MetaKey>(key: K): Promise<MetaValues[K] | undefined> {
    return this.tx('readonly', [STORES.meta], async (tx) => {
      const record = await tx.objectStore(STORES.meta).get(key);
      return record?.value as MetaValues[K] | undefined;
    });
  }

  /** Writes one meta value. */
  setMeta<K extends MetaKey>(key: K, value: MetaValues[K]): Promise<void> {
    return this.tx('readwrite', [STORES.meta], async (tx) => {
      await tx.objectStore(STORES.meta).put({ key, value } as never);
    }, { durability: 'strict' });
  }

  /** Deletes one meta value. */
  deleteMeta(key: MetaKey): Promise<void> {
    return this.tx('readwrite', [STORES.meta], async (tx) => {
      await tx.objectStore(STORES.meta).delete(key);
    }, { durability: 'strict' });
  }

  /**
   * The one commit path of the flow screens: state under `stateKey`, events with the next deviceSeq,
   * parcels; all or nothing, strict (strictWrite). The transaction covers only the stores it writes:
   * a bare state write (an item scan) neither waits for nor holds up an outbox read.
   */
  async commitFlow(stateKey: FlowStateKey, commit: FlowCommit<unknown>): Promise<OutboxEntry[]> {
    const parcels = commit.parcels ?? [];
    const stores: Stores[] = [STORES.meta];
    if (commit.events.length > 0) stores.push(STORES.outbox);
    if (parcels.length > 0) stores.push(STORES.parcels);
    const entries: OutboxEntry[] = [];
    await this.strictWrite(stores, (tx, guard) => {
      const meta = tx.objectStore(STORES.meta);
      const issue = (lastSeq: number) => {
        let seq = lastSeq;
        for (const body of commit.events) {
          seq += 1;
          const event = { id: commit.newId(), deviceSeq: seq, staffId: commit.staffId, at: commit.at, ...body } as SyncEvent;
          const entry: OutboxEntry = {
            id: event.id,
            deviceSeq: seq,
            shipmentId: outboxKeyOf(body),
            event,
            status: 'pending',
            recordedAt: commit.at,
            syncedAt: null,
            rejection: null,
          };
          // add, not put: an id collision must abort, never overwrite a recorded event.
          tx.objectStore(STORES.outbox).add(entry);
          entries.push(entry);
        }
        if (commit.events.length > 0) meta.put({ key: 'deviceSeq', value: seq });
        meta.put({ key: stateKey, value: commit.next } as MetaRecord);
        for (const parcel of parcels) tx.objectStore(STORES.parcels).put(parcel);
        tx.commit();
      };
      if (commit.events.length === 0) return issue(0);
      // The one read, for actions that record events (completing a parcel): the device sequence.
      const last = meta.get('deviceSeq');
      last.onsuccess = () => guard(() => issue(((last.result as MetaRecord | undefined)?.value as number | undefined) ?? 0));
    });
    return entries;
  }

  /**
   * Applies one pull page atomically: catalogue (when sent), parcels and the cursor. A parcel this
   * device packed whose event is still pending keeps its local "packed" status until the server
   * has it, so a pull racing a push never reopens a packed parcel. Returns the parcels as stored.
   */
  applyPullPage(page: PullResponse): Promise<Parcel[]> {
    return this.tx(
      'readwrite',
      [STORES.meta, STORES.parcels, STORES.outbox],
      async (tx) => {
        const meta = tx.objectStore(STORES.meta);
        const parcels = tx.objectStore(STORES.parcels);
        // The reads first, together (one round trip to the IndexedDB backend); every write after them
        // is issued without waiting for the one before: the transaction commits all of them or none.
        const hasBatches = page.batches !== undefined && page.batches.length > 0;
        const [pending, knownBatches] = await Promise.all([
          tx.objectStore(STORES.outbox).index(OUTBOX_INDEXES.byStatus).getAll(statusRange('pending')),
          hasBatches ? meta.get('batches') : undefined,
        ]);
        const pendingShipments = new Set(pending.map((e) => e.shipmentId));
        const kept = page.parcels.filter((p) => pendingShipments.has(p.shipmentId) && p.status !== 'packed' && p.status !== 'shipped');
        const locals = new Map((await Promise.all(kept.map((p) => parcels.get(p.shipmentId)))).map((local, i) => [kept[i].shipmentId, local]));
        const stored = page.parcels.map((incoming) => {
          const local = locals.get(incoming.shipmentId);
          return local?.status === 'packed' ? { ...incoming, status: 'packed' as const, packedBy: local.packedBy } : incoming;
        });
        // Issued on the raw stores, as a plain bulk put is: no promise and listeners per request
        // (idb's wrapper cost a fifth of the puts' time). A put that fails aborts the transaction, so
        // tx.done (awaited by tx()) rejects and nothing lands; a record that cannot be cloned throws
        // here and tx() aborts.
        const rawMeta = unwrap(meta);
        if (page.catalogue) rawMeta.put({ key: 'catalogue', value: page.catalogue });
        const putStart = performance.now();
        const rawParcels = unwrap(parcels);
        for (const parcel of stored) rawParcels.put(parcel);
        performance.measure(PULL_PUT_MEASURE, { start: putStart });
        if (hasBatches) {
          const known = (knownBatches?.value as Record<string, PickBatch> | undefined) ?? {};
          // Only batches a picker can still act on are kept; completed and dissolved ones are dropped.
          for (const batch of page.batches!) {
            if (batch.status === 'open' || batch.status === 'claimed') known[batch.batchId] = batch;
            else delete known[batch.batchId];
          }
          rawMeta.put({ key: 'batches', value: known });
        }
        if (page.pickSettings) rawMeta.put({ key: 'pickSettings', value: page.pickSettings });
        rawMeta.put({ key: 'cursor', value: page.cursor });
        return stored;
      },
      { durability: 'strict' },
    );
  }

  /** The oldest pending events, at most `limit`, in deviceSeq order. */
  pendingBatch(limit: number): Promise<OutboxEntry[]> {
    return this.tx('readonly', [STORES.outbox], (tx) =>
      tx.objectStore(STORES.outbox).index(OUTBOX_INDEXES.byStatus).getAll(statusRange('pending'), limit),
    );
  }

  /** Records the server's per-event answers: applied/duplicate → synced; rejected → kept with its reason. */
  applyPushResults(results: EventResult[], now: string): Promise<void> {
    return this.tx(
      'readwrite',
      [STORES.outbox],
      async (tx) => {
        const outbox = tx.objectStore(STORES.outbox);
        for (const result of results) {
          const entry = await outbox.get(result.id);
          if (!entry || entry.status !== 'pending') continue;
          if (result.status === 'rejected') {
            const rejection = { code: result.code, message: result.message, ...(result.detail ? { detail: result.detail } : {}) };
            await outbox.put({ ...entry, status: 'rejected', syncedAt: now, rejection });
          } else {
            await outbox.put({ ...entry, status: 'synced', syncedAt: now });
          }
        }
      },
      { durability: 'strict' },
    );
  }

  /** How many events are pending, rejected and synced. */
  outboxCounts(): Promise<OutboxCounts> {
    return this.tx('readonly', [STORES.outbox], async (tx) => {
      const index = tx.objectStore(STORES.outbox).index(OUTBOX_INDEXES.byStatus);
      const [pending, rejected, synced] = await Promise.all([
        index.count(statusRange('pending')),
        index.count(statusRange('rejected')),
        index.count(statusRange('synced')),
      ]);
      return { pending, rejected, synced };
    });
  }

  /** Outbox entries of one status, newest first, at most `limit`. */
  listOutbox(status: OutboxStatus, limit = 200): Promise<OutboxEntry[]> {
    return this.tx('readonly', [STORES.outbox], async (tx) => {
      const entries: OutboxEntry[] = [];
      let cursor = await tx.objectStore(STORES.outbox).index(OUTBOX_INDEXES.byStatus).openCursor(statusRange(status), 'prev');
      while (cursor && entries.length < limit) {
        entries.push(cursor.value);
        cursor = await cursor.continue();
      }
      return entries;
    });
  }

  /** Parcels this device has recorded a return of (pending or accepted; a refused one can be logged again). */
  returnedShipments(): Promise<string[]> {
    return this.tx('readonly', [STORES.outbox], async (tx) => {
      const all = await tx.objectStore(STORES.outbox).getAll();
      return all.filter((e) => e.event.type === 'return.received' && e.status !== 'rejected').map((e) => e.shipmentId);
    });
  }

  /** Deletes synced entries recorded before `before` (ISO); pending and rejected ones are never purged. */
  purgeSynced(before: string): Promise<number> {
    return this.tx('readwrite', [STORES.outbox], async (tx) => {
      let removed = 0;
      let cursor = await tx.objectStore(STORES.outbox).index(OUTBOX_INDEXES.byStatus).openCursor(statusRange('synced'));
      while (cursor) {
        if (cursor.value.syncedAt !== null && cursor.value.syncedAt < before) {
          await cursor.delete();
          removed += 1;
        }
        cursor = await cursor.continue();
      }
      return removed;
    });
  }

  // --- device data lifecycle (issue 5): revocation wipe, "wipe this device", retention ---

  /**
   * Wipes everything about customers and this enrolment in one transaction: parcels, catalogue,
   * cursor, pack state, staff session, credential, synced events. Pending and refused events stay
   * (shipment ids and item counts only, no customer data), so work done offline is sent once the
   * device is enrolled again; the device sequence stays too, so the server sees no restart.
   */
  wipeCustomerData(): Promise<WipeSummary> {
    return this.tx(
      'readwrite',
      [STORES.meta, STORES.parcels, STORES.outbox],
      async (tx) => {
        const parcels = await tx.objectStore(STORES.parcels).count();
        await tx.objectStore(STORES.parcels).clear();
        const meta = tx.objectStore(STORES.meta);
        // Every screen's state goes too: it names parcels and customers of the warehouse.
        for (const key of ['credential', 'session', 'packState', 'pickState', 'returnState', 'batches', 'pickSettings', 'cursor', 'catalogue', 'lastSyncAt'] as const) {
          await meta.delete(key);
        }
        let keptEvents = 0;
        let cursor = await tx.objectStore(STORES.outbox).openCursor();
        while (cursor) {
          if (cursor.value.status === 'synced') await cursor.delete();
          else keptEvents += 1;
          cursor = await cursor.continue();
        }
        return { parcels, keptEvents };
      },
      { durability: 'strict' },
    );
  }

  /** Deletes parcels packed or shipped before `before` (ISO) that no unsent or refused event names; returns their ids. */
  purgePackedParcels(before: string): Promise<string[]> {
    return this.tx('readwrite', [STORES.parcels, STORES.outbox], async (tx) => {
      const outbox = await tx.objectStore(STORES.outbox).getAll();
      const stillNeeded = new Set(outbox.filter((e) => e.status !== 'synced').map((e) => e.shipmentId));
      const removed: string[] = [];
      let cursor = await tx.objectStore(STORES.parcels).openCursor();
      while (cursor) {
        const p = cursor.value;
        const done = p.status === 'packed' || p.status === 'shipped';
        if (done && !stillNeeded.has(p.shipmentId) && p.packedBy !== null && p.packedBy.at < before) {
          await cursor.delete();
          removed.push(p.shipmentId);
        }
        cursor = await cursor.continue();
      }
      return removed;
    });
  }
}

function statusRange(status: OutboxStatus): IDBKeyRange {
  return IDBKeyRange.bound([status, -Infinity], [status, Infinity]);
}
