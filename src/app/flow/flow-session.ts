/**
 * Runs any flow (src/shared/flows/flow.ts) on the device: applies each action to the in-memory state
 * at once (feedback in the same frame), then commits the new state and its events in ONE strict
 * IndexedDB transaction. Actions that arrive while a commit is in flight wait in a queue and are
 * applied in order after it, each exactly once. If a commit aborts (disk full …), the state goes back
 * to the last committed one, queued actions are dropped with a blocking error, and nothing shows "saved".
 * Built for the frame after a scan (benchmark bench/scan-latency.ts): the write is issued first (its
 * transaction runs in the browser's backend while the page answers), then the sound; a change that
 * only the screen shows goes to the screen's own listeners instead of re-rendering the whole app; and
 * a commit that changed nothing but the save state ("saving" → "saved") tells only the save-state
 * listeners (the saved indicator).
 */
import type { Feedback, Message } from '../../shared/flows/feedback.js';
import type { Flow } from '../../shared/flows/flow.js';
import type { AppState } from '../app-state.js';
import { playFeedback } from '../feedback/feedback.js';
import { requestBackgroundSync } from '../sw-bridge.js';
import { commitFlow } from '../store/flow-commit.js';
import type { LocalStore } from '../store/local-store.js';
import type { SyncScheduler } from '../sync/scheduler.js';

/** Whether the latest change is on disk. */
export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** A storage failure the worker must acknowledge. */
export interface StorageFailure {
  reason: string;
  /** Actions dropped because they queued behind the failed write. */
  dropped: number;
}

/** Who is working on which device (the events' staff, and "packed by" on this device). */
export interface FlowIdentity {
  staffId: string;
  staffName: string;
  deviceName: string;
}

/** What a session is built with (by the flow registry, flow-sessions.ts). */
export interface FlowSessionParts<C> {
  /** Where each step is committed. */
  store: LocalStore;
  /** The app's state: told of each commit, and of each change that matters beyond the flow's screen. */
  app: Pick<AppState, 'takeCommit' | 'changed'>;
  /** Asked for a sync once a step recorded events. */
  scheduler: Pick<SyncScheduler, 'request'>;
  /** The flow's lookups, from what the app holds in memory (nothing is read from IndexedDB on the scan path). */
  context: (now: string) => C;
  identity: () => FlowIdentity | null;
  now?: () => string;
  newId?: () => string;
  /** A User Timing mark set when a commit's strict transaction completes (the benchmark observes it). */
  commitMark?: string;
  /**
   * Settles once the records the app started from have passed their checks (they run just after the
   * first screen is drawn): until then actions wait in the queue, applied in order when it settles.
   */
  ready?: Promise<void>;
}

/** One session per flow and device; survives screen changes. */
export class FlowSession<S, A, C = unknown> {
  /** What the screen shows (includes the action being written). */
  state: S;
  /** What is on disk. */
  committed: S;
  saveState: SaveState = 'idle';
  /** The latest feedback and a counter that changes with every action (to restart flashes). */
  feedback: (Feedback & { seq: number }) | null = null;
  failure: StorageFailure | null = null;
  private queue: A[] = [];
  private writing = false;
  /** True until `parts.ready` settles: actions queue, nothing is applied to records not yet checked. */
  private held = false;
  private seq = 0;
  private saveListeners = new Set<() => void>();
  private screenListeners = new Set<() => void>();

  constructor(
    readonly flow: Flow<S, A, C>,
    initial: S,
    private readonly parts: FlowSessionParts<C>,
  ) {
    this.state = initial;
    this.committed = initial;
    if (parts.ready) {
      this.held = true;
      void parts.ready.then(() => {
        this.held = false;
        this.drain();
      });
    }
  }

  /** True while a commit is in flight or queued actions wait. */
  get busy(): boolean {
    return this.writing || this.held || this.queue.length > 0;
  }

  /** What the worker is asked to do now. */
  prompt(): Message {
    return this.flow.prompt(this.state, this.parts.context(''));
  }

  /** Applies one action now, or after the commit in flight. Never applies an action twice. */
  dispatch(action: A): void {
    if (this.failure) {
      // The worker has not acknowledged the storage error yet: record nothing behind their back.
      this.buzz();
      return;
    }
    if (this.writing || this.held) {
      this.queue.push(action);
      return;
    }
    this.process(action);
  }

