/**
 * Reading what the app restores on start, in one read transaction. Every record read back is checked
 * against its schema by boot-checks.ts, loaded only when the device holds something to check (a
 * fresh device starts without it); see there what a record that fails does.
 */
import type { Catalogue } from '../../shared/domain/catalogue.js';
import type { Parcel } from '../../shared/domain/parcel.js';
import { INITIAL_PACK_STATE, type PackState } from '../../shared/flows/pack.js';
import type { PickState } from '../../shared/flows/pick.js';
import { INITIAL_PICK_STATE, INITIAL_RETURN_STATE } from '../../shared/flows/resting-states.js';
import type { ReturnState } from '../../shared/flows/return.js';
import { DEFAULT_PICK_SETTINGS, type PickSettings } from '../../shared/picking/pick-settings.js';
import type { PickBatch } from '../../shared/protocol/pick.js';
import type { LocalStore } from './local-store.js';
import { STORES, type Credential, type MetaKey, type StaffSession } from './schema.js';

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
  /** Records left out because they failed their check (empty on a healthy device). */
  unreadable: UnreadableRecord[];
}

/** A stored record that failed its check at start, and what was found. */
export interface UnreadableRecord {
  record: MetaKey | 'parcel' | 'batch';
  /** The parcel's or batch's id, for those. */
  id?: string;
  problem: string;
}

/** The records as stored, unchecked: meta values by key (absent ones left out) and the parcels. */
export interface StoredBoot {
  meta: Partial<Record<MetaKey, unknown>>;
  parcels: unknown[];
}

/** The meta records read at start. */
const BOOT_META: MetaKey[] = ['credential', 'session', 'packState', 'pickState', 'returnState', 'catalogue', 'batches', 'pickSettings', 'cursor', 'lastSyncAt', 'deviceSeq'];

/** What a device that holds nothing starts with. */
export function emptyBoot(): BootSnapshot {
  return {
    credential: null,
    session: null,
    packState: INITIAL_PACK_STATE,
    returnState: INITIAL_RETURN_STATE,
    catalogue: null,
    parcels: [],
    cursor: '0',
    lastSyncAt: null,
    pickState: INITIAL_PICK_STATE,
    batches: [],
    pickSettings: DEFAULT_PICK_SETTINGS,
    unreadable: [],
  };
}

/** Reads everything the app needs to start, checked (and repaired where a record failed). */
export async function loadBoot(store: LocalStore): Promise<BootSnapshot> {
  let checks: Promise<typeof import('./checks.js')> | undefined;
  const loadChecks = () => (checks ??= import('./checks.js'));
  const stored = await store.tx('readonly', [STORES.meta, STORES.parcels], async (tx) => {
    const meta = tx.objectStore(STORES.meta);
    const [records, parcels] = await Promise.all([
      Promise.all(
        BOOT_META.map((key) =>
          meta.get(key).then((record) => {
            // An enrolled device: its checks are fetched while the parcels are still being read.
            if (record && key === 'credential') void loadChecks();
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
