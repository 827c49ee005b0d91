/** Single values of the meta store (credential, staff session, cursor, last sync …), read and written one at a time. */
import type { LocalStore } from './local-store.js';
import { STORES, type MetaKey, type MetaValues } from './schema.js';

/** Reads one meta value as stored (the boot snapshot is the checked read: boot.ts). */
export function getMeta<K extends MetaKey>(store: LocalStore, key: K): Promise<MetaValues[K] | undefined> {
  return store.tx('readonly', [STORES.meta], async (tx) => {
    const record = await tx.objectStore(STORES.meta).get(key);
    return record?.value as MetaValues[K] | undefined;
  });
}

/** Writes one meta value. */
export function setMeta<K extends MetaKey>(store: LocalStore, key: K, value: MetaValues[K]): Promise<void> {
  return store.tx(
    'readwrite',
    [STORES.meta],
    async (tx) => {
      await tx.objectStore(STORES.meta).put({ key, value } as never);
    },
    { durability: 'strict' },
  );
}

/** Deletes one meta value. */
export function deleteMeta(store: LocalStore, key: MetaKey): Promise<void> {
  return store.tx(
    'readwrite',
    [STORES.meta],
    async (tx) => {
      await tx.objectStore(STORES.meta).delete(key);
    },
    { durability: 'strict' },
  );
}
