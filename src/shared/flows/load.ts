/**
 * The loading check (積込検品 / 出荷確定) as a flow (flow.ts): choose the carrier whose truck is at the
 * dock, scan each box's label as it goes on (one `load.scanned` per box), close the handover when the
 * driver leaves (`handover.closed`). A label is matched to its parcel from the device's pulled parcels,
 * so loading works offline; a held parcel, one not packed, one already loaded or one of another carrier
 * is refused before anything is recorded. Pure: the clock and the new handover's id come in the context.
 */
import { CARRIER_IDS, type CarrierId } from '../domain/carrier-ids.js';
import { isLoaded, labelsOf } from '../domain/loading.js';
import type { Parcel } from '../domain/parcel.js';
import { isValidTrackingNumber } from '../domain/tracking-number.js';
import type { EventBody } from '../protocol/events.js';
import { labelDigits } from '../scan/carrier-label.js';
import { move, refuse, type Flow, type FlowStep } from './flow.js';
import { INITIAL_LOAD_STATE, type Handover, type LoadState } from './load-state.js';

/** Everything a loading action may read. */
export interface LoadContext {
  /** The parcel a label belongs to (bound at packing or imported), from the device's pulled parcels. */
  findParcelByLabel(trackingNumber: string): Parcel | undefined;
  /** Labels this device has checked onto a truck before (its recorded, not refused, loading scans). */
  loadedHere: ReadonlySet<string>;
  /** ISO time of the action (the device clock). */
  now: string;
  /** The id a handover started by this action gets. */
  newHandoverId: string;
}

/** What a worker can do on the loading screen. */
export type LoadAction =
  | { type: 'start'; carrierId: CarrierId }
  | { type: 'scan'; text: string }
  | { type: 'close' }
  /** Leaves a handover in which nothing was loaded (no truck came, the wrong carrier was chosen). */
  | { type: 'cancel' };

type LoadStep = FlowStep<LoadState>;

/** The loading check, as the device's flow session runs it. */
export const loadFlow: Flow<LoadState, LoadAction, LoadContext> = {
  stateKey: 'loadState',
  initial: INITIAL_LOAD_STATE,
  prompt: (state) => ({ key: state.step === 'loading' ? 'load.prompt.scan' : 'load.prompt.carrier' }),
  apply: applyLoadAction,
};

/** Applies one loading action: the whole state table. */
function applyLoadAction(state: LoadState, action: LoadAction, ctx: LoadContext): LoadStep {
  if (state.step === 'chooseCarrier') {
    if (action.type === 'start') return start(action.carrierId, ctx);
    return refuse(state, { key: 'load.carrier.first' });
  }
  const handover = state.handover;
  switch (action.type) {
    case 'start':
      return refuse(state, { key: 'load.carrier.inProgress', params: { carrier: handover.carrierId } });
    case 'scan':
      return scanLabel(state, handover, action.text, ctx);
    case 'close':
      return close(handover);
    case 'cancel':
      if (handover.loaded.length > 0) return refuse(state, { key: 'load.cancel.loaded', params: { boxes: handover.loaded.length } });
      return move({ step: 'chooseCarrier', last: null }, 'warning', { key: 'load.cancel.ok' });
  }
}

function start(carrierId: CarrierId, ctx: LoadContext): LoadStep {
  // The carrier comes from a button, but a restored or replayed action is checked like any input.
  if (!CARRIER_IDS.includes(carrierId)) return refuse(INITIAL_LOAD_STATE, { key: 'load.carrier.first' });
  const handover: Handover = { handoverId: ctx.newHandoverId, carrierId, startedAt: ctx.now, loaded: [] };
  return move({ step: 'loading', handover }, 'ok', { key: 'load.carrier.ok', params: { carrier: carrierId } });
}

function scanLabel(state: LoadState, handover: Handover, text: string, ctx: LoadContext): LoadStep {
  const digits = labelDigits(text);
  if (digits === null) return refuse(state, { key: 'load.label.notLabel', params: { code: text.trim().slice(0, 40) } });
  const parcel = ctx.findParcelByLabel(digits);
  if (!parcel) {
    // A number that cannot be this carrier's is most likely a misread or another carrier's label.
    if (!isValidTrackingNumber(handover.carrierId, digits)) return refuse(state, { key: 'load.label.invalid', params: { number: digits, carrier: handover.carrierId } });
    return refuse(state, { key: 'load.label.unknown', params: { number: digits } });
  }
  const ids = { number: digits, shipmentId: parcel.shipmentId };
  if (parcel.status === 'held') return refuse(state, { key: 'load.parcel.held', params: { ...ids, reason: parcel.holdReason ?? '' } });
  const carrier = parcel.shipping?.carrierId ?? null;
  if (carrier !== handover.carrierId) return refuse(state, { key: 'load.parcel.wrongCarrier', params: { ...ids, carrier: carrier ?? '' } });
  if (parcel.status === 'shipped' || handover.loaded.some((b) => b.trackingNumber === digits) || isLoaded(parcel, digits, ctx.loadedHere)) {
    return refuse(state, { key: 'load.label.already', params: ids });
  }
  if (parcel.status !== 'packed') return refuse(state, { key: 'load.parcel.notPacked', params: ids });
  const loaded = [...handover.loaded, { trackingNumber: digits, shipmentId: parcel.shipmentId }];
  const boxes = Math.max(parcel.shipping?.boxCount ?? 1, labelsOf(parcel).length);
  const boxesOfParcel = labelsOf(parcel).filter((n) => n === digits || isLoaded(parcel, n, ctx.loadedHere) || handover.loaded.some((b) => b.trackingNumber === n)).length;
  const event: EventBody = {
    type: 'load.scanned',
    payload: { handoverId: handover.handoverId, carrierId: handover.carrierId, trackingNumber: digits, shipmentId: parcel.shipmentId },
  };
  return {
    next: { step: 'loading', handover: { ...handover, loaded } },
    events: [event],
    changed: true,
    feedback: {
      tone: boxesOfParcel >= boxes ? 'complete' : 'ok',
      message: { key: 'load.label.ok', params: { ...ids, box: boxesOfParcel, boxes, customer: parcel.customerName } },
    },
  };
}

function close(handover: Handover): LoadStep {
  if (handover.loaded.length === 0) return move({ step: 'chooseCarrier', last: null }, 'warning', { key: 'load.cancel.ok' });
  const event: EventBody = {
    type: 'handover.closed',
    payload: { handoverId: handover.handoverId, carrierId: handover.carrierId, startedAt: handover.startedAt, boxesLoaded: handover.loaded.length },
  };
  return {
    next: { step: 'chooseCarrier', last: { carrierId: handover.carrierId, boxesLoaded: handover.loaded.length } },
    events: [event],
    changed: true,
    feedback: { tone: 'complete', message: { key: 'load.close.ok', params: { carrier: handover.carrierId, boxes: handover.loaded.length } } },
  };
}
