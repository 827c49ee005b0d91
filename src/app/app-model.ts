/**
 * The app's state and commands, outside the UI: boot from IndexedDB, enrolment, staff sign-in,
 * the pack session, sync and its status. Screens read it and call its methods; it notifies
 * subscribers after every change. Part of the main bundle.
 */
import { lockRemainingMs, recordAttempt, type AttemptState } from '../shared/domain/attempt-throttle.js';
import type { Catalogue } from '../shared/domain/catalogue.js';
import { EMPTY_CATALOGUE, indexCatalogue, type CatalogueIndex } from '../shared/domain/catalogue-index.js';
import type { Parcel } from '../shared/domain/parcel.js';
import { INITIAL_PACK_STATE, type PackContext, type PackState } from '../shared/flows/pack.js';
import { playFeedback } from './feedback/feedback.js';
import { PackSession } from './pack/pack-session.js';
import { Picking } from './pick/picking.js';
import { createReturnSession, type ReturnSession } from './returns/return-session.js';
import { INITIAL_RETURN_STATE, type ReturnContext } from '../shared/flows/return.js';
import { INITIAL_PICK_STATE } from '../shared/flows/pick.js';
import { DEFAULT_PICK_SETTINGS } from '../shared/picking/pick-settings.js';
import { openLocalStore, type BootSnapshot, type LocalStore, type OutboxCounts } from './store/db.js';
import type { Credential, OutboxEntry, StaffSession } from './store/schema.js';
import { AuthError, createApiClient, HttpError, RetryableError, type ApiClient } from './sync/api.js';
import { pullAll } from './sync/pull.js';
import { pushOutbox } from './sync/push.js';
import { SyncScheduler, type SchedulerState } from './sync/scheduler.js';
import type { UiKey } from './i18n/i18n.js';
import { requestBackgroundSync } from './sw-bridge.js';

/** How long a sign-in waits for the first pull after enrolment before saying there is no master data. */
const SIGN_IN_CATALOGUE_WAIT_MS = 10_000;

/** The screens. */
export type Screen = 'boot' | 'enrol' | 'signIn' | 'home' | 'pack' | 'pick' | 'returns' | 'sync' | 'settings' | 'fatal';

/** localStorage mark that this browser was enrolled: if it survives and IndexedDB does not, data vanished. */
const ENROLLED_MARK = 'floorpack.enrolled';
/**
 * Packed and synced parcels (customer name, rank, flags) are kept on the device this long, then
 * purged. Build-time setting: VITE_PARCEL_RETENTION_HOURS (default 24).
 */
export const PARCEL_RETENTION_MS = retentionHours() * 3600 * 1000;

function retentionHours(): number {
  const raw = Number((import.meta as unknown as { env?: Record<string, string | undefined> }).env?.VITE_PARCEL_RETENTION_HOURS);
  return Number.isFinite(raw) && raw > 0 ? raw : 24;
}

/** Synced events are kept this long for the "synced" list, then purged. */
const SYNCED_RETENTION_MS = 7 * 24 * 3600 * 1000;

/** Problems shown as a banner over any screen. */
export type Notice = 'vanished' | 'revoked' | 'dbBlocked' | 'dbVersionChange';

/** The whole app state. */
export class AppModel {
  screen: Screen = 'boot';
  credential: Credential | null = null;
  session: StaffSession | null = null;
  catalogue: Catalogue | null = null;
  index: CatalogueIndex = indexCatalogue(EMPTY_CATALOGUE);
  parcels = new Map<string, Parcel>();
  counts: OutboxCounts = { pending: 0, rejected: 0, synced: 0 };
  online = typeof navigator === 'undefined' ? true : navigator.onLine;
  lastSyncAt: string | null = null;
  sync: SchedulerState = { running: false, failures: 0, retryAt: null, lastError: null };
  notices = new Set<Notice>();
  fatal: { key: UiKey; reason: string } | null = null;
  /** Bumps on every change so memoised views can tell. */
  version = 0;
  pack!: PackSession;
  picking!: Picking;
  /** The returns screen's session (issue 4) and the parcels this device has logged a return of. */
  returns!: ReturnSession;
  returnedShipments = new Set<string>();
  store!: LocalStore;
  readonly api: ApiClient;
  readonly scheduler: SyncScheduler;
  private listeners = new Set<() => void>();
  private pinAttempts = new Map<string, AttemptState>();
  private catalogueWaiters: (() => void)[] = [];

