/** The raw IndexedDB API, to hold records as a damaged or older device would, and to read them back untouched. */

function open(name: string, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, version);
    req.onerror = () => reject(req.error);
    req.onupgradeneeded = () => upgrade?.(req.result);
    req.onsuccess = () => resolve(req.result);
  });
}

/** Runs `fn` in one raw transaction over `stores` of database `name` and resolves on its commit. */
export async function rawTx(name: string, stores: string[], fn: (tx: IDBTransaction) => void, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<void> {
  const db = await open(name, version, upgrade);
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(stores, 'readwrite');
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
    fn(tx);
  });
  db.close();
}

/** Puts records into one store as they are, with no checks. */
export function putRaw(name: string, store: string, ...records: unknown[]): Promise<void> {
  return rawTx(name, [store], (tx) => {
    for (const record of records) tx.objectStore(store).put(record);
  });
}

/** Reads one record as stored. */
export async function getRaw(name: string, store: string, key: IDBValidKey): Promise<unknown> {
  const db = await open(name);
  const value = await new Promise<unknown>((resolve, reject) => {
    const req = db.transaction(store).objectStore(store).get(key);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  db.close();
  return value;
}

/** The names of the indexes of one store. */
export async function indexNames(name: string, store: string): Promise<string[]> {
  const db = await open(name);
  const names = [...db.transaction(store).objectStore(store).indexNames];
  db.close();
  return names;
}
