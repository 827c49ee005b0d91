/**
 * Who this device is and who works on it: enrolment (a one-time code traded for a credential), staff
 * sign-in by badge (and PIN, checked offline), sign-out, and the wipe — on a supervisor's tap, or at
 * once when the server answers 401 because the device was revoked (lost, stolen, retired).
 */
import { lockRemainingMs, recordAttempt, type AttemptState } from '../../shared/domain/attempt-throttle.js';
import type { AppState } from '../app-state.js';
import type { FlowSessions } from '../flow/flow-sessions.js';
import type { UiKey } from '../i18n/i18n.js';
import type { LocalStore } from '../store/local-store.js';
import { deleteMeta, setMeta } from '../store/meta.js';
import { wipeCustomerData } from '../store/wipe.js';
import type { Credential, StaffSession } from '../store/schema.js';
import { AuthError, HttpError, RetryableError, type ApiClient } from '../sync/api.js';
import type { SyncScheduler } from '../sync/scheduler.js';
import { clearEnrolledMark, readEnrolledMark, writeEnrolledMark } from './enrolled-mark.js';

/** How long a sign-in waits for the first pull after enrolment before saying there is no master data. */
const SIGN_IN_CATALOGUE_WAIT_MS = 10_000;

/** What the device session works with. */
export interface DeviceSessionParts {
  app: AppState;
  store: LocalStore;
  api: Pick<ApiClient, 'enrol'>;
  scheduler: Pick<SyncScheduler, 'request' | 'resume' | 'stop'>;
  flows: Pick<FlowSessions, 'resumeScreen' | 'reset'>;
  /** Reloads the outbox counts after a wipe (the kept events stay counted). */
  refreshCounts: () => Promise<void>;
}

/** Enrolment, sign-in, sign-out and wipe. */
export class DeviceSession {
  private pinAttempts = new Map<string, AttemptState>();

  constructor(private readonly parts: DeviceSessionParts) {}

  /** Trades an enrolment code for a credential, stores it, asks for persistent storage, then syncs. */
  async enrol(code: string, deviceName: string): Promise<UiKey | null> {
    const { app, store, api, scheduler } = this.parts;
    let response;
    try {
      // A mark without a credential means the database vanished under us: name the old device so the
      // server can tell a supervisor what may have been lost with it, and prove it was this one.
      const mark = app.credential ? null : readEnrolledMark();
      const previous = mark ? { previousDeviceId: mark.deviceId, ...(mark.recoverySecret ? { previousDeviceSecret: mark.recoverySecret } : {}) } : {};
      response = await api.enrol({ code: code.trim(), deviceName: deviceName.trim(), ...previous });
    } catch (error) {
      if (error instanceof HttpError) return error.status === 400 ? 'enrol.error.invalid' : 'enrol.error.rejected';
      if (error instanceof AuthError) return 'enrol.error.rejected';
      if (error instanceof RetryableError) return error.status === null ? 'enrol.error.network' : 'enrol.error.server';
      return 'enrol.error.server';
    }
    // The recovery secret lives with the mark, outside IndexedDB: it is needed exactly when IndexedDB is gone.
    const { recoverySecret, ...enrolled } = response;
    const credential: Credential = { ...enrolled, enrolledAt: new Date().toISOString() };
    await setMeta(store, 'credential', credential);
    app.credential = credential;
    writeEnrolledMark({ deviceId: credential.deviceId, recoverySecret: recoverySecret ?? null });
    app.notices.delete('vanished');
    app.notices.delete('revoked');
    // Chrome grants this silently to installed apps; without it the browser may evict the outbox.
    void navigator.storage?.persist?.().catch(() => false);
    app.navigate('home');
    scheduler.resume();
    scheduler.request('start');
    return null;
  }

  /**
   * Signs a staff member in by badge code, offline, against the pulled catalogue. A member with a PIN
   * gets 'signin.pinRequired' first, then signs in with the code and the PIN (checked offline).
   */
  async signIn(rawCode: string, pin?: string): Promise<UiKey | null> {
    const { app, store, flows } = this.parts;
    const code = rawCode.trim().toUpperCase();
    await app.waitForCatalogue(SIGN_IN_CATALOGUE_WAIT_MS);
    if (!app.catalogue) return 'signin.noCatalogue';
    const staff = app.index.staffByCode.get(code);
    if (!staff) return 'signin.unknown';
    if (staff.pinHash) {
      if (pin === undefined) return 'signin.pinRequired';
      // Guessing is throttled per badge (in memory: a reload costs a guesser more than the pause).
      if (lockRemainingMs(this.pinAttempts.get(staff.id), Date.now()) > 0) return 'signin.pinLocked';
      const { verifyStaffPin } = await import('./verify-pin.js');
      const ok = await verifyStaffPin(pin, staff.pinHash);
      this.pinAttempts.set(staff.id, recordAttempt(this.pinAttempts.get(staff.id), ok, Date.now()));
      if (!ok) return lockRemainingMs(this.pinAttempts.get(staff.id), Date.now()) > 0 ? 'signin.pinLocked' : 'signin.pinWrong';
    }
    const session: StaffSession = { staffId: staff.id, code: staff.code, name: staff.name, signedInAt: new Date().toISOString() };
    await setMeta(store, 'session', session);
    app.session = session;
    app.navigate(flows.resumeScreen());
    return null;
  }

  /** Signs the staff member out (the flows' states stay for the next one). */
  async signOut(): Promise<void> {
    await deleteMeta(this.parts.store, 'session');
    this.parts.app.session = null;
    this.parts.app.navigate('signIn');
  }

  /** "Wipe this device": the same wipe as a revocation, on a supervisor's tap. */
  async wipeDevice(): Promise<void> {
    this.parts.scheduler.stop();
    await this.wipe();
  }

  /**
   * The server answered 401: the device was revoked. Wipe the customer data and the credential at
   * once and go back to enrolment. Unsent and refused events are kept (no customer data in them; they
   * belong to the warehouse): the enrol screen shows how many, and they are sent once the device is
   * enrolled again (the server answers "duplicate" for any it already has).
   */
  async revoked(): Promise<void> {
    this.parts.app.notices.add('revoked');
    await this.wipe();
  }

  private async wipe(): Promise<void> {
    const { app, store, flows } = this.parts;
    app.forgetDevice();
    clearEnrolledMark();
    try {
      await wipeCustomerData(store);
    } catch {
      // A closed connection (versionchange): the banner asks for a reload, which boots into enrolment
      // because the credential is gone from memory; the wipe is retried by the next 401.
    }
    flows.reset();
    app.navigate('enrol');
    await this.parts.refreshCounts();
  }
}
