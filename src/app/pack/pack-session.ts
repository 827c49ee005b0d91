/**
 * The pack screen's engine: applies each action to the in-memory state at once (feedback in the
 * same frame), then commits the new state and its events in ONE strict IndexedDB transaction.
 * Actions that arrive while a commit is in flight wait in a queue and are applied in order after
 * it, each exactly once. If a commit aborts (disk full …), the state goes back to the last
 * committed one, queued actions are dropped with a blocking error, and nothing shows "saved".
 */
import type { Parcel } from '../../shared/domain/parcel.js';
import type { Feedback } from '../../shared/flows/feedback.js';
import { applyPackAction, type PackAction, type PackContext, type PackState } from '../../shared/flows/pack.js';
import type { LocalStore } from '../store/db.js';
import type { OutboxEntry } from '../store/schema.js';

/** The sound of a storage failure (the words are on the blocking overlay, not in a flow message). */
const STORAGE_ERROR_FEEDBACK: Feedback = { tone: 'error', message: { key: 'pack.complete.notReady' } };

/**
 * A User Timing mark set when a pack commit's strict transaction has completed: the benchmark
 * (test/bench) observes it to measure scan → durable commit. Cheap, and harmless in production.
 */
export const PACK_COMMIT_MARK = 'floorpack:pack-commit';

/** Whether the latest change is on disk. */
export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** A storage failure the worker must acknowledge. */
export interface StorageFailure {
  reason: string;
  /** Actions dropped because they queued behind the failed write. */
  dropped: number;
}

/** Who is packing on which device (for the envelope and the local "packed by"). */
export interface PackIdentity {
  staffId: string;
  staffName: string;
  deviceName: string;
}

/** What the session needs from the app. */
export interface PackSessionDeps {
  store: Pick<LocalStore, 'commitPack'>;
  /** The lookups for the flow: in-memory catalogue index and parcel map (no IDB reads on the scan path). */
  context: (now: string) => PackContext;
  identity: () => PackIdentity | null;
  /** Called synchronously with each action's feedback (sound, vibration). */
  onFeedback: (feedback: Feedback) => void;
  /** Called after a commit with the parcels it changed and the events it recorded. */
  onCommitted: (parcels: Parcel[], entries: OutboxEntry[]) => void;
  /** Called whenever anything on screen may have changed. */
  onChange: () => void;
  now?: () => string;
  newId?: () => string;
}

/** One pack session per device; survives screen changes. */
export class PackSession {
  /** What the screen shows (includes the action being written). */
  state: PackState;
  /** What is on disk. */
  committed: PackState;
  saveState: SaveState = 'idle';
  /** The latest feedback and a counter that changes with every action (to restart flashes). */
  feedback: (Feedback & { seq: number }) | null = null;
  failure: StorageFailure | null = null;
  private queue: PackAction[] = [];
  private writing = false;
  private seq = 0;

  constructor(
    initial: PackState,
    private readonly deps: PackSessionDeps,
  ) {
    this.state = initial;
    this.committed = initial;
  }

  /** True while a commit is in flight or queued actions wait. */
  get busy(): boolean {
    return this.writing || this.queue.length > 0;
  }

  /** Applies one action now, or after the commit in flight. Never applies an action twice. */
  dispatch(action: PackAction): void {
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
    this.deps.onChange();
  }

  /** Clears the feedback (a tap on the red screen). */
  clearFeedback(): void {
    this.feedback = null;
    this.deps.onChange();
  }

  /** Replaces the state from outside (after a reload of the store); only when idle. */
  reset(state: PackState): void {
    if (this.busy) return;
    this.state = state;
    this.committed = state;
    this.deps.onChange();
  }

  private process(action: PackAction): void {
    const now = this.deps.now?.() ?? new Date().toISOString();
    const result = applyPackAction(this.state, action, this.deps.context(now));
    this.state = result.next;
    this.emit(result.feedback, true);
    if (!result.changed) {
      this.deps.onChange();
      return;
    }
    const identity = this.deps.identity();
    const parcels: Parcel[] = [];
    if (result.events.length > 0) {
      for (const event of result.events) {
        if (event.type !== 'parcel.packed') continue;
        const parcel = this.deps.context(now).findParcel(event.payload.shipmentId);
        if (parcel) {
          parcels.push({
            ...parcel,
            status: 'packed',
            packedBy: { staffName: identity?.staffName ?? '', deviceName: identity?.deviceName ?? '', at: now },
          });
        }
      }
    }
    this.writing = true;
    this.saveState = 'saving';
    this.deps.onChange();
    const next = result.next;
    this.deps.store
      .commitPack({
        next,
        events: result.events,
        staffId: identity?.staffId ?? 'unknown',
        at: now,
        newId: this.deps.newId ?? (() => crypto.randomUUID()),
        parcels,
      })
      .then(
        (entries) => {
          // Observers still get the mark; clearing it keeps a whole shift's scans out of the timeline buffer.
          performance.mark(PACK_COMMIT_MARK);
          performance.clearMarks(PACK_COMMIT_MARK);
          this.writing = false;
          this.committed = next;
          this.saveState = 'saved';
          this.deps.onCommitted(parcels, entries);
          this.deps.onChange();
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
          this.deps.onChange();
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
    this.deps.onFeedback(feedback);
  }
}

function describeError(error: unknown): string {
  if (error instanceof DOMException || error instanceof Error) return error.name === 'Error' ? error.message : error.name;
  return String(error);
}
