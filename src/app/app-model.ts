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
import { checkStoredBoot, readBoot, trustedBoot } from './store/boot.js';
import type { BootSnapshot, StoredBoot } from './store/boot-snapshot.js';
import { openLocalStore, type LocalStore } from './store/local-store.js';
import { outboxCounts } from './store/outbox.js';
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

  /**
   * Opens the database, builds the services over it and restores everything exactly as it was. The
   * first screen is drawn from the records as stored; their checks run just after it, while actions
   * wait (flow-session.ts), and sync starts once they pass. Should a record fail, the app starts
   * over from the checked records, in place, and says so.
   */
  async boot(): Promise<void> {
    const { state } = this;
    let stored: StoredBoot;
    try {
      this.store = await openLocalStore(undefined, {
        onBlocked: () => state.notice('dbBlocked'),
        onVersionChange: () => state.notice('dbVersionChange'),
      });
      // The status bar's counts come with the first screen, read alongside the records.
      [stored, state.counts] = await Promise.all([readBoot(this.store), outboxCounts(this.store)]);
    } catch (error) {
      this.fail(error);
      return;
    }
    let checked: Promise<BootSnapshot>;
    try {
      checked = this.startFrom(trustedBoot(stored), () => checkStoredBoot(this.store, stored));
    } catch {
      // A record too far from its shape to even start from: wait for the checks, which leave it out.
      try {
        const boot = await checkStoredBoot(this.store, stored);
        checked = this.startFrom(boot, () => Promise.resolve(boot));
      } catch (error) {
        this.fail(error);
        return;
      }
    }
    this.listen();
    const boot = await checked.catch(() => null);
    // The checks could not even load (a broken install): the records as stored stay, as before checks existed.
    if (boot && boot.unreadable.length > 0) {
      this.startFrom(boot, () => Promise.resolve(boot));
      state.notice('repaired');
    }
    if (state.credential) this.scheduler.request('start');
  }

  /** Takes a snapshot into the state, builds the services over it and shows its screen; returns its check, started after the next frame. */
  private startFrom(boot: BootSnapshot, check: () => Promise<BootSnapshot>): Promise<BootSnapshot> {
    const { state } = this;
    state.credential = boot.credential;
    state.session = boot.session;
    state.lastSyncAt = boot.lastSyncAt;
    state.setCatalogue(boot.catalogue);
    state.parcels.clear();
    state.putParcels(boot.parcels);
    state.batches = new PickBatches(boot.batches, boot.pickSettings);
    const checked = afterNextFrame().then(check);
    this.wire(boot, checked.then(() => undefined));
    if (!state.credential && readEnrolledMark()) state.notices.add('vanished');
    state.navigate(this.flows.resumeScreen());
    return checked;
  }

  /** The start failed: the fatal screen says why. */
  private fail(error: unknown): void {
    this.state.fatal = { key: 'db.openFailed', reason: error instanceof Error ? error.name : String(error) };
    this.state.screen = 'fatal';
    this.state.changed();
  }

  /** Builds the services over the opened store, each handed exactly what it uses. */
  private wire(boot: BootSnapshot, ready: Promise<void>): void {
    const { state: app, store, api, scheduler } = this;
    this.flows = new FlowSessions({ store, app, scheduler, ready }, boot);
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

/** Resolves after the next frame is drawn (a frame and a task: the paint has happened by then). */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
