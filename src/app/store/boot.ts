/**
 * Reading what the app restores on start, in one read transaction, and checking it. Every record
 * read back is checked against its schema by boot-checks.ts (a lazily loaded chunk; see there what a
 * record that fails does). The app draws its first screen from the records as stored and checks them
 * just after (app-model.ts): the checks then cost the worker no time at start, and a device whose
 * records all pass, which is every healthy one, never waits for them.
 */
import { emptyBoot, type BootSnapshot, type StoredBoot } from './boot-snapshot.js';
import type { LocalStore } from './local-store.js';
import { STORES, type MetaKey } from './schema.js';

/** The meta records read at start. */
const BOOT_META: MetaKey[] = ['credential', 'session', 'packState', 'pickState', 'returnState', 'loadState', 'catalogue', 'batches', 'pickSettings', 'cursor', 'lastSyncAt', 'deviceSeq'];

/** Prefix of the start's User Timing measures (-read, -check): the cold-start benchmark's split. */
export const BOOT_MEASURE = 'floorpack:boot';

let checks: Promise<typeof import('./checks.js')> | undefined;
/** Loads the checks chunk (once); a failed load is tried again by the next call. */
function loadChecks(): Promise<typeof import('./checks.js')> {
  checks ??= import('./checks.js').catch((error: unknown) => {
    checks = undefined;
    throw error;
  });
  return checks;
}

/** Reads the records the app restores, as stored: nothing checked yet. */
export async function readBoot(store: LocalStore): Promise<StoredBoot> {
  const start = performance.now();
  const stored = await store.tx('readonly', [STORES.meta, STORES.parcels], async (tx) => {
    const meta = tx.objectStore(STORES.meta);
    const [records, parcels] = await Promise.all([
      Promise.all(BOOT_META.map((key) => meta.get(key))),
      tx.objectStore(STORES.parcels).getAll() as Promise<unknown[]>,
    ]);
    const found: StoredBoot = { meta: {}, parcels };
    records.forEach((record, i) => {
      if (record) found.meta[BOOT_META[i]] = record.value;
    });
    return found;
  });
  performance.measure(`${BOOT_MEASURE}-read`, { start });
  return stored;
}

/** True when the device holds nothing to restore (a fresh device: there is nothing to check either). */
export function holdsNothing(stored: StoredBoot): boolean {
  return stored.parcels.length === 0 && Object.keys(stored.meta).length === 0;
}

/**
 * The snapshot the records as stored describe, taken on trust until checkStoredBoot has read them:
 * a record of the wrong shape may make using it throw (the caller then waits for the checks).
 */
export function trustedBoot({ meta, parcels }: StoredBoot): BootSnapshot {
  const snapshot = emptyBoot();
  const take = <K extends keyof BootSnapshot & MetaKey>(key: K): BootSnapshot[K] => (meta[key] === undefined ? snapshot[key] : (meta[key] as BootSnapshot[K]));
  return {
    ...snapshot,
    credential: take('credential'),
    session: take('session'),
    packState: take('packState'),
    pickState: take('pickState'),
    returnState: take('returnState'),
    loadState: take('loadState'),
    catalogue: take('catalogue'),
    pickSettings: take('pickSettings'),
    cursor: take('cursor'),
    lastSyncAt: take('lastSyncAt'),
    parcels: parcels as BootSnapshot['parcels'],
    batches: Object.values((meta.batches ?? {}) as Record<string, BootSnapshot['batches'][number]>),
  };
}

/** Checks the stored records, writes back the repair any failure calls for, and returns the snapshot to start from. */
export async function checkStoredBoot(store: LocalStore, stored: StoredBoot): Promise<BootSnapshot> {
  if (holdsNothing(stored)) return emptyBoot();
  const start = performance.now();
  const snapshot = await (await loadChecks()).checkBoot(store, stored);
  performance.measure(`${BOOT_MEASURE}-check`, { start });
  return snapshot;
}

/** Reads everything the app needs to start, checked (and repaired where a record failed). */
export async function loadBoot(store: LocalStore): Promise<BootSnapshot> {
  return checkStoredBoot(store, await readBoot(store));
}
