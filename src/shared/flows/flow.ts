/**
 * The one shape of every scan-driven flow (pack, pick, return, load): a descriptor holding where its state is
 * kept, its state at rest, the prompt of a state and the state table itself. `apply` is pure: the
 * clock, ids and lookups come in through the context, and what it decides comes back as one step —
 * the next state, the events to record with it in the same device transaction, and the feedback to
 * give at once. The device's flow session (src/app/flow/flow-session.ts) runs any of them.
 */
import type { PackedBy, Parcel } from '../domain/parcel.js';
import type { EventBody } from '../protocol/events.js';
import type { Feedback, Message, Tone } from './feedback.js';

/** Where a flow's state is kept on the device. Persisted on every device: never rename. */
export type FlowStateKey = 'packState' | 'pickState' | 'returnState' | 'loadState';

/** What one action decided. When `changed` is false nothing is written (a refusal records nothing). */
export interface FlowStep<S> {
  next: S;
  events: EventBody[];
  feedback: Feedback;
  changed: boolean;
}

/** A flow: its persisted state key, its state at rest, the prompt of a state, and its state table. */
export interface Flow<S, A, C> {
  stateKey: FlowStateKey;
  initial: S;
  /** What the worker is asked to do next in `state` (the line under the scan field). */
  prompt(state: S, ctx: C): Message;
  /** Applies one action: the whole state table. */
  apply(state: S, action: A, ctx: C): FlowStep<S>;
  /**
   * The parcels a step's events change on this device (packed, picked, held), written in the same
   * transaction as the step. `before` is the state the action was applied to; `by` who did it, when.
   */
  localParcels?(events: EventBody[], before: S, ctx: C, by: PackedBy): Parcel[];
}

/** A step to `next` that records no event. */
export function move<S>(next: S, tone: Tone, message: Message): FlowStep<S> {
  return { next, events: [], changed: true, feedback: { tone, message } };
}

/** A step that keeps `state`, records nothing and says why (an error tone: refused). */
export function refuse<S>(state: S, message: Message): FlowStep<S> {
  return { next: state, events: [], changed: false, feedback: { tone: 'error', message } };
}

/** A step that keeps `state` and records nothing, with a tone other than a refusal (nothing wrong, but look). */
export function stay<S>(state: S, tone: Tone, message: Message): FlowStep<S> {
  return { next: state, events: [], changed: false, feedback: { tone, message } };
}
