/**
 * Reading what the app restores on start, in one read transaction. Every record read back is checked
 * against its schema by boot-checks.ts, loaded only when the device holds something to check (a
 * fresh device starts without it); see there what a record that fails does.
 */
import { emptyBoot, type BootSnapshot, type StoredBoot } from './boot-snapshot.js';
import type { LocalStore } from './local-store.js';
import { STORES, type MetaKey } from './schema.js';

/** The meta records read at start. */
const BOOT_META: MetaKey[] = ['credential', 'session', 'packState', 'pickState', 'returnState', 'catalogue', 'batches', 'pickSettings', 'cursor', 'lastSyncAt', 'deviceSeq'];

let checks: Promise<typeof import('./checks.js')> | undefined;
/** Starts loading the checks chunk (once); a failed load is tried again by the next call. */
function loadChecks(): Promise<typeof import('./checks.js')> {
  checks ??= import('./checks.js').catch((error: unknown) => {
    checks = undefined;
    throw error;
  });
  return checks;
}

/**
 * Starts loading the record checks before the database is even open, on a device that says it is
 * enrolled (it holds records to check): the chunk then loads while IndexedDB opens and reads.
 */
export function preloadBootChecks(): void {
  loadChecks().catch(() => undefined);
}

/** Reads everything the app needs to start, checked (and repaired where a record failed). */
export async function loadBoot(store: LocalStore): Promise<BootSnapshot> {
  const stored = await store.tx('readonly', [STORES.meta, STORES.parcels], async (tx) => {
    const meta = tx.objectStore(STORES.meta);
    const [records, parcels] = await Promise.all([
      Promise.all(
        BOOT_META.map((key) =>
          meta.get(key).then((record) => {
            // An enrolled device: its checks are fetched while the parcels are still being read.
            if (record && key === 'credential') preloadBootChecks();
            return record;
          }),
        ),
      ),
      tx.objectStore(STORES.parcels).getAll() as Promise<unknown[]>,
    ]);
    const found: StoredBoot = { meta: {}, parcels };
    records.forEach((record, i) => {
      if (record) found.meta[BOOT_META[i]] = record.value;
    });
    return found;
  });
  if (stored.parcels.length === 0 && Object.keys(stored.meta).length === 0) return emptyBoot();
  return (await loadChecks()).checkBoot(store, stored);
}
