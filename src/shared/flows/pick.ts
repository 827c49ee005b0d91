/**
 * Picking (ピッキング) as a flow (flow.ts). A picker claims a batch, walks the stops in route order,
 * optionally scans each location label, confirms every unit by scan (or scans once and keys the
 * rest), and reports a shortage as the quantity found; the last stop completes the batch.
 * Pure: the clock, ids and lookups come in through the context. Persisted state: never rename fields.
 */
import type { CatalogueIndex } from '../domain/catalogue-index.js';
import type { Parcel } from '../domain/parcel.js';
import { afterBatchCompleted, afterShortPick, type PickStatusChange } from '../picking/pick-transitions.js';
import type { EventBody } from '../protocol/events.js';
import type { BatchHolder, PickBatch } from '../protocol/pick.js';
import { classifyScan, DEFAULT_SCAN_PATTERNS, itemLookupKeys, scannedCode, type ScanPatterns } from '../scan/classify-scan.js';
import type { LocationFormat } from '../picking/location.js';
import { buildPickList, type PickStop } from '../picking/pick-list.js';
import type { PickSettings } from '../picking/pick-settings.js';
import { allocateShortage } from '../picking/shortage.js';
import type { Message, Tone } from './feedback.js';
import { move, refuse, stay, type Flow, type FlowStep } from './flow.js';
import { INITIAL_PICK_STATE, type PickProgress, type PickState, type PickStopResult } from './pick-state.js';

/** Everything a pick action may read. */
export interface PickContext {
  index: CatalogueIndex;
  findParcel(shipmentId: string): Parcel | undefined;
  findBatch(batchId: string): PickBatch | undefined;
  /** This device (a batch claimed by it is not "taken"). */
  deviceId: string;
  settings: PickSettings;
  format: LocationFormat;
  /** ISO time of the action (the device clock). */
  now: string;
  patterns?: ScanPatterns;
}

/** What a picker can do (and what sync can do to the batch). */
export type PickAction =
  | { type: 'claim'; batchId: string }
  | { type: 'scan'; text: string }
  /** The keypad: the total units taken at the current stop (after at least one scan). */
  | { type: 'setQty'; qty: number }
  /** 欠品: the units actually found at the current stop. */
  | { type: 'short'; found: number }
  /** The server says the batch is not ours (claimed by another device first, released, rebuilt). */
  | { type: 'drop'; holder: BatchHolder | null };

type PickStep = FlowStep<PickState>;

/** Picking, as the device's flow session runs it. */
export const pickFlow: Flow<PickState, PickAction, PickContext> = {
  stateKey: 'pickState',
  initial: INITIAL_PICK_STATE,
  prompt: pickPrompt,
  apply: applyPickAction,
  localParcels: pickedParcels,
};

/** A stop with what is still needed there. */
export interface StopView extends PickStop {
  /** Units needed: the parcels' units minus those of parcels already short (or the units taken, once done). */
  required: number;
  /** Units confirmed so far. */
  picked: number;
  status: 'done' | 'short' | 'skipped' | 'open';
  locationOk: boolean;
}

/** The pick list of the batch in hand with each stop's progress, in route order. */
export function viewStops(progress: PickProgress, ctx: Pick<PickContext, 'index' | 'findParcel' | 'format' | 'settings'>): StopView[] {
  const stops = buildPickList({ shipmentIds: progress.shipmentIds, findParcel: ctx.findParcel }, ctx.index, ctx.format, ctx.settings.topRankSortOrder);
  const short = new Set(progress.shortShipmentIds);
  return stops.map((stop) => {
    const done = progress.done[stop.productCode];
    const locationOk = progress.locationOk.includes(stop.productCode);
    if (done) return { ...stop, required: done.picked, picked: done.picked, status: done.short ? 'short' : 'done', locationOk };
    // Units for a parcel that is already short elsewhere are not picked: it will be held anyway.
    const required = stop.split.filter((s) => !short.has(s.shipmentId)).reduce((sum, s) => sum + s.qty, 0);
    return { ...stop, required, picked: progress.counts[stop.productCode] ?? 0, status: required === 0 ? 'skipped' : 'open', locationOk };
  });
}

