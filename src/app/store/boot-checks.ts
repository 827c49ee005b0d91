/**
 * The boot snapshot's records checked against their schemas (part of the lazily loaded checks chunk).
 * A record that fails is never trusted and never stops the start: a flow state falls back to that
 * flow's initial state, a credential or staff session to none (enrol or sign in again), the picking
 * settings to the defaults; a parcel, the catalogue or a pick batch is left out and deleted, and the
 * pull cursor goes back to the start so the next pull brings it back. The outbox is not read here:
 * pushing checks what it sends, and no event is ever dropped.
 */
import type { Catalogue } from '../../shared/domain/catalogue.js';
import type { Parcel } from '../../shared/domain/parcel.js';
import type { PackState } from '../../shared/flows/pack-state.js';
import type { PickState } from '../../shared/flows/pick-state.js';
import type { ReturnState } from '../../shared/flows/return-state.js';
import type { LoadState } from '../../shared/flows/load-state.js';
import type { PickSettings } from '../../shared/picking/pick-settings.js';
import type { PickBatch } from '../../shared/protocol/pick.js';
import { emptyBoot, type BootSnapshot, type StoredBoot, type UnreadableRecord } from './boot-snapshot.js';
import type { LocalStore } from './local-store.js';
import { checkRecord, type RecordCheck } from './record-checks.js';
import { STORES, type Credential, type MetaKey, type StaffSession } from './schema.js';

/** What to write back after the checks: bad pulled records out, the cursor back to the start, a sane device sequence. */
interface BootRepair {
  parcels: IDBValidKey[];
  deleteCatalogue: boolean;
  batches: Record<string, PickBatch> | null;
  resetCursor: boolean;
  resetDeviceSeq: boolean;
}

/** Checks the stored records, writes back the repair any failure calls for, and returns the snapshot to start from. */
export async function checkBoot(store: LocalStore, { meta, parcels }: StoredBoot): Promise<BootSnapshot> {
  const snapshot = emptyBoot();
  const { unreadable } = snapshot;
  const repair: BootRepair = { parcels: [], deleteCatalogue: false, batches: null, resetCursor: false, resetDeviceSeq: false };
  /** The stored value of `key` if it passes its check, else undefined (noted as unreadable). */
  const read = <T>(key: MetaKey & keyof typeof checkRecord): T | undefined => {
    const value = meta[key];
    if (value === undefined) return undefined;
    const problem = checkRecord[key](value);
    if (problem === null) return value as T;
    unreadable.push({ record: key, problem });
    return undefined;
  };

  snapshot.credential = read<Credential>('credential') ?? null;
  snapshot.session = read<StaffSession>('session') ?? null;
  snapshot.packState = read<PackState>('packState') ?? snapshot.packState;
  snapshot.pickState = read<PickState>('pickState') ?? snapshot.pickState;
  snapshot.returnState = read<ReturnState>('returnState') ?? snapshot.returnState;
  snapshot.loadState = read<LoadState>('loadState') ?? snapshot.loadState;
  snapshot.pickSettings = read<PickSettings>('pickSettings') ?? snapshot.pickSettings;
  snapshot.catalogue = read<Catalogue>('catalogue') ?? null;
  if (meta.catalogue !== undefined && snapshot.catalogue === null) repair.deleteCatalogue = repair.resetCursor = true;
  for (const parcel of parcels) {
    const problem = checkRecord.parcel(parcel);
    if (problem === null) snapshot.parcels.push(parcel as Parcel);
    else {
      const id = (parcel as { shipmentId: IDBValidKey }).shipmentId;
      unreadable.push({ record: 'parcel', id: String(id), problem });
      repair.parcels.push(id);
      repair.resetCursor = true;
    }
  }
  const batches = readBatches(meta.batches, checkRecord.batch, unreadable);
  snapshot.batches = Object.values(batches.kept);
  if (batches.changed) {
    repair.batches = batches.kept;
    repair.resetCursor = true;
  }
  const { cursor, lastSyncAt, deviceSeq } = meta;
  if (cursor !== undefined && !(typeof cursor === 'string' && /^\d+$/.test(cursor))) repair.resetCursor = true;
  if (!repair.resetCursor && typeof cursor === 'string') snapshot.cursor = cursor;
  if (typeof lastSyncAt === 'string') snapshot.lastSyncAt = lastSyncAt;
  repair.resetDeviceSeq = deviceSeq !== undefined && !(typeof deviceSeq === 'number' && Number.isSafeInteger(deviceSeq) && deviceSeq >= 0);

  if (repair.parcels.length > 0 || repair.batches || repair.resetCursor || repair.resetDeviceSeq) {
    // The snapshot is right without it; should the write fail (a full disk), the next start tries again.
    await repairBoot(store, repair).catch(() => undefined);
  }
  return snapshot;
}

/** The pick batches that pass their check, and whether any were left out. */
function readBatches(stored: unknown, check: RecordCheck, unreadable: UnreadableRecord[]): { kept: Record<string, PickBatch>; changed: boolean } {
  if (stored === undefined) return { kept: {}, changed: false };
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    unreadable.push({ record: 'batches', problem: '(record): invalid_type' });
    return { kept: {}, changed: true };
  }
  const kept: Record<string, PickBatch> = {};
  let changed = false;
  for (const [id, batch] of Object.entries(stored)) {
    const problem = check(batch);
    if (problem === null) kept[id] = batch as PickBatch;
    else {
      unreadable.push({ record: 'batch', id, problem });
      changed = true;
    }
  }
  return { kept, changed };
}

/** Writes the repair in one strict transaction. */
function repairBoot(store: LocalStore, repair: BootRepair): Promise<void> {
  return store.tx(
    'readwrite',
    [STORES.meta, STORES.parcels, STORES.outbox],
    async (tx) => {
      const meta = tx.objectStore(STORES.meta);
      for (const key of repair.parcels) await tx.objectStore(STORES.parcels).delete(key as string);
      if (repair.deleteCatalogue) await meta.delete('catalogue');
      if (repair.batches) await meta.put({ key: 'batches', value: repair.batches });
      if (repair.resetCursor) await meta.put({ key: 'cursor', value: '0' });
      if (repair.resetDeviceSeq) {
        // The sequence carries on from the newest recorded event: the server must never see one go back.
        let last = 0;
        for (const entry of await tx.objectStore(STORES.outbox).getAll()) if (Number.isSafeInteger(entry.deviceSeq)) last = Math.max(last, entry.deviceSeq);
        await meta.put({ key: 'deviceSeq', value: last });
      }
    },
    { durability: 'strict' },
  );
}
