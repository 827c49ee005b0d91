/**
 * Picking on the device: the pick session (shared flow session over flows/pick.ts) over the pulled
 * batches and settings (pick-batches.ts), and what sync does to a batch in hand (another device claimed
 * it first, a supervisor released it, it was rebuilt): the batch is dropped with a message naming the
 * holder. Loaded with the pick screen, or at start when a batch was in hand (precached: works offline).
 */
import type { CatalogueIndex } from '../../shared/domain/catalogue-index.js';
import type { Parcel } from '../../shared/domain/parcel.js';
import type { Feedback } from '../../shared/flows/feedback.js';
import { applyPickAction, type PickAction, type PickContext, type PickState } from '../../shared/flows/pick.js';
import type { LocationFormat } from '../../shared/picking/location.js';
import type { PickSettings } from '../../shared/picking/pick-settings.js';
import type { EventBody, SyncEvent } from '../../shared/protocol/events.js';
import type { BatchHolder, PickBatch } from '../../shared/protocol/pick.js';
import { FlowSession, type FlowIdentity } from '../flow/flow-session.js';
import { commitFlow } from '../store/flow-commit.js';
import type { LocalStore } from '../store/local-store.js';
import { hasPendingAbout } from '../store/outbox.js';
import type { OutboxEntry, Rejection } from '../store/schema.js';
import { batchSubject } from '../store/subject.js';
import type { PickBatches } from './pick-batches.js';

/** The hold reason a short pick gives a parcel (the server gives the same one on sync). */
const SHORT_HOLD_REASON = '欠品';
/** Server answers that mean "this batch is not yours any more". */
const LOST_CODES = new Set(['batch_taken', 'batch_not_yours', 'batch_changed', 'batch_unknown']);

/** What picking needs from the app. */
export interface PickingDeps {
  store: LocalStore;
  index: () => CatalogueIndex;
  findParcel: (shipmentId: string) => Parcel | undefined;
  deviceId: () => string;
  identity: () => FlowIdentity | null;
  onFeedback: (feedback: Feedback) => void;
  onCommitted: (parcels: Parcel[], entries: OutboxEntry[]) => void;
  onChange: () => void;
  /** Makes event ids (crypto.randomUUID unless a test gives its own). */
  newId?: () => string;
}

/** The pick session and the batches it picks from. */
export class Picking {
  readonly session: FlowSession<PickState, PickAction>;

  constructor(
    initial: PickState,
    private readonly pulled: PickBatches,
    private readonly deps: PickingDeps,
  ) {
    this.session = new FlowSession<PickState, PickAction>(initial, {
      apply: (state, action, now) => applyPickAction(state, action, this.context(now)),
      commit: (commit) => commitFlow(deps.store, 'pickState', commit),
      localParcels: (events) => this.localParcels(events),
      identity: deps.identity,
      onFeedback: deps.onFeedback,
      onCommitted: (parcels, entries) => {
        for (const entry of entries) this.noteOwnEvent(entry.event);
        deps.onCommitted(parcels, entries);
      },
      onChange: deps.onChange,
      newId: deps.newId,
    });
  }

  /** The lookups of the pick flow (in memory: nothing is read from IndexedDB on the scan path). */
  context(now: string): PickContext {
    return {
      index: this.deps.index(),
      findParcel: this.deps.findParcel,
      findBatch: (id) => this.batches.get(id),
      deviceId: this.deps.deviceId(),
      settings: this.settings,
      format: this.format,
      now,
    };
  }

  /** Open and claimed batches by id. */
  get batches(): Map<string, PickBatch> {
    return this.pulled.byId;
  }

  /** The picking settings in force. */
  get settings(): PickSettings {
    return this.pulled.settings;
  }

  /** The compiled location format of those settings. */
  get format(): LocationFormat {
    return this.pulled.format;
  }

  /** Open and claimed batches, oldest first (the list on the pick screen). */
  listBatches(): PickBatch[] {
    return this.pulled.list();
  }

  /**
   * After a sync: stops the batch in hand when the server refused one of its events as not ours, or
   * the pull shows it held by another device, open again (released) or gone (rebuilt) while nothing
   * of ours about it is still waiting to be sent.
   */
  async reconcile(rejections: { event: SyncEvent; rejection: Rejection }[]): Promise<void> {
    const state = this.session.state;
    if (state.step !== 'picking') return;
    const batchId = state.progress.batchId;
    const refused = rejections.find((r) => 'batchId' in r.event.payload && r.event.payload.batchId === batchId && LOST_CODES.has(r.rejection.code));
    if (refused) {
      this.session.dispatch({ type: 'drop', holder: holderFromDetail(refused.rejection.detail) });
      return;
    }
    const batch = this.batches.get(batchId);
    if (batch && batch.status === 'claimed' && batch.claimedBy?.deviceId === this.deps.deviceId()) return;
    if (await hasPendingAbout(this.deps.store, batchSubject(batchId))) return;
    if (this.session.state.step !== 'picking' || this.session.state.progress.batchId !== batchId) return;
    this.session.dispatch({ type: 'drop', holder: batch?.claimedBy ?? null });
  }

  /** A batch this device claimed shows as its own at once, before the server confirms it. */
  private noteOwnEvent(event: SyncEvent): void {
    if (event.type !== 'batch.claimed') return;
    const batch = this.batches.get(event.payload.batchId);
    const identity = this.deps.identity();
    if (!batch) return;
    this.batches.set(batch.batchId, {
      ...batch,
      status: 'claimed',
      claimedBy: { staffId: event.staffId, staffName: identity?.staffName ?? '', deviceId: this.deps.deviceId(), deviceName: identity?.deviceName ?? '', at: event.at },
    });
  }

  /** Parcels a pick changes on this device: short ones held, the rest picked when the batch completes. */
  private localParcels(events: EventBody[]): Parcel[] {
    const changed = new Map<string, Parcel>();
    const set = (id: string, patch: Partial<Parcel>) => {
      const parcel = changed.get(id) ?? this.deps.findParcel(id);
      if (parcel && parcel.status !== 'packed' && parcel.status !== 'shipped') changed.set(id, { ...parcel, ...patch });
    };
    for (const event of events) {
      if (event.type === 'pick.short') for (const id of event.payload.shortShipmentIds) set(id, { status: 'held', holdReason: SHORT_HOLD_REASON });
      if (event.type === 'batch.completed') {
        const batch = this.batches.get(event.payload.batchId);
        const short = new Set(event.payload.shortShipmentIds);
        // `committed` is still the state before this action (the batch in hand) while its commit is prepared.
        const before = this.session.committed;
        const members = before.step === 'picking' ? before.progress.shipmentIds : (batch?.shipmentIds ?? []);
        for (const id of members) set(id, short.has(id) ? { status: 'held', holdReason: SHORT_HOLD_REASON } : { status: 'picked' });
      }
    }
    return [...changed.values()];
  }
}

function holderFromDetail(detail: Record<string, string> | undefined): BatchHolder | null {
  if (!detail?.staffName) return null;
  return { staffId: '', staffName: detail.staffName, deviceId: '', deviceName: detail.deviceName ?? '', at: detail.at ?? '' };
}

