/**
 * One sync of the device, as the scheduler runs it: push the outbox oldest first, pull every page into
 * the store and the app's state, then keep only what the retention rules allow on the device. Also
 * keeps the outbox counts of the status bar current.
 */
import type { AppState } from '../app-state.js';
import type { LocalStore } from '../store/local-store.js';
import { setMeta } from '../store/meta.js';
import { outboxCounts } from '../store/outbox.js';
import type { ApiClient } from './api.js';
import { pullAll } from './pull.js';
import type { PushSummary } from './push.js';

/** A run with nothing to send: the push code (a chunk of its own) is not even loaded. */
const NOTHING_PUSHED: PushSummary = { sent: 0, synced: 0, rejected: 0, rejections: [], deferred: 0, nextRetryAt: null };

/** Synced events are kept this long for the "synced" list, then purged. */
const SYNCED_RETENTION_MS = 7 * 24 * 3600 * 1000;

/**
 * Packed and synced parcels (customer name, rank, flags) are kept on the device this long, then
 * purged. Build-time setting: VITE_PARCEL_RETENTION_HOURS (default 24).
 */
const PARCEL_RETENTION_MS = retentionHours() * 3600 * 1000;

function retentionHours(): number {
  const raw = Number((import.meta as unknown as { env?: Record<string, string | undefined> }).env?.VITE_PARCEL_RETENTION_HOURS);
  return Number.isFinite(raw) && raw > 0 ? raw : 24;
}

/** What the sync service works with. */
export interface SyncServiceParts {
  app: AppState;
  store: LocalStore;
  api: ApiClient;
  /** After the push and the pull: what the work in hand must learn from the server's answers (a lost batch). */
  afterSync: (pushed: PushSummary) => Promise<void>;
}

/** Runs syncs and keeps the counts. */
export class SyncService {
  constructor(private readonly parts: SyncServiceParts) {}

  /**
   * One sync: push the outbox oldest first, then pull every page; throws on failure (the scheduler
   * retries). Returns when the soonest event the server deferred may be sent again (epoch ms), or null.
   * `manual`: the worker asked, so deferred events are tried now, whatever their backoff.
   */
  async run(signal: AbortSignal, manual = false): Promise<number | null> {
    const { app, store, api } = this.parts;
    const now = () => new Date().toISOString();
    try {
      // Most syncs (a fresh device's first ones, every pull while idle) have nothing to send.
      const pending = (await outboxCounts(store)).pending;
      const pushed = pending === 0 ? NOTHING_PUSHED : await (await import('./push.js')).pushOutbox(api, store, now, signal, { ignoreBackoff: manual });
      // The pull reports the queue as the push left it (a stuck event, with the server's last reason).
      await this.refreshCounts();
      await pullAll(
        api,
        store,
        (parcels, catalogue, page) => {
          if (catalogue) app.setCatalogue(catalogue);
          app.putParcels(parcels);
          if (page) app.batches.onPullPage(page);
          app.changed();
        },
        signal,
      );
      await this.parts.afterSync(pushed);
      const at = now();
      await setMeta(store, 'lastSyncAt', at);
      app.lastSyncAt = at;
      this.purgeOld();
      return pushed.nextRetryAt;
    } finally {
      await this.refreshCounts();
    }
  }

  /** Reloads the outbox counts, and the oldest queued event when it will not sync, from the store. */
  async refreshCounts(): Promise<void> {
    try {
      const counts = await outboxCounts(this.parts.store);
      // Only a queue holds a stuck event: its check loads with the push code.
      const stuck = counts.pending > 0 ? await (await import('../store/outbox-push.js')).stuckEvent(this.parts.store, Date.now()) : undefined;
      this.parts.app.counts = stuck ? { ...counts, stuck } : counts;
      this.parts.app.changed();
    } catch {
      // A closed connection (versionchange): the banner already says to reload.
    }
  }

  /**
   * Synced events after a week; customer data once its parcel is packed and synced, after the retention
   * window. Each purge runs only when something could go (the retention code loads only then): most
   * syncs have neither synced events nor old packed parcels.
   */
  private purgeOld(): void {
    const { app, store } = this.parts;
    const now = Date.now();
    const parcelsBefore = new Date(now - PARCEL_RETENTION_MS).toISOString();
    const oldPacked = [...app.parcels.values()].some((p) => (p.status === 'packed' || p.status === 'shipped') && p.packedBy !== null && p.packedBy.at < parcelsBefore);
    if (app.counts.synced === 0 && !oldPacked) return;
    void import('../store/retention.js')
      .then(async ({ purgePackedParcels, purgeSynced }) => {
        if (app.counts.synced > 0) await purgeSynced(store, new Date(now - SYNCED_RETENTION_MS).toISOString());
        if (!oldPacked) return;
        const removed = await purgePackedParcels(store, parcelsBefore);
        if (removed.length === 0) return;
        for (const id of removed) app.parcels.delete(id);
        app.changed();
      })
      .catch(() => undefined);
  }

}