/** The stop the picker is at: the first open one in route order, or null when the batch is finished. */
export function currentStop(stops: StopView[]): StopView | null {
  return stops.find((s) => s.status === 'open') ?? null;
}

/** Units confirmed and units in the batch (progress bar). */
export function pickTotals(stops: StopView[]): { picked: number; total: number } {
  return stops.reduce((acc, s) => ({ picked: acc.picked + s.picked, total: acc.total + s.required }), { picked: 0, total: 0 });
}

/** What the picker is asked for: a batch, the location label (when required and not scanned yet), or the item. */
function pickPrompt(state: PickState, ctx: PickContext): Message {
  if (state.step !== 'picking') return { key: 'pick.prompt.claim' };
  const stop = currentStop(viewStops(state.progress, ctx));
  return { key: ctx.settings.locationScan === 'required' && stop && !stop.locationOk ? 'pick.prompt.location' : 'pick.prompt.item' };
}

/** Applies one pick action: the whole state table. */
function applyPickAction(state: PickState, action: PickAction, ctx: PickContext): PickStep {
  if (state.step === 'idle') {
    if (action.type === 'claim') return claim(state, action.batchId, ctx);
    if (action.type === 'drop') return stay(state, 'warning', { key: 'pick.noBatch' });
    return refuse(state, { key: 'pick.noBatch' });
  }
  const progress = state.progress;
  if (action.type === 'claim') return refuse(state, { key: 'pick.batch.busy', params: { batchId: progress.batchId } });
  if (action.type === 'drop') {
    return move({ step: 'idle', last: { batchId: progress.batchId, outcome: 'lost', holder: action.holder } }, 'error', {
      key: 'pick.batch.lost',
      params: { staff: action.holder?.staffName ?? '', device: action.holder?.deviceName ?? '' },
    });
  }
  const stops = viewStops(progress, ctx);
  const stop = currentStop(stops);
  // A batch whose every stop is finished completes at once; this only happens to a state saved mid-way.
  if (!stop) return finishBatch(progress, [], ctx, 'complete', { key: 'pick.batch.done', params: { batchId: progress.batchId } });
  switch (action.type) {
    case 'scan':
      return scan(state, progress, stop, action.text, ctx);
    case 'setQty':
      return setQty(state, progress, stop, action.qty, ctx);
    case 'short':
      return reportShort(state, progress, stop, action.found, ctx);
  }
}

function claim(state: PickState, batchId: string, ctx: PickContext): PickStep {
  const batch = ctx.findBatch(batchId);
  if (!batch || batch.status === 'completed' || batch.status === 'dissolved') return refuse(state, { key: 'pick.batch.gone', params: { batchId } });
  if (batch.claimedBy && batch.claimedBy.deviceId !== ctx.deviceId) {
    return refuse(state, { key: 'pick.batch.taken', params: { batchId, staff: batch.claimedBy.staffName, device: batch.claimedBy.deviceName } });
  }
  const missing = batch.shipmentIds.find((id) => !ctx.findParcel(id));
  if (missing) return refuse(state, { key: 'pick.batch.notSynced', params: { shipmentId: missing } });
  const progress: PickProgress = {
    batchId,
    shipmentIds: [...batch.shipmentIds],
    claimedAt: ctx.now,
    counts: {},
    locationOk: [],
    done: {},
    shortShipmentIds: [],
  };
  const totals = pickTotals(viewStops(progress, ctx));
  return {
    next: { step: 'picking', progress },
    events: [{ type: 'batch.claimed', payload: { batchId, shipmentIds: progress.shipmentIds } }],
    changed: true,
    feedback: { tone: 'ok', message: { key: 'pick.batch.claimed', params: { batchId, parcels: batch.shipmentIds.length, units: totals.total } } },
  };
}

