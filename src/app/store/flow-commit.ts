/** The one commit path of the flow screens (pack, pick, returns): a flow's new state, its events and the parcels it changed, together. */
import type { Parcel } from '../../shared/domain/parcel.js';
import type { FlowStateKey } from '../../shared/flows/flow.js';
import type { EventBody, SyncEvent } from '../../shared/protocol/events.js';
import type { LocalStore, StoreName } from './local-store.js';
import { STORES, type MetaRecord, type OutboxEntry } from './schema.js';
import { subjectOf } from '../../shared/protocol/event-subject.js';

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
 * Commits one action of a flow screen: state under `stateKey`, events with the next deviceSeq,
 * parcels; all or nothing, strict (LocalStore.strictWrite). On the scan path: the transaction covers
 * only the stores it writes, so a bare state write (an item scan) neither waits for nor holds up an
 * outbox read; records are not checked here (they are built by the flows, and checked when read back).
 */
export async function commitFlow<S>(store: LocalStore, stateKey: FlowStateKey, commit: FlowCommit<S>): Promise<OutboxEntry[]> {
  const parcels = commit.parcels ?? [];
  const stores: StoreName[] = [STORES.meta];
  if (commit.events.length > 0) stores.push(STORES.outbox);
  if (parcels.length > 0) stores.push(STORES.parcels);
  const entries: OutboxEntry[] = [];
  await store.strictWrite(stores, (tx, guard) => {
    const meta = tx.objectStore(STORES.meta);
    const issue = (lastSeq: number) => {
      let seq = lastSeq;
      for (const body of commit.events) {
        seq += 1;
        const event = { id: commit.newId(), deviceSeq: seq, staffId: commit.staffId, at: commit.at, ...body } as SyncEvent;
        const entry: OutboxEntry = {
          id: event.id,
          deviceSeq: seq,
          subject: subjectOf(body),
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
      // The flow's descriptor names its key with its state (shared/flows/flow.ts).
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
