/**
 * The device's IndexedDB connection and its two ways into a transaction. The store's other modules
 * (boot, meta, flow-commit, outbox, pull-page, retention) are functions over a LocalStore. Every
 * write goes through tx() (idb's promises) or, for the one write on the scan path, strictWrite()
 * (the raw API, no wrappers); nothing foreign is awaited inside a transaction; the transaction's
 * `complete` is the commit. Scan and outbox writes are { durability: 'strict' }: under the default
 * (relaxed) durability Chrome may report a commit before the data is on disk.
 */
import { openDB, unwrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { DB_NAME, DB_VERSION, type FloorpackDB } from './schema.js';
import { upgradeDatabase } from './upgrade.js';

/** A store name of the device database. */
export type StoreName = StoreNames<FloorpackDB>;
/** An idb transaction over some stores of the device database. */
export type StoreTx<S extends StoreName[], M extends IDBTransactionMode> = IDBPTransaction<FloorpackDB, S, M>;
/** Runs a piece of a strict write; if it throws, the transaction aborts with that error as its reason. */
export type Guard = (fn: () => void) => void;

/** Hooks for another tab or version holding the database. */
export interface OpenHooks {
  /** A newer version wants to upgrade: this connection has been closed; the page should reload. */
  onVersionChange?: () => void;
  /** Our upgrade waits for an older tab to close. */
  onBlocked?: () => void;
}

/** Opens (and upgrades) the device database. */
export async function openLocalStore(name: string = DB_NAME, hooks: OpenHooks = {}): Promise<LocalStore> {
  let store: LocalStore | null = null;
  const db = await openDB<FloorpackDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      // A step that fails must leave the old version whole: the open then rejects and nothing changed.
      upgradeDatabase(db, oldVersion, transaction).catch(() => {
        try {
          transaction.abort();
        } catch {
          // Already aborted by the failing request.
        }
      });
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

/** The open device database; the store's modules reach its records through tx() and strictWrite(). */
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
  strictWrite(stores: StoreName[], write: (tx: IDBTransaction, guard: Guard) => void): Promise<void> {
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

  /** Every other way into a transaction: runs fn, then waits for the commit; aborts if fn throws. */
  async tx<S extends StoreName[], M extends IDBTransactionMode, T>(
    mode: M,
    stores: S,
    fn: (tx: StoreTx<S, M>) => Promise<T> | T,
    options?: IDBTransactionOptions,
  ): Promise<T> {
    const tx = this.db.transaction(stores, mode, options) as StoreTx<S, M>;
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
}