function scan(state: PickState, progress: PickProgress, stop: StopView, text: string, ctx: PickContext): PickStep {
  const scanned = classifyScan(text, ctx.patterns ?? DEFAULT_SCAN_PATTERNS);
  if (scanned.kind === 'misread') return refuse(state, { key: 'scan.misread' });
  if (scanned.kind === 'slip' || scanned.kind === 'staff' || scanned.kind === 'insert') return refuse(state, { key: 'pick.scan.notItem' });
  const code = scannedCode(scanned);
  const product = itemLookupKeys(scanned)
    .map((key) => ctx.index.productByBarcode.get(key))
    .find((p) => p !== undefined);
  if (!product) {
    const location = ctx.settings.locationScan === 'off' ? null : ctx.format.parse(code);
    if (location) {
      if (!sameLocation(code, stop, ctx)) return refuse(state, { key: 'pick.location.wrong', params: { scanned: code, expected: stop.location } });
      if (progress.locationOk.includes(stop.productCode)) return stay(state, 'ok', { key: 'pick.location.ok', params: { location: stop.location } });
      return move({ step: 'picking', progress: { ...progress, locationOk: [...progress.locationOk, stop.productCode] } }, 'ok', {
        key: 'pick.location.ok',
        params: { location: stop.location },
      });
    }
    return refuse(state, { key: 'pick.item.unknown', params: { code } });
  }
  if (ctx.settings.locationScan === 'required' && !stop.locationOk) return refuse(state, { key: 'pick.location.first', params: { location: stop.location } });
  if (product.code !== stop.productCode) {
    return refuse(state, { key: 'pick.item.wrong', params: { name: product.name, expected: stop.name ?? stop.productCode, location: stop.location } });
  }
  return takeUnits(progress, stop, stop.picked + 1, ctx);
}

function setQty(state: PickState, progress: PickProgress, stop: StopView, qty: number, ctx: PickContext): PickStep {
  // The keypad never replaces the scan: the item must have been scanned at this stop once.
  if (stop.picked < 1) return refuse(state, { key: 'pick.qty.scanFirst', params: { name: stop.name ?? stop.productCode } });
  if (!Number.isInteger(qty) || qty < 1 || qty > stop.required) return refuse(state, { key: 'pick.qty.invalid', params: { max: stop.required } });
  return takeUnits(progress, stop, qty, ctx);
}

function takeUnits(progress: PickProgress, stop: StopView, picked: number, ctx: PickContext): PickStep {
  const name = stop.name ?? stop.productCode;
  if (picked < stop.required) {
    return move({ step: 'picking', progress: { ...progress, counts: { ...progress.counts, [stop.productCode]: picked } } }, 'ok', {
      key: 'pick.item.ok',
      params: { name, done: picked, qty: stop.required },
    });
  }
  const short = new Set(progress.shortShipmentIds);
  const allocations = stop.split.map((s) => ({ shipmentId: s.shipmentId, qty: short.has(s.shipmentId) ? 0 : s.qty }));
  const next = finishStop(progress, stop.productCode, { picked, allocations, short: false });
  const event: EventBody = { type: 'pick.confirmed', payload: { batchId: progress.batchId, productCode: stop.productCode, location: stop.location, qty: picked, allocations } };
  return afterStop(next, [event], ctx, 'ok', { key: 'pick.stop.done', params: { name, qty: picked } });
}

