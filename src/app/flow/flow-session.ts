/**
 * The engine of a scan-driven screen (pack, pick): applies each action to the in-memory state at
 * once (feedback in the same frame), then commits the new state and its events in ONE strict
 * IndexedDB transaction. Actions that arrive while a commit is in flight wait in a queue and are
 * applied in order after it, each exactly once. If a commit aborts (disk full …), the state goes back
 * to the last committed one, queued actions are dropped with a blocking error, and nothing shows "saved".
 * Built for the frame after a scan (benchmark test/bench/scan-latency.ts): the write is issued first
 * (its transaction runs in the browser's backend while the page answers), then the sound; a change
 * that only the screen shows goes to the screen's own listeners instead of re-rendering the whole app;
 * and a commit that changed nothing but the save state ("saving" → "saved") tells only the save-state
 * listeners (the saved indicator).
 */
import type { Parcel } from '../../shared/domain/parcel.js';
import type { Feedback } from '../../shared/flows/feedback.js';
import type { EventBody } from '../../shared/protocol/events.js';
import type { FlowCommit } from '../store/flow-commit.js';
import type { OutboxEntry } from '../store/schema.js';

/** The sound of a storage failure (the words are on the blocking overlay, not in a flow message). */
const STORAGE_ERROR_FEEDBACK: Feedback = { tone: 'error', message: { key: 'pack.complete.notReady' } };

/** Whether the latest change is on disk. */
export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** A storage failure the worker must acknowledge. */
export interface StorageFailure {
  reason: string;
  /** Actions dropped because they queued behind the failed write. */
  dropped: number;
}

/** Who is working on which device (for the envelope and the local "packed by"). */
export interface FlowIdentity {
  staffId: string;
  staffName: string;
  deviceName: string;
}

/** What one action decided (the shape every shared flow returns). */
export interface FlowStep<S> {
  next: S;
  events: EventBody[];
  feedback: Feedback;
  changed: boolean;
}

/** What a flow session needs from the app. */
export interface FlowSessionDeps<S, A> {
  /** The shared flow's state table. */
  apply(state: S, action: A, now: string): FlowStep<S>;
  /** The parcels an action changes on this device (e.g. packed, picked, held), written in the same commit. */
  localParcels?(events: EventBody[], now: string, identity: FlowIdentity | null): Parcel[];
  commit(commit: FlowCommit<S>): Promise<OutboxEntry[]>;
  identity: () => FlowIdentity | null;
  /** Called synchronously with each action's feedback (sound, vibration). */
  onFeedback: (feedback: Feedback) => void;
  /** Called after a commit with the parcels it changed and the events it recorded. */
  onCommitted: (parcels: Parcel[], entries: OutboxEntry[]) => void;
  /** Called whenever anything on screen may have changed. */
  onChange: () => void;
  now?: () => string;
  newId?: () => string;
  /** A User Timing mark set when a commit's strict transaction completes (the benchmark observes it). */
  commitMark?: string;
  /**
   * Whether a change from `previous` to `next` matters beyond the flow's own screen (onChange, the
   * whole app re-renders) or only to it (the screen's listeners). Without it every change is app-wide.
   */
  isAppChange?(previous: S, next: S): boolean;
}

/** One session per screen and device; survives screen changes. */
export class FlowSession<S, A> {
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
  private seq = 0;
  private saveListeners = new Set<() => void>();
  private screenListeners = new Set<() => void>();

  constructor(
    initial: S,
    private readonly flow: FlowSessionDeps<S, A>,
  ) {
    this.state = initial;
    this.committed = initial;
  }

  /** True while a commit is in flight or queued actions wait. */
  get busy(): boolean {
    return this.writing || this.queue.length > 0;
  }

  /** Applies one action now, or after the commit in flight. Never applies an action twice. */
  dispatch(action: A): void {
    if (this.failure) {
      // The worker has not acknowledged the storage error yet: record nothing behind their back.
      this.emit(STORAGE_ERROR_FEEDBACK, false);
      return;
    }
    if (this.writing) {
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

  /** Subscribes to changes of `saveState` (also those that come without onChange); returns the unsubscribe. */
  onSaveState(listener: () => void): () => void {
    this.saveListeners.add(listener);
    return () => this.saveListeners.delete(listener);
  }

  /** The worker acknowledged the storage error. */
  dismissFailure(): void {
    this.failure = null;
    this.flow.onChange();
  }

  /** Clears the feedback (a tap on the red screen). */
  clearFeedback(): void {
    this.feedback = null;
    this.flow.onChange();
  }

  /** Replaces the state from outside (after a reload of the store); only when idle. */
  reset(state: S): void {
    if (this.busy) return;
    this.state = state;
    this.committed = state;
    this.flow.onChange();
  }

  private process(action: A): void {
    const now = this.flow.now?.() ?? new Date().toISOString();
    const previous = this.state;
    const result = this.flow.apply(previous, action, now);
    const next = result.next;
    this.state = next;
    if (!result.changed) {
      this.emit(result.feedback, true);
      this.changed(previous, next);
      return;
    }
    const identity = this.flow.identity();
    const parcels = result.events.length > 0 ? (this.flow.localParcels?.(result.events, now, identity) ?? []) : [];
    this.writing = true;
    this.saveState = 'saving';
    const written = this.flow.commit({
      next,
      events: result.events,
      staffId: identity?.staffId ?? 'unknown',
      at: now,
      newId: this.flow.newId ?? (() => crypto.randomUUID()),
      parcels,
    });
    this.emit(result.feedback, true);
    this.changed(previous, next);
    written
      .then(
        (entries) => {
          this.writing = false;
          this.committed = next;
          this.saveState = 'saved';
          if (this.flow.commitMark) {
            performance.mark(this.flow.commitMark);
            // Cleared at once so marks don't pile up over a shift.
            performance.clearMarks(this.flow.commitMark);
          }
          this.flow.onCommitted(parcels, entries);
          // Parcels or events change what other views show (status bar, lists); a bare state write
          // changes only the saved indicator.
          if (parcels.length > 0 || entries.length > 0) this.flow.onChange();
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
          // The blocking storage overlay replaces the (unsaved) feedback; the buzz still sounds.
          this.feedback = null;
          this.emit(STORAGE_ERROR_FEEDBACK, false);
          this.flow.onChange();
          this.notifySaveState();
        },
      );
  }

  /** Tells the app (a change beyond the screen) or only the screen; the screen renders in the next microtask either way. */
  private changed(previous: S, next: S): void {
    if (this.flow.isAppChange?.(previous, next) ?? true) this.flow.onChange();
    for (const listener of this.screenListeners) listener();
  }

  private notifySaveState(): void {
    for (const listener of this.saveListeners) listener();
  }

  private drain(): void {
    const action = this.queue.shift();
    if (action) this.process(action);
  }

  private emit(feedback: Feedback, replace: boolean): void {
    this.seq += 1;
    if (replace) this.feedback = { ...feedback, seq: this.seq };
    this.flow.onFeedback(feedback);
  }
}

function describeError(error: unknown): string {
  if (error instanceof DOMException || error instanceof Error) return error.name === 'Error' ? error.message : error.name;
  return String(error);
}
