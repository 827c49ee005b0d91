/**
 * What the screens render — screen, credential, staff session, catalogue, parcels, pick batches,
 * outbox counts, sync status, notices — and the one place that tells them it changed. It knows no
 * service: the composition root (app-model.ts) and the services write it, the screens read it.
 * Part of the main bundle.
 */
import type { Catalogue } from '../shared/domain/catalogue.js';
import { EMPTY_CATALOGUE, indexCatalogue, type CatalogueIndex } from '../shared/domain/catalogue-index.js';
import type { Parcel } from '../shared/domain/parcel.js';
import type { UiKey } from './i18n/i18n.js';
import { PickBatches } from './pick/pick-batches.js';
import type { OutboxCounts } from './store/outbox.js';
import type { Credential, OutboxEntry, StaffSession } from './store/schema.js';
import type { SchedulerState } from './sync/scheduler.js';

/** The screens. */
export type Screen = 'boot' | 'enrol' | 'signIn' | 'home' | 'pack' | 'pick' | 'returns' | 'load' | 'sync' | 'settings' | 'fatal';

/** Problems shown as a banner over any screen. */
export type Notice = 'vanished' | 'repaired' | 'revoked' | 'dbBlocked' | 'dbVersionChange';

/** The app's state, observable. */
export class AppState {
  screen: Screen = 'boot';
  credential: Credential | null = null;
  session: StaffSession | null = null;
  catalogue: Catalogue | null = null;
  index: CatalogueIndex = indexCatalogue(EMPTY_CATALOGUE);
  parcels = new Map<string, Parcel>();
  counts: OutboxCounts = { pending: 0, rejected: 0, synced: 0 };
  // Only a browser that says it is offline counts as offline: Node 21+ has a navigator without onLine.
  online = typeof navigator === 'undefined' || navigator.onLine !== false;
  lastSyncAt: string | null = null;
  syncStatus: SchedulerState = { running: false, failures: 0, retryAt: null, lastError: null };
  notices = new Set<Notice>();
  fatal: { key: UiKey; reason: string } | null = null;
  /** Pulled pick batches and settings: kept current by sync whether or not the pick screen was opened. */
  batches = new PickBatches();
  /** The parcels this device has logged a return of (filled when the returns flow loads). */
  returnedShipments = new Set<string>();
  /** The labels this device has checked onto a truck (filled when the loading flow loads). */
  loadedLabels = new Set<string>();
  /** Bumps on every change so memoised views can tell. */
  version = 0;
  private listeners = new Set<() => void>();
  private catalogueWaiters: (() => void)[] = [];

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the screens something changed. */
  changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  /** Goes to a screen: without a credential or a staff session, only enrolment or sign-in can be shown. */
  navigate(screen: Screen): void {
    this.screen = !this.credential ? 'enrol' : !this.session ? 'signIn' : screen;
    this.changed();
  }

  /** The catalogue and its index; wakes sign-ins waiting for the first one. */
  setCatalogue(catalogue: Catalogue | null): void {
    this.catalogue = catalogue;
    this.index = indexCatalogue(catalogue ?? EMPTY_CATALOGUE);
    if (catalogue) for (const resolve of this.catalogueWaiters.splice(0)) resolve();
  }

  /** Waits at most `ms` for a catalogue (a badge scanned right after enrolment is not refused while the first pull runs). */
  async waitForCatalogue(ms: number): Promise<void> {
    if (this.catalogue || !this.online) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.catalogueWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Shows a banner. */
  notice(notice: Notice): void {
    this.notices.add(notice);
    this.changed();
  }

  /** Removes a banner. */
  dismissNotice(notice: Notice): void {
    this.notices.delete(notice);
    this.changed();
  }

  /** Keeps these parcels as they are now (pulled, or changed by a step on this device). */
  putParcels(parcels: Iterable<Parcel>): void {
    for (const parcel of parcels) this.parcels.set(parcel.shipmentId, parcel);
  }

  /**
   * Takes in what a flow step committed: the parcels it changed, one more pending event each, and
   * what the events mean for this device at once (a batch it claimed is its own, a parcel whose
   * return it logged is returned) before the server confirms them.
   */
  takeCommit(parcels: Parcel[], entries: OutboxEntry[]): void {
    this.putParcels(parcels);
    if (entries.length === 0) return;
    this.counts = { ...this.counts, pending: this.counts.pending + entries.length };
    for (const { event } of entries) {
      if (event.type === 'return.received' && event.payload.shipmentId) this.returnedShipments.add(event.payload.shipmentId);
      if (event.type === 'load.scanned') this.loadedLabels.add(event.payload.trackingNumber);
      if (event.type === 'batch.claimed') {
        const batch = this.batches.byId.get(event.payload.batchId);
        if (!batch) continue;
        const claimedBy = {
          staffId: event.staffId,
          staffName: this.session?.name ?? '',
          deviceId: this.credential?.deviceId ?? '',
          deviceName: this.credential?.deviceName ?? '',
          at: event.at,
        };
        this.batches.byId.set(batch.batchId, { ...batch, status: 'claimed', claimedBy });
      }
    }
  }

  /** Forgets everything about customers and this enrolment (a revocation or a wipe); notices stay. */
  forgetDevice(): void {
    this.credential = null;
    this.session = null;
    this.setCatalogue(null);
    this.parcels.clear();
    this.lastSyncAt = null;
    this.batches = new PickBatches();
    this.returnedShipments.clear();
    this.loadedLabels.clear();
  }
}