function reportShort(state: PickState, progress: PickProgress, stop: StopView, found: number, ctx: PickContext): PickStep {
  if (!Number.isInteger(found) || found < 0 || found >= stop.required) return refuse(state, { key: 'pick.short.invalid', params: { max: stop.required - 1 } });
  // Units reported as found are units taken: like the keypad, that needs one scan of the item first.
  if (found > 0 && stop.picked < 1) return refuse(state, { key: 'pick.qty.scanFirst', params: { name: stop.name ?? stop.productCode } });
  const already = new Set(progress.shortShipmentIds);
  const claims = stop.split
    .filter((s) => !already.has(s.shipmentId))
    .map((s) => ({ shipmentId: s.shipmentId, qty: s.qty, orderDate: s.orderDate, rankOrder: s.rankOrder }));
  const allocation = allocateShortage(claims, found, ctx.settings.shortageRule);
  const allocations = stop.split.map((s) => ({ shipmentId: s.shipmentId, qty: allocation.allocations.find((a) => a.shipmentId === s.shipmentId)?.qty ?? 0 }));
  const next = finishStop(progress, stop.productCode, { picked: found, allocations, short: true });
  next.shortShipmentIds = [...progress.shortShipmentIds, ...allocation.shortShipmentIds];
  const event: EventBody = {
    type: 'pick.short',
    payload: {
      batchId: progress.batchId,
      productCode: stop.productCode,
      location: stop.location,
      required: stop.required,
      found,
      allocations,
      shortShipmentIds: allocation.shortShipmentIds,
    },
  };
  const slots = allocation.shortShipmentIds.map((id) => stop.split.find((s) => s.shipmentId === id)?.slot ?? id).join(', ');
  return afterStop(next, [event], ctx, 'warning', {
    key: 'pick.short.ok',
    params: { name: stop.name ?? stop.productCode, found, required: stop.required, slots, leftover: allocation.leftover },
  });
}

function finishStop(progress: PickProgress, productCode: string, result: PickStopResult): PickProgress {
  const counts = { ...progress.counts };
  delete counts[productCode];
  return { ...progress, counts, done: { ...progress.done, [productCode]: result } };
}

/** After a stop: the next stop, or the batch is complete (batch.completed is recorded with the last stop). */
function afterStop(progress: PickProgress, events: EventBody[], ctx: PickContext, tone: Tone, message: Message): PickStep {
  if (currentStop(viewStops(progress, ctx))) return { next: { step: 'picking', progress }, events, changed: true, feedback: { tone, message } };
  return finishBatch(progress, events, ctx, tone === 'ok' ? 'complete' : tone, message);
}

function finishBatch(progress: PickProgress, events: EventBody[], _ctx: PickContext, tone: Tone, message: Message): PickStep {
  return {
    next: { step: 'idle', last: { batchId: progress.batchId, outcome: 'completed', shortShipmentIds: progress.shortShipmentIds } },
    events: [...events, { type: 'batch.completed', payload: { batchId: progress.batchId, shortShipmentIds: progress.shortShipmentIds } }],
    changed: true,
    feedback: { tone, message: tone === 'complete' ? { key: 'pick.batch.done', params: { batchId: progress.batchId } } : message },
  };
}

function sameLocation(scanned: string, stop: StopView, ctx: PickContext): boolean {
  const a = ctx.format.parse(scanned);
  const b = stop.parsedLocation;
  if (a && b) return a.zone === b.zone && a.aisle === b.aisle && a.bay === b.bay && a.level === b.level;
  return scanned.trim() === stop.location.trim();
}

/**
 * The parcels a step changes on this device: short ones held, the rest picked when the batch completes
 * (the same rules the server applies when the events arrive).
 */
function pickedParcels(events: EventBody[], before: PickState, ctx: PickContext): Parcel[] {
  const changed = new Map<string, Parcel>();
  const apply = (id: string, change: (parcel: Parcel) => PickStatusChange) => {
    const parcel = changed.get(id) ?? ctx.findParcel(id);
    const next = parcel ? change(parcel) : null;
    if (parcel && next) changed.set(id, { ...parcel, ...next });
  };
  for (const event of events) {
    if (event.type === 'pick.short') for (const id of event.payload.shortShipmentIds) apply(id, (p) => afterShortPick(p.status));
    if (event.type === 'batch.completed') {
      const short = new Set(event.payload.shortShipmentIds);
      const members = before.step === 'picking' ? before.progress.shipmentIds : (ctx.findBatch(event.payload.batchId)?.shipmentIds ?? []);
      for (const id of members) apply(id, (p) => afterBatchCompleted(p.status, short.has(id)));
    }
  }
  return [...changed.values()];
}