  /** Subscribes the flow's screen to every change of what it shows except "saved"; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.screenListeners.add(listener);
    return () => this.screenListeners.delete(listener);
  }

  /** Subscribes to changes of `saveState` (also those that come without an app change); returns the unsubscribe. */
  onSaveState(listener: () => void): () => void {
    this.saveListeners.add(listener);
    return () => this.saveListeners.delete(listener);
  }

  /** The worker acknowledged the storage error. */
  dismissFailure(): void {
    this.failure = null;
    this.parts.app.changed();
  }

  /** Clears the feedback (a tap on the red screen). */
  clearFeedback(): void {
    this.feedback = null;
    this.parts.app.changed();
  }

  private process(action: A): void {
    const now = this.parts.now?.() ?? new Date().toISOString();
    const previous = this.state;
    const ctx = this.parts.context(now);
    const step = this.flow.apply(previous, action, ctx);
    const next = step.next;
    this.state = next;
    if (!step.changed) {
      this.answer(step.feedback);
      this.changed(previous, next);
      return;
    }
    const identity = this.parts.identity();
    const by = { staffName: identity?.staffName ?? '', deviceName: identity?.deviceName ?? '', at: now };
    const parcels = step.events.length > 0 ? (this.flow.localParcels?.(step.events, previous, ctx, by) ?? []) : [];
    this.writing = true;
    this.saveState = 'saving';
    const written = commitFlow(this.parts.store, this.flow.stateKey, {
      next,
      events: step.events,
      staffId: identity?.staffId ?? 'unknown',
      at: now,
      newId: this.parts.newId ?? (() => crypto.randomUUID()),
      parcels,
    });
    this.answer(step.feedback);
    this.changed(previous, next);
    written.then(
      (entries) => {
        this.writing = false;
        this.committed = next;
        this.saveState = 'saved';
        if (this.parts.commitMark) {
          performance.mark(this.parts.commitMark);
          // Cleared at once so marks don't pile up over a shift.
          performance.clearMarks(this.parts.commitMark);
        }
        this.parts.app.takeCommit(parcels, entries);
        if (entries.length > 0) {
          this.parts.scheduler.request('event');
          // Offline: ask Chrome to wake us when the network is back (the outbox stays the record).
          if (typeof navigator !== 'undefined' && !navigator.onLine) void requestBackgroundSync();
        }
        // Parcels or events change what other views show (status bar, lists); a bare state write
        // changes only the saved indicator.
        if (parcels.length > 0 || entries.length > 0) this.parts.app.changed();
        this.notifySaveState();
        this.drain();
      },
      (error: unknown) => {
        this.writing = false;
        this.state = this.committed;
        this.saveState = 'error';
        const dropped = this.queue.length;
        this.queue = [];
        this.failure = { reason: describeError(error), dropped };
        // The blocking storage overlay (its words are there) replaces the unsaved feedback; the buzz still sounds.
        this.feedback = null;
        this.buzz();
        this.parts.app.changed();
        this.notifySaveState();
      },
    );
  }

  /**
   * Only a change of step (a slip scanned, a batch claimed, a parcel completed) matters beyond the
   * flow's screen (the status bar, the update bar that waits while a parcel is open); an item scan
   * re-renders the screen alone. The screen renders in the next microtask either way.
   */
  private changed(previous: S, next: S): void {
    if (stepOf(previous) !== stepOf(next)) this.parts.app.changed();
    for (const listener of this.screenListeners) listener();
  }

  private notifySaveState(): void {
    for (const listener of this.saveListeners) listener();
  }

  /** Applies the queued actions in order until one starts a commit (the rest wait for it). */
  private drain(): void {
    while (!this.writing && !this.held && !this.failure && this.queue.length > 0) this.process(this.queue.shift() as A);
  }

  /** Shows an action's feedback (a new seq restarts the flash) and plays its tone. */
  private answer(feedback: Feedback): void {
    this.seq += 1;
    this.feedback = { ...feedback, seq: this.seq };
    playFeedback(feedback.tone);
  }

  /** The error sound of a storage failure: its words are on the blocking dialog, not in the feedback. */
  private buzz(): void {
    this.seq += 1;
    playFeedback('error');
  }
}

/** The step of a flow state (every flow's state is a union tagged by `step`). */
function stepOf(state: unknown): unknown {
  return (state as { step?: unknown } | null)?.step;
}

function describeError(error: unknown): string {
  if (error instanceof DOMException || error instanceof Error) return error.name === 'Error' ? error.message : error.name;
  return String(error);
}