  constructor() {
    this.api = createApiClient({
      fetch: (...args) => fetch(...args),
      getToken: () => this.credential?.token ?? null,
      outboxCounts: () => this.counts,
    });
    this.scheduler = new SyncScheduler({
      run: (signal) => this.runSync(signal),
      isOnline: () => navigator.onLine,
      onAuthLost: () => void this.onAuthLost(),
      onState: (state) => {
        this.sync = state;
        if (!state.running) void this.refreshCounts();
        this.changed();
      },
    });
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the UI something changed. */
  changed(): void {
    this.version += 1;
    for (const l of this.listeners) l();
  }

  /** Opens the database and restores everything exactly as it was. */
  async boot(): Promise<void> {
    try {
      this.store = await openLocalStore(undefined, {
        onBlocked: () => this.notice('dbBlocked'),
        onVersionChange: () => this.notice('dbVersionChange'),
      });
    } catch (error) {
      this.fatal = { key: 'db.openFailed', reason: error instanceof Error ? error.name : String(error) };
      this.screen = 'fatal';
      this.changed();
      return;
    }
    const boot = await this.store.loadBoot();
    this.credential = boot.credential;
    this.session = boot.session;
    this.lastSyncAt = boot.lastSyncAt;
    this.setCatalogue(boot.catalogue);
    for (const p of boot.parcels) this.parcels.set(p.shipmentId, p);
    await this.makeSessions(boot);
    if (!this.credential && readMark()) this.notices.add('vanished');
    await this.refreshCounts();
    this.screen = this.homeScreen();
    if (this.screen === 'home' && boot.packState.step === 'verifying') this.screen = 'pack';
    else if (this.screen === 'home' && boot.pickState.step === 'picking') this.screen = 'pick';
    this.changed();
    this.listen();
    if (this.credential) this.scheduler.request('start');
  }

  /** Builds the pack, pick and returns sessions over the store (at boot, and fresh after a wipe). */
  private async makeSessions(boot: Pick<BootSnapshot, 'packState' | 'pickState' | 'batches' | 'pickSettings' | 'returnState'>): Promise<void> {
    this.pack = this.makePackSession(boot.packState);
    this.picking = new Picking(boot.pickState, boot.batches, boot.pickSettings, {
      store: this.store,
      index: () => this.index,
      findParcel: (id) => this.parcels.get(id),
      deviceId: () => this.credential?.deviceId ?? '',
      identity: () =>
        this.session ? { staffId: this.session.staffId, staffName: this.session.name, deviceName: this.credential?.deviceName ?? '' } : null,
      onFeedback: (feedback) => playFeedback(feedback.tone),
      onCommitted: (parcels, entries) => this.onFlowCommitted(parcels, entries),
      onChange: () => this.changed(),
    });
    this.returnedShipments.clear();
    for (const id of await this.store.returnedShipments()) this.returnedShipments.add(id);
    this.returns = createReturnSession(boot.returnState, {
      store: this.store,
      context: (now) => this.returnContext(now),
      identity: () =>
        this.session ? { staffId: this.session.staffId, staffName: this.session.name, deviceName: this.credential?.deviceName ?? '' } : null,
      onFeedback: (feedback) => playFeedback(feedback.tone),
      onCommitted: (parcels, entries) => {
        for (const e of entries) if (e.event.type === 'return.received') this.returnedShipments.add(e.shipmentId);
        this.onFlowCommitted(parcels, entries);
      },
      onChange: () => this.changed(),
    });
  }

  private makePackSession(state: PackState): PackSession {
    return new PackSession(state, {
      store: this.store,
      context: (now) => this.packContext(now),
      identity: () =>
        this.session ? { staffId: this.session.staffId, staffName: this.session.name, deviceName: this.credential?.deviceName ?? '' } : null,
      onFeedback: (feedback) => playFeedback(feedback.tone),
      onCommitted: (parcels, entries) => this.onFlowCommitted(parcels, entries),
      onChange: () => this.changed(),
    });
  }

  /** Trades an enrolment code for a credential, stores it, asks for persistent storage, then pulls. */
  async enrol(code: string, deviceName: string): Promise<UiKey | null> {
    let response;
    try {
      // A mark without a credential means the database vanished under us: name the old device so the
      // server can tell a supervisor what may have been lost with it.
      const previousDeviceId = this.credential ? undefined : (readMark() ?? undefined);
      response = await this.api.enrol({ code: code.trim(), deviceName: deviceName.trim(), ...(previousDeviceId ? { previousDeviceId } : {}) });
    } catch (error) {
      if (error instanceof HttpError) return error.status === 400 ? 'enrol.error.invalid' : 'enrol.error.rejected';
      if (error instanceof AuthError) return 'enrol.error.rejected';
      if (error instanceof RetryableError) return error.status === null ? 'enrol.error.network' : 'enrol.error.server';
      return 'enrol.error.server';
    }
    const credential: Credential = { ...response, enrolledAt: new Date().toISOString() };
    await this.store.setMeta('credential', credential);
    this.credential = credential;
    writeMark(credential.deviceId);
    this.notices.delete('vanished');
    this.notices.delete('revoked');
    // Chrome grants this silently to installed apps; without it the browser may evict the outbox.
    void navigator.storage?.persist?.().catch(() => false);
    this.screen = this.homeScreen();
    this.changed();
    this.scheduler.resume();
    this.scheduler.request('start');
    return null;
  }

  /**
   * Signs a staff member in by badge code, offline, against the pulled catalogue. A member with a PIN
   * gets 'signin.pinRequired' first, then signs in with the code and the PIN (checked offline).
   */
  async signIn(rawCode: string, pin?: string): Promise<UiKey | null> {
    const code = rawCode.trim().toUpperCase();
    await this.waitForCatalogue(SIGN_IN_CATALOGUE_WAIT_MS);
    if (!this.catalogue) return 'signin.noCatalogue';
    const staff = this.index.staffByCode.get(code);
    if (!staff) return 'signin.unknown';
    if (staff.pinHash) {
      if (pin === undefined) return 'signin.pinRequired';
      // Guessing is throttled per badge (in memory: a reload costs a guesser more than the pause).
      if (lockRemainingMs(this.pinAttempts.get(staff.id), Date.now()) > 0) return 'signin.pinLocked';
      const { verifyStaffPin } = await import('./auth/verify-pin.js');
      const ok = await verifyStaffPin(pin, staff.pinHash);
      this.pinAttempts.set(staff.id, recordAttempt(this.pinAttempts.get(staff.id), ok, Date.now()));
      if (!ok) return lockRemainingMs(this.pinAttempts.get(staff.id), Date.now()) > 0 ? 'signin.pinLocked' : 'signin.pinWrong';
    }
    const session: StaffSession = { staffId: staff.id, code: staff.code, name: staff.name, signedInAt: new Date().toISOString() };
    await this.store.setMeta('session', session);
    this.session = session;
    this.screen = this.pack.state.step === 'verifying' ? 'pack' : this.picking.session.state.step === 'picking' ? 'pick' : 'home';
    this.changed();
    return null;
  }

  /** Signs the staff member out (the pack state stays for the next one). */
  async signOut(): Promise<void> {
    await this.store.deleteMeta('session');
    this.session = null;
    this.screen = 'signIn';
    this.changed();
  }

  /** Goes to a screen (only those the current credential/session allows). */
  navigate(screen: Screen): void {
    // Without a credential or a session the only screens are enrol and sign-in; otherwise go where asked
    // (homeScreen() answers the current screen once signed in, so it cannot be compared with 'home').
    const base = this.homeScreen();
    this.screen = base === 'enrol' || base === 'signIn' ? base : screen;
    this.changed();
  }

  /** Removes a banner. */
  dismissNotice(notice: Notice): void {
    this.notices.delete(notice);
    this.changed();
  }

  /** Syncs now (a tap). */
  syncNow(): void {
    this.scheduler.resume();
    this.scheduler.request('manual');
  }

  /** Reloads the outbox counts from the store. */
  async refreshCounts(): Promise<void> {
    if (!this.store) return;
    try {
      this.counts = await this.store.outboxCounts();
      this.changed();
    } catch {
      // A closed connection (versionchange): the banner already says to reload.
    }
  }

  /** After any flow commit (pack, pick, returns): local parcels, the unsent count, and a sync request. */
  private onFlowCommitted(parcels: Parcel[], entries: OutboxEntry[]): void {
    for (const p of parcels) this.parcels.set(p.shipmentId, p);
    if (entries.length > 0) {
      this.counts = { ...this.counts, pending: this.counts.pending + entries.length };
      this.scheduler.request('event');
      // Offline: ask Chrome to wake us when the network is back (the outbox stays the record).
      if (!navigator.onLine) void requestBackgroundSync();
    }
  }

  private returnContext(now: string): ReturnContext {
    return {
      index: this.index,
      findParcel: (id) => this.parcels.get(id),
      findParcelByOrder: (order) => {
        for (const p of this.parcels.values()) if (p.orderNumber === order && (p.status === 'packed' || p.status === 'shipped')) return p;
        return undefined;
      },
      alreadyReturned: (id) => this.returnedShipments.has(id),
      now,
    };
  }

  private packContext(now: string): PackContext {
    return { index: this.index, findParcel: (id) => this.parcels.get(id), now };
  }

  private homeScreen(): Screen {
    if (!this.credential) return 'enrol';
    if (!this.session) return 'signIn';
    return this.screen === 'boot' || this.screen === 'enrol' || this.screen === 'signIn' ? 'home' : this.screen;
  }

  private setCatalogue(catalogue: Catalogue | null): void {
    this.catalogue = catalogue;
    this.index = indexCatalogue(catalogue ?? EMPTY_CATALOGUE);
    if (catalogue) for (const resolve of this.catalogueWaiters.splice(0)) resolve();
  }

  /** Waits (bounded) for the first pull to bring the catalogue: a badge scanned right after enrolment is not refused. */
  private async waitForCatalogue(ms: number): Promise<void> {
    if (this.catalogue || !navigator.onLine) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.catalogueWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private notice(notice: Notice): void {
    this.notices.add(notice);
    this.changed();
  }

  private listen(): void {
    window.addEventListener('online', () => {
      this.online = true;
      this.changed();
      this.scheduler.request('online');
    });
    window.addEventListener('offline', () => {
      this.online = false;
      this.changed();
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && this.credential) this.scheduler.request('wake');
    });
  }

  /** One sync: push the outbox oldest first, then pull every page. */
  private async runSync(signal: AbortSignal): Promise<void> {
    const now = () => new Date().toISOString();
    try {
      const pushed = await pushOutbox(this.api, this.store, now, signal);
      await pullAll(
        this.api,
        this.store,
        (parcels, catalogue, page) => {
          if (catalogue) this.setCatalogue(catalogue);
          for (const p of parcels) this.parcels.set(p.shipmentId, p);
          if (page) this.picking.onPullPage(page);
          this.changed();
        },
        signal,
      );
      await this.picking.reconcile(pushed.rejections);
      const at = now();
      await this.store.setMeta('lastSyncAt', at);
      this.lastSyncAt = at;
      void this.store.purgeSynced(new Date(Date.now() - SYNCED_RETENTION_MS).toISOString()).catch(() => 0);
      // Customer data leaves the device once its parcel is packed and synced, after the retention window.
      void this.store
        .purgePackedParcels(new Date(Date.now() - PARCEL_RETENTION_MS).toISOString())
        .then(async (removed) => {
          if (removed === 0) return;
          const kept = new Set((await this.store.loadBoot()).parcels.map((p) => p.shipmentId));
          for (const id of [...this.parcels.keys()]) if (!kept.has(id)) this.parcels.delete(id);
          this.changed();
        })
        .catch(() => 0);
    } finally {
      await this.refreshCounts();
    }
  }

  /**
   * 401: the device was revoked (lost, stolen, retired). Wipe the customer data and the credential at
   * once, and go back to enrolment. Unsent and refused events are kept (no customer data in them; they
   * belong to the warehouse): the enrol screen shows how many, and they are sent once the device is
   * enrolled again (the server answers "duplicate" for any it already has).
   */
  private async onAuthLost(): Promise<void> {
    this.notices.add('revoked');
    await this.wipeLocal();
  }

  /** "Wipe this device": the same wipe as a revocation, on a supervisor's tap. */
  async wipeDevice(): Promise<void> {
    this.scheduler.stop();
    await this.wipeLocal();
  }

  private async wipeLocal(): Promise<void> {
    this.credential = null;
    this.session = null;
    this.setCatalogue(null);
    this.parcels.clear();
    this.lastSyncAt = null;
    clearMark();
    try {
      await this.store.wipeCustomerData();
    } catch {
      // A closed connection (versionchange): the banner asks for a reload, which boots into enrolment
      // because the credential is gone from memory; the wipe is retried by the next 401.
    }
    await this.makeSessions({ packState: INITIAL_PACK_STATE, pickState: INITIAL_PICK_STATE, batches: [], pickSettings: DEFAULT_PICK_SETTINGS, returnState: INITIAL_RETURN_STATE });
    this.screen = 'enrol';
    await this.refreshCounts();
    this.changed();
  }
}

function readMark(): string | null {
  try {
    return localStorage.getItem(ENROLLED_MARK);
  } catch {
    return null;
  }
}
function writeMark(deviceId: string): void {
  try {
    localStorage.setItem(ENROLLED_MARK, deviceId);
  } catch {
    // Without localStorage we simply cannot detect a vanished database.
  }
}
function clearMark(): void {
  try {
    localStorage.removeItem(ENROLLED_MARK);
  } catch {
    // See writeMark.
  }
}
