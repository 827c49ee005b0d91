/**
 * The app's state and commands, outside the UI: boot from IndexedDB, enrolment, staff sign-in,
 * the pack session, sync and its status. Screens read it and call its methods; it notifies
 * subscribers after every change. Part of the main bundle; the pick and returns sessions are loaded
 * with their screens (loadPicking, loadReturns), so packing starts without their code.
 */
import { lockRemainingMs, recordAttempt, type AttemptState } from '../shared/domain/attempt-throttle.js';
import type { Catalogue } from '../shared/domain/catalogue.js';
import { EMPTY_CATALOGUE, indexCatalogue, type CatalogueIndex } from '../shared/domain/catalogue-index.js';
import type { Parcel } from '../shared/domain/parcel.js';
import { INITIAL_PACK_STATE, type PackContext, type PackState } from '../shared/flows/pack.js';
import { playFeedback } from './feedback/feedback.js';
import type { FlowIdentity } from './flow/flow-session.js';
import { PackSession } from './pack/pack-session.js';
import { PickBatches } from './pick/pick-batches.js';
import type { Picking } from './pick/picking.js';
import type { ReturnSession } from './returns/return-session.js';
import type { PickState } from '../shared/flows/pick.js';
import type { ReturnContext, ReturnState } from '../shared/flows/return.js';
import { INITIAL_PICK_STATE, INITIAL_RETURN_STATE } from '../shared/flows/resting-states.js';
import { loadBoot } from './store/boot.js';
import { openLocalStore, type LocalStore } from './store/local-store.js';
import { deleteMeta, setMeta } from './store/meta.js';
import { outboxCounts, returnedShipments, type OutboxCounts } from './store/outbox.js';
import { purgePackedParcels, purgeSynced, wipeCustomerData } from './store/retention.js';
import { shipmentOfSubject } from './store/subject.js';
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
  /** Pulled pick batches and settings: sync keeps them current whether or not the pick screen was opened. */
  pickBatches = new PickBatches();
  /** The parcels this device has logged a return of (read when the returns session loads). */
  returnedShipments = new Set<string>();
  store!: LocalStore;
  readonly api: ApiClient;
  readonly scheduler: SyncScheduler;
  private listeners = new Set<() => void>();
  private pinAttempts = new Map<string, AttemptState>();
  private catalogueWaiters: (() => void)[] = [];
  /** The pick and returns states as restored (or reset), until their sessions are loaded and own them. */
  private restedPick: PickState = INITIAL_PICK_STATE;
  private restedReturn: ReturnState = INITIAL_RETURN_STATE;
  private pickingSession: Picking | null = null;
  private returnsSession: ReturnSession | null = null;
  private pickingLoad: Promise<Picking> | null = null;
  private returnsLoad: Promise<ReturnSession> | null = null;

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
    const boot = await loadBoot(this.store);
    this.credential = boot.credential;
    this.session = boot.session;
    this.lastSyncAt = boot.lastSyncAt;
    this.setCatalogue(boot.catalogue);
    for (const p of boot.parcels) this.parcels.set(p.shipmentId, p);
    this.pack = this.makePackSession(boot.packState);
    this.pickBatches = new PickBatches(boot.batches, boot.pickSettings);
    this.restedPick = boot.pickState;
    this.restedReturn = boot.returnState;
    if (!this.credential && readMark()) this.notices.add('vanished');
    await this.refreshCounts();
    this.screen = this.homeScreen();
    if (this.screen === 'home' && boot.packState.step === 'verifying') this.screen = 'pack';
    else if (this.screen === 'home' && boot.pickState.step === 'picking') this.screen = 'pick';
    this.changed();
    this.listen();
    if (this.credential) this.scheduler.request('start');
  }

  /** The pick session; read only by the pick screen, whose loader waits for loadPicking(). */
  get picking(): Picking {
    if (!this.pickingSession) throw new Error('the pick session is not loaded');
    return this.pickingSession;
  }

  /** The returns screen's session; read only by that screen, whose loader waits for loadReturns(). */
  get returns(): ReturnSession {
    if (!this.returnsSession) throw new Error('the returns session is not loaded');
    return this.returnsSession;
  }

  /** The pick state, loaded or not (the home screen's "resume" line). */
  get pickState(): PickState {
    return this.pickingSession?.session.state ?? this.restedPick;
  }

  /** The returns state, loaded or not (the home screen's "resume" line). */
  get returnState(): ReturnState {
    return this.returnsSession?.state ?? this.restedReturn;
  }

  /** Whether the pick session is built (the pick screen renders only then). */
  get pickingLoaded(): boolean {
    return this.pickingSession !== null;
  }

  /** Whether the returns session is built (the returns screen renders only then). */
  get returnsLoaded(): boolean {
    return this.returnsSession !== null;
  }

  /** Loads the pick flow's code (a precached chunk) and builds its session over the restored state, once. */
  loadPicking(): Promise<Picking> {
    this.pickingLoad ??= import('./pick/picking.js').then(
      ({ Picking }) =>
        (this.pickingSession ??= new Picking(this.restedPick, this.pickBatches, {
          store: this.store,
          index: () => this.index,
          findParcel: (id) => this.parcels.get(id),
          deviceId: () => this.credential?.deviceId ?? '',
          identity: () => this.identity(),
          onFeedback: (feedback) => playFeedback(feedback.tone),
          onCommitted: (parcels, entries) => this.onFlowCommitted(parcels, entries),
          onChange: () => this.changed(),
        })),
      (error: unknown) => {
        this.pickingLoad = null; // let the next attempt try again
        throw error;
      },
    );
    return this.pickingLoad;
  }

  /** Loads the returns flow's code and the parcels already returned, and builds its session, once. */
  loadReturns(): Promise<ReturnSession> {
    this.returnsLoad ??= Promise.all([import('./returns/return-session.js'), returnedShipments(this.store)]).then(
      ([{ createReturnSession }, returned]) => {
        if (this.returnsSession) return this.returnsSession;
        for (const id of returned) this.returnedShipments.add(id);
        this.returnsSession = createReturnSession(this.restedReturn, {
          store: this.store,
          context: (now) => this.returnContext(now),
          identity: () => this.identity(),
          onFeedback: (feedback) => playFeedback(feedback.tone),
          onCommitted: (parcels, entries) => {
            for (const e of entries) {
              const shipmentId = e.event.type === 'return.received' ? shipmentOfSubject(e.subject) : null;
              if (shipmentId !== null) this.returnedShipments.add(shipmentId);
            }
            this.onFlowCommitted(parcels, entries);
          },
          onChange: () => this.changed(),
        });
        return this.returnsSession;
      },
      (error: unknown) => {
        this.returnsLoad = null;
        throw error;
      },
    );
    return this.returnsLoad;
  }

  private identity(): FlowIdentity | null {
    return this.session ? { staffId: this.session.staffId, staffName: this.session.name, deviceName: this.credential?.deviceName ?? '' } : null;
  }

  private makePackSession(state: PackState): PackSession {
    return new PackSession(state, {
      store: this.store,
      context: (now) => this.packContext(now),
      identity: () => this.identity(),
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
    await setMeta(this.store, 'credential', credential);
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
    await setMeta(this.store, 'session', session);
    this.session = session;
    this.screen = this.pack.state.step === 'verifying' ? 'pack' : this.pickState.step === 'picking' ? 'pick' : 'home';
    this.changed();
    return null;
  }

  /** Signs the staff member out (the pack state stays for the next one). */
  async signOut(): Promise<void> {
    await deleteMeta(this.store, 'session');
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
      this.counts = await outboxCounts(this.store);
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
          if (page) this.pickBatches.onPullPage(page);
          this.changed();
        },
        signal,
      );
      // Only a batch in hand can be lost, and its session is then loaded (or loads here).
      if (this.pickState.step === 'picking') await (await this.loadPicking()).reconcile(pushed.rejections);
      const at = now();
      await setMeta(this.store, 'lastSyncAt', at);
      this.lastSyncAt = at;
      void purgeSynced(this.store, new Date(Date.now() - SYNCED_RETENTION_MS).toISOString()).catch(() => 0);
      // Customer data leaves the device once its parcel is packed and synced, after the retention window.
      void purgePackedParcels(this.store, new Date(Date.now() - PARCEL_RETENTION_MS).toISOString())
        .then((removed) => {
          if (removed.length === 0) return;
          for (const id of removed) this.parcels.delete(id);
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
      await wipeCustomerData(this.store);
    } catch {
      // A closed connection (versionchange): the banner asks for a reload, which boots into enrolment
      // because the credential is gone from memory; the wipe is retried by the next 401.
    }
    // Fresh sessions: pack at once, pick and returns when their screens next load them.
    this.pack = this.makePackSession(INITIAL_PACK_STATE);
    this.pickBatches = new PickBatches();
    this.restedPick = INITIAL_PICK_STATE;
    this.restedReturn = INITIAL_RETURN_STATE;
    this.pickingSession = this.returnsSession = null;
    this.pickingLoad = this.returnsLoad = null;
    this.returnedShipments.clear();
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
