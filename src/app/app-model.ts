/**
 * The composition root of the handheld app: builds the state the screens render (app-state.ts), the
 * device store, the API client, the sync scheduler and the services, and wires them together — the
 * one place where services are handed to each other. Then boots: opens IndexedDB and restores
 * everything exactly as it was. Part of the main bundle; the pick and return flows load with their
 * screens (flow/flow-sessions.ts), so packing starts without their code.
 */
import { AppState } from './app-state.js';
import { DeviceSession } from './device/device-session.js';
import { readEnrolledMark } from './device/enrolled-mark.js';
import { FlowSessions } from './flow/flow-sessions.js';
import { PickBatches } from './pick/pick-batches.js';
import { loadBoot, preloadBootChecks } from './store/boot.js';
import type { BootSnapshot } from './store/boot-snapshot.js';
import { openLocalStore, type LocalStore } from './store/local-store.js';
import { createApiClient, type ApiClient } from './sync/api.js';
import { SyncScheduler } from './sync/scheduler.js';
import { SyncService } from './sync/sync-service.js';

/** The app: its state, and the services the screens call. */
export class AppModel {
  /** What the screens render. */
  readonly state = new AppState();
  readonly api: ApiClient;
  readonly scheduler: SyncScheduler;
  /** Set by boot(); screens render only after it (the boot screen shows until then). */
  store!: LocalStore;
  flows!: FlowSessions;
  device!: DeviceSession;
  sync!: SyncService;

  constructor() {
    const state = this.state;
    this.api = createApiClient({
      fetch: (...args) => fetch(...args),
      getToken: () => state.credential?.token ?? null,
      outboxCounts: () => state.counts,
    });
    this.scheduler = new SyncScheduler({
      run: (signal, manual) => this.sync.run(signal, manual),
      isOnline: () => navigator.onLine,
      onAuthLost: () => void this.device.revoked(),
      onState: (sync) => {
        state.syncStatus = sync;
        if (!sync.running) void this.sync?.refreshCounts();
        state.changed();
      },
    });
  }

  /** Opens the database, builds the services over it and restores everything exactly as it was. */
  async boot(): Promise<void> {
    const { state } = this;
    let boot: BootSnapshot;
    if (readEnrolledMark()) preloadBootChecks();
    try {
      this.store = await openLocalStore(undefined, {
        onBlocked: () => state.notice('dbBlocked'),
        onVersionChange: () => state.notice('dbVersionChange'),
      });
      boot = await loadBoot(this.store);
    } catch (error) {
      state.fatal = { key: 'db.openFailed', reason: error instanceof Error ? error.name : String(error) };
      state.screen = 'fatal';
      state.changed();
      return;
    }
    // Records that failed their check were left out (the next pull brings them back): say so.
    if (boot.unreadable.length > 0) state.notices.add('repaired');
    state.credential = boot.credential;
    state.session = boot.session;
    state.lastSyncAt = boot.lastSyncAt;
    state.setCatalogue(boot.catalogue);
    state.putParcels(boot.parcels);
    state.batches = new PickBatches(boot.batches, boot.pickSettings);
    this.wire(boot);
    if (!state.credential && readEnrolledMark()) state.notices.add('vanished');
    await this.sync.refreshCounts();
    state.navigate(this.flows.resumeScreen());
    this.listen();
    if (state.credential) this.scheduler.request('start');
  }

  /** Builds the services over the opened store, each handed exactly what it uses. */
  private wire(boot: BootSnapshot): void {
    const { state: app, store, api, scheduler } = this;
    this.flows = new FlowSessions({ store, app, scheduler }, boot);
    this.sync = new SyncService({
      app,
      store,
      api,
      // Only a batch in hand can be lost; its session and this check then load with the pick chunk.
      afterSync: async (pushed) => {
        if (this.flows.pickState.step !== 'picking') return;
        const [{ reconcileBatchInHand }, session] = await Promise.all([import('./pick/reconcile-batch.js'), this.flows.load('pick')]);
        await reconcileBatchInHand(session, app, store, pushed.rejections);
      },
    });
    this.device = new DeviceSession({ app, store, api, scheduler, flows: this.flows, refreshCounts: () => this.sync.refreshCounts() });
  }

  /** Syncs now (a tap), even after a failure or a stop. */
  syncNow(): void {
    this.scheduler.resume();
    this.scheduler.request('manual');
  }

  /** Network and visibility: sync when the network comes back or the device wakes. */
  private listen(): void {
    const { state } = this;
    window.addEventListener('online', () => {
      state.online = true;
      state.changed();
      this.scheduler.request('online');
    });
    window.addEventListener('offline', () => {
      state.online = false;
      state.changed();
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && state.credential) this.scheduler.request('wake');
    });
  }
}
