/**
 * The engine of every flow screen (pack, returns): applies each action to the in-memory state at once
 * (feedback in the same frame), then commits the new state and its events in ONE strict IndexedDB
 * transaction (LocalStore.commitFlow). Actions that arrive while a commit is in flight wait in a queue
 * and are applied in order after it, each exactly once. If a commit aborts (disk full …), the state
 * goes back to the last committed one, queued actions are dropped with a blocking error, and nothing
 * shows "saved".
 */
import type { Parcel } from '../../shared/domain/parcel.js';
import type { Feedback } from '../../shared/flows/feedback.js';
import type { EventBody } from '../../shared/protocol/events.js';
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

/** Who is working on which device (for the envelope and local "packed by"). */
export interface FlowIdentity {
  staffId: string;
  staffName: string;
  deviceName: string;
}

/** What a flow's state table returns for one action. */
export interface FlowStep<S> {
  next: S;
  events: EventBody[];
  feedback: Feedback;
  changed: boolean;
}

/** One commit as the session hands it to the store. */
export interface FlowSessionCommit<S> {
  next: S;
  events: EventBody[];
  staffId: string;
  at: string;
  newId: () => string;
  parcels: Parcel[];
}

/** What a flow session needs from the app. */
export interface FlowSessionDeps<S, A> {
  /** The flow's state table. */
  apply: (state: S, action: A, now: string) => FlowStep<S>;
  /** Writes one step in one strict transaction (LocalStore.commitFlow with the flow's state key). */
  commit: (commit: FlowSessionCommit<S>) => Promise<OutboxEntry[]>;
  /** Parcels the step changes on this device (e.g. packed), written in the same transaction. */
  localParcels?: (events: EventBody[], now: string, identity: FlowIdentity | null) => Parcel[];
  identity: () => FlowIdentity | null;
  /** Called synchronously with each action's feedback (sound, vibration). */
  onFeedback: (feedback: Feedback) => void;
  /** Called after a commit with the parcels it changed and the events it recorded. */
  onCommitted: (parcels: Parcel[], entries: OutboxEntry[]) => void;
  /** Called whenever anything on screen may have changed. */
  onChange: () => void;
  now?: () => string;
  newId?: () => string;
}

/** One session per flow per device; survives screen changes. */
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
    const result = this.flow.apply(this.state, action, now);
    this.state = result.next;
    this.emit(result.feedback, true);
    if (!result.changed) {
      this.flow.onChange();
      return;
    }
    const identity = this.flow.identity();
    const parcels = result.events.length > 0 ? (this.flow.localParcels?.(result.events, now, identity) ?? []) : [];
    this.writing = true;
    this.saveState = 'saving';
    this.flow.onChange();
    const next = result.next;
    this.flow
      .commit({
        next,
        events: result.events,
        staffId: identity?.staffId ?? 'unknown',
        at: now,
        newId: this.flow.newId ?? (() => crypto.randomUUID()),
        parcels,
      })
      .then(
        (entries) => {
          this.writing = false;
          this.committed = next;
          this.saveState = 'saved';
          this.flow.onCommitted(parcels, entries);
          this.flow.onChange();
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
        },
      );
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
