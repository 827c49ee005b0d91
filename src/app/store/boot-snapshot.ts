/** The boot snapshot: what the app restores on start, and what a device that holds nothing starts with. */
import type { Catalogue } from '../../shared/domain/catalogue.js';
import type { Parcel } from '../../shared/domain/parcel.js';
import { INITIAL_PACK_STATE, type PackState } from '../../shared/flows/pack-state.js';
import type { PickState } from '../../shared/flows/pick-state.js';
import { INITIAL_PICK_STATE } from '../../shared/flows/pick-state.js';
import { INITIAL_RETURN_STATE } from '../../shared/flows/return-state.js';
import type { ReturnState } from '../../shared/flows/return-state.js';
import { INITIAL_LOAD_STATE, type LoadState } from '../../shared/flows/load-state.js';
import { DEFAULT_PICK_SETTINGS, type PickSettings } from '../../shared/picking/pick-settings.js';
import type { PickBatch } from '../../shared/protocol/pick.js';
import type { Credential, MetaKey, StaffSession } from './schema.js';

/** Everything the app restores on start. */
export interface BootSnapshot {
  credential: Credential | null;
  session: StaffSession | null;
  packState: PackState;
  returnState: ReturnState;
  loadState: LoadState;
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

/** What a device that holds nothing starts with. */
export function emptyBoot(): BootSnapshot {
  return {
    credential: null,
    session: null,
    packState: INITIAL_PACK_STATE,
    returnState: INITIAL_RETURN_STATE,
    loadState: INITIAL_LOAD_STATE,
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
