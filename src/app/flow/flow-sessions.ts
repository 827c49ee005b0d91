/**
 * The flow screens and their sessions: one lazy registry maps each screen to its flow entry (the flow,
 * its lookups, what it needs before its first action). The pack flow is in the main bundle and its
 * session exists from the start; the pick, return and load flows load with their screens (precached chunks,
 * so offline too) and their sessions are built once, over the state restored at start.
 */
import { INITIAL_PACK_STATE } from '../../shared/flows/pack-state.js';
import { INITIAL_PICK_STATE } from '../../shared/flows/pick-state.js';
import { INITIAL_RETURN_STATE } from '../../shared/flows/return-state.js';
import { INITIAL_LOAD_STATE, type LoadState } from '../../shared/flows/load-state.js';
import { packFlow, type PackAction, type PackContext } from '../../shared/flows/pack.js';
import type { PackState } from '../../shared/flows/pack-state.js';
import type { PickState } from '../../shared/flows/pick-state.js';
import type { ReturnState } from '../../shared/flows/return-state.js';
import { labelOwner } from '../../shared/flows/pack-label.js';
import type { AppState } from '../app-state.js';
import type { LocalStore } from '../store/local-store.js';
import type { SyncScheduler } from '../sync/scheduler.js';
import { PACK_COMMIT_MARK } from './commit-mark.js';
import type { FlowEntry } from './flow-entry.js';
import { FlowSession, type FlowIdentity } from './flow-session.js';

/** Packing: in the main bundle, so a device packs without loading anything. */
const packEntry: FlowEntry<PackState, PackAction, PackContext> = {
  flow: packFlow,
  // A label scan (only then) looks through the parcels for another one that owns the label.
  context: (app, now) => ({ index: app.index, findParcel: (id) => app.parcels.get(id), now, labelOwner: (n) => labelOwner(app.parcels.values(), n) }),
  commitMark: PACK_COMMIT_MARK,
};

/** The registry: each flow screen and how to load its entry. */
const FLOWS = {
  pack: async () => packEntry,
  pick: async () => (await import('../pick/pick-entry.js')).pickEntry,
  returns: async () => (await import('../returns/returns-entry.js')).returnsEntry,
  load: async () => (await import('../load/load-entry.js')).loadEntry,
};

/** The screens that run a flow. */
export type FlowScreen = keyof typeof FLOWS;

/** The session type of a flow screen. */
export type SessionOf<K extends FlowScreen> = Awaited<ReturnType<(typeof FLOWS)[K]>> extends FlowEntry<infer S, infer A, infer C> ? FlowSession<S, A, C> : never;

/** What every flow session is built with. */
export interface FlowSessionsParts {
  store: LocalStore;
  app: AppState;
  scheduler: Pick<SyncScheduler, 'request'>;
  /** Makes event ids (crypto.randomUUID unless a test gives its own). */
  newId?: () => string;
  now?: () => string;
  /** Settles once the records restored at start have passed their checks; actions wait for it (flow-session.ts). */
  ready?: Promise<void>;
}

/** Every flow's state as restored at start. */
export interface RestedStates {
  packState: PackState;
  pickState: PickState;
  returnState: ReturnState;
  loadState: LoadState;
}

/** The device's flow sessions: pack at once, the others on first use. */
export class FlowSessions {
  /** Packing starts without loading anything. */
  pack: SessionOf<'pack'>;
  // Typed per screen by get() and load(); the registry keeps each screen's own session under its key.
  private sessions: Partial<Record<FlowScreen, unknown>> = {};
  private loads: Partial<Record<FlowScreen, Promise<unknown>>> = {};
  private rested: RestedStates;

  constructor(
    private readonly parts: FlowSessionsParts,
    rested: RestedStates = { packState: INITIAL_PACK_STATE, pickState: INITIAL_PICK_STATE, returnState: INITIAL_RETURN_STATE, loadState: INITIAL_LOAD_STATE },
  ) {
    this.rested = rested;
    this.pack = this.build(packEntry, rested.packState);
    this.sessions.pack = this.pack;
  }

  /** A screen's session once loaded, else null (its screen shows "loading" until load() resolves). */
  get<K extends FlowScreen>(screen: K): SessionOf<K> | null {
    return (this.sessions[screen] as SessionOf<K> | undefined) ?? null;
  }

  /** Loads a screen's flow (a precached chunk) and builds its session over the restored state, once. */
  load<K extends FlowScreen>(screen: K): Promise<SessionOf<K>> {
    const loading = (this.loads[screen] as Promise<SessionOf<K>> | undefined) ?? this.startLoad(screen);
    this.loads[screen] = loading;
    return loading;
  }

  /** The pick state, loaded or not (the home screen's "resume" line, and the screen to open at start). */
  get pickState(): PickState {
    return this.get('pick')?.state ?? this.rested.pickState;
  }

  /** The return state, loaded or not (the home screen's "resume" line). */
  get returnState(): ReturnState {
    return this.get('returns')?.state ?? this.rested.returnState;
  }

  /** The loading state, loaded or not (the home screen's "resume" line). */
  get loadState(): LoadState {
    return this.get('load')?.state ?? this.rested.loadState;
  }

  /** The screen a signed-in worker comes back to: the parcel or the batch in hand, else home. */
  resumeScreen(): 'pack' | 'pick' | 'home' {
    if (this.pack.state.step === 'verifying') return 'pack';
    return this.pickState.step === 'picking' ? 'pick' : 'home';
  }

  /** Fresh sessions at rest (after a wipe: the states named customers and parcels). */
  reset(): void {
    this.rested = { packState: INITIAL_PACK_STATE, pickState: INITIAL_PICK_STATE, returnState: INITIAL_RETURN_STATE, loadState: INITIAL_LOAD_STATE };
    this.sessions = {};
    this.loads = {};
    this.pack = this.build(packEntry, INITIAL_PACK_STATE);
    this.sessions.pack = this.pack;
  }

  private async startLoad<K extends FlowScreen>(screen: K): Promise<SessionOf<K>> {
    try {
      const entry = (await FLOWS[screen]()) as FlowEntry<unknown, unknown, unknown>;
      await entry.prepare?.(this.parts.store, this.parts.app);
      const existing = this.get(screen);
      if (existing) return existing;
      const session = this.build(entry, this.rested[entry.flow.stateKey]) as SessionOf<K>;
      this.sessions[screen] = session;
      return session;
    } catch (error) {
      delete this.loads[screen]; // let the next attempt try again
      throw error;
    }
  }

  private build<S, A, C>(entry: FlowEntry<S, A, C>, initial: S): FlowSession<S, A, C> {
    const { app } = this.parts;
    return new FlowSession(entry.flow, initial, {
      store: this.parts.store,
      app,
      scheduler: this.parts.scheduler,
      context: (now) => entry.context(app, now),
      identity: () => identityOf(app),
      now: this.parts.now,
      newId: this.parts.newId,
      commitMark: entry.commitMark,
      ready: this.parts.ready,
    });
  }
}

/** Who is signed in on which device, or null before a sign-in. */
function identityOf(app: AppState): FlowIdentity | null {
  return app.session ? { staffId: app.session.staffId, staffName: app.session.name, deviceName: app.credential?.deviceName ?? '' } : null;
}
