/**
 * Return receipts (返品受付) as a flow (flow.ts): find the parcel (slip, search or order number),
 * confirm each unit that came back with its condition and reason, then save: `return.received` is
 * recorded, and the server tells the customer once it arrives. Pure: `now` comes in through the context.
 */
import type { HumanTouchRule, Rank, ReturnReason } from '../domain/catalogue.js';
import type { CatalogueIndex } from '../domain/catalogue-index.js';
import type { Parcel } from '../domain/parcel.js';
import { expectedUnits } from '../domain/parcel-units.js';
import { MAX_EVENT_BYTES, MAX_ID_CHARS, MAX_ITEM_NOTE_CHARS, MAX_RETURN_NOTE_CHARS, utf8Bytes } from '../protocol/event-limits.js';
import type { EventBody, ReturnReceivedPayload } from '../protocol/events.js';
import { classifyScan, DEFAULT_SCAN_PATTERNS, itemLookupKeys, scannedCode, type ScanPatterns } from '../scan/classify-scan.js';
import type { Message } from './feedback.js';
import { move, refuse, stay, type Flow, type FlowStep } from './flow.js';
import { INITIAL_RETURN_STATE, type ReceivedCondition, type ReturnProgress, type ReturnState, type ReturnUnit } from './return-state.js';

/** Everything a return action may read. */
export interface ReturnContext {
  index: CatalogueIndex;
  findParcel(shipmentId: string): Parcel | undefined;
  /** A parcel of this order held on the device (order-number lookup), if any. */
  findParcelByOrder(orderNumber: string): Parcel | undefined;
  /** True when this device already recorded a return of the parcel. */
  alreadyReturned(shipmentId: string): boolean;
  /** ISO time of the action (the device clock). */
  now: string;
  patterns?: ScanPatterns;
}

/** What returns staff can do. */
export type ReturnAction =
  | { type: 'scan'; text: string }
  | { type: 'open'; shipmentId: string }
  | { type: 'openByOrder'; orderNumber: string }
  | { type: 'setCondition'; unit: number; condition: ReceivedCondition }
  | { type: 'setReason'; unit: number; reasonCode: string }
  | { type: 'setUnitNote'; unit: number; note: string }
  | { type: 'removeUnit'; unit: number }
  | { type: 'removeUnexpected'; item: number }
  | { type: 'setNote'; note: string }
  | { type: 'save' }
  | { type: 'cancel' };

type ReturnStep = FlowStep<ReturnState>;

/** Return receipts, as the device's flow session runs them. */
export const returnFlow: Flow<ReturnState, ReturnAction, ReturnContext> = {
  stateKey: 'returnState',
  initial: INITIAL_RETURN_STATE,
  prompt: (state) => ({ key: state.step === 'receiving' ? 'return.prompt.items' : 'return.prompt.slip' }),
  apply: applyReturnAction,
};

/** Order numbers are typed by people: digits, letters and hyphens only. */
const ORDER_NUMBER = /^[0-9A-Za-z-]{4,64}$/;

/** Applies one return action: the whole state table. */
function applyReturnAction(state: ReturnState, action: ReturnAction, ctx: ReturnContext): ReturnStep {
  if (state.step === 'find') {
    switch (action.type) {
      case 'scan':
        return scanWhileFinding(state, action.text, ctx);
      case 'open':
        return openParcel(state, action.shipmentId, ctx);
      case 'openByOrder':
        return openByOrder(state, action.orderNumber.trim(), ctx);
      default:
        return refuse(state, { key: 'return.item.noParcel' });
    }
  }
  const progress = state.progress;
  switch (action.type) {
    case 'scan':
      return scanWhileReceiving(state, progress, action.text, ctx);
    case 'open':
    case 'openByOrder':
      return refuse(state, { key: 'return.slip.otherInProgress', params: { current: receiptLabel(progress) } });
    case 'setCondition':
      return editUnit(state, progress, action.unit, (u) => ({ ...u, condition: action.condition }));
    case 'setReason':
      if (!reasonsOf(ctx).some((r) => r.code === action.reasonCode)) return refuse(state, { key: 'return.save.reasonUnknown', params: { code: action.reasonCode } });
      return editUnit(state, progress, action.unit, (u) => ({ ...u, reasonCode: action.reasonCode }));
    case 'setUnitNote':
      return editUnit(state, progress, action.unit, (u) => ({ ...u, note: action.note.trim() ? action.note.slice(0, MAX_ITEM_NOTE_CHARS) : null }));
    case 'removeUnit':
      if (!progress.units[action.unit]) return refuse(state, { key: 'return.item.noParcel' });
      return move({ step: 'receiving', progress: { ...progress, units: progress.units.filter((_, i) => i !== action.unit) } }, 'warning', {
        key: 'return.unit.removed',
      });
    case 'removeUnexpected':
      if (!progress.unexpected[action.item]) return refuse(state, { key: 'return.item.noParcel' });
      return move({ step: 'receiving', progress: { ...progress, unexpected: progress.unexpected.filter((_, i) => i !== action.item) } }, 'warning', {
        key: 'return.unit.removed',
      });
    case 'setNote':
      return move({ step: 'receiving', progress: { ...progress, note: action.note.slice(0, MAX_RETURN_NOTE_CHARS) } }, 'ok', { key: 'return.unit.updated' });
    case 'save':
      return save(state, progress, ctx);
    case 'cancel':
      return move({ step: 'find', lastSaved: null }, 'warning', { key: 'return.cancel.ok', params: { id: receiptLabel(progress) } });
  }
}

/** Units of each product the parcel held, minus those confirmed so far (what would be listed missing). */
export function missingUnits(progress: ReturnProgress, parcel: Parcel | undefined): Map<string, number> {
  const missing = new Map<string, number>();
  if (!parcel) return missing;
  const received = receivedCounts(progress);
  for (const [code, qty] of expectedUnits(parcel)) {
    const left = qty - (received.get(code) ?? 0);
    if (left > 0) missing.set(code, left);
  }
  return missing;
}

/** Units confirmed so far per product. */
export function receivedCounts(progress: ReturnProgress): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of progress.units) counts.set(u.productCode, (counts.get(u.productCode) ?? 0) + 1);
  return counts;
}

/** The first-return moment as returns staff see it: the flag and the brand's instruction, or null. */
export function firstReturnOf(parcel: Parcel | undefined, index: CatalogueIndex): { rule: HumanTouchRule | null } | null {
  if (!parcel || parcel.customerReturnCount === undefined || parcel.customerReturnCount !== 0) return null;
  return { rule: index.ruleByFlag.get('FIRST_RETURN') ?? null };
}

/**
 * The rule's own instruction for the returns bench (English when asked and set, else Japanese), or
 * null when it has none. Never the packing instruction: that one is for the customer's next parcel.
 */
export function returnInstructionOf(rule: HumanTouchRule | null, english: boolean): string | null {
  const own = english ? (rule?.returnInstructionEn ?? rule?.returnInstruction) : rule?.returnInstruction;
  return own ?? null;
}

/** The customer's rank as a badge, or null when the code is not in the catalogue. */
export function rankOf(parcel: Parcel | undefined, index: CatalogueIndex): Rank | null {
  return parcel ? (index.rankByCode.get(parcel.rankCode) ?? null) : null;
}

/** The return reasons in catalogue order (empty when the catalogue predates returns). */
export function reasonsOf(ctx: Pick<ReturnContext, 'index'>): ReturnReason[] {
  return [...(ctx.index.catalogue.returnReasons ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
}

function scanWhileFinding(state: ReturnState, text: string, ctx: ReturnContext): ReturnStep {
  const scan = classifyScan(text, ctx.patterns ?? DEFAULT_SCAN_PATTERNS);
  if (scan.kind === 'misread') return refuse(state, { key: 'scan.misread' });
  if (scan.kind !== 'slip') return refuse(state, { key: 'return.item.noParcel' });
  return openParcel(state, scan.shipmentId, ctx);
}

function openParcel(state: ReturnState, shipmentId: string, ctx: ReturnContext): ReturnStep {
  const parcel = ctx.findParcel(shipmentId);
  if (!parcel) return refuse(state, { key: 'return.slip.unknown', params: { shipmentId } });
  if (parcel.status !== 'packed' && parcel.status !== 'shipped') return refuse(state, { key: 'return.slip.notShipped', params: { shipmentId } });
  if (ctx.alreadyReturned(shipmentId)) return refuse(state, { key: 'return.slip.already', params: { shipmentId } });
  const progress: ReturnProgress = { shipmentId, orderNumber: parcel.orderNumber, startedAt: ctx.now, units: [], unexpected: [], note: '' };
  const units = [...expectedUnits(parcel).values()].reduce((a, b) => a + b, 0);
  return move({ step: 'receiving', progress }, 'ok', { key: 'return.slip.ok', params: { customer: parcel.customerName, units } });
}

function openByOrder(state: ReturnState, orderNumber: string, ctx: ReturnContext): ReturnStep {
  if (!ORDER_NUMBER.test(orderNumber)) return refuse(state, { key: 'return.order.invalid', params: { order: orderNumber } });
  const local = ctx.findParcelByOrder(orderNumber);
  if (local) return openParcel(state, local.shipmentId, ctx);
  const progress: ReturnProgress = { shipmentId: null, orderNumber, startedAt: ctx.now, units: [], unexpected: [], note: '' };
  return move({ step: 'receiving', progress }, 'warning', { key: 'return.order.offline', params: { order: orderNumber } });
}

function scanWhileReceiving(state: ReturnState, progress: ReturnProgress, text: string, ctx: ReturnContext): ReturnStep {
  const scan = classifyScan(text, ctx.patterns ?? DEFAULT_SCAN_PATTERNS);
  switch (scan.kind) {
    case 'misread':
      return refuse(state, { key: 'scan.misread' });
    case 'slip':
      if (scan.shipmentId === progress.shipmentId) {
        return stay(state, 'warning', { key: 'return.slip.same', params: { shipmentId: scan.shipmentId } });
      }
      return refuse(state, { key: 'return.slip.otherInProgress', params: { current: receiptLabel(progress) } });
    case 'staff':
    case 'location':
    case 'insert':
      return refuse(state, { key: 'return.item.notItem', params: { code: scan.code } });
    case 'gs1':
    case 'gtin':
    case 'text': {
      const code = scannedCode(scan);
      const product = itemLookupKeys(scan)
        .map((key) => ctx.index.productByBarcode.get(key))
        .find((p) => p !== undefined);
      if (!product) return addUnexpected(progress, code, null, { key: 'return.item.unknown', params: { code } });
      const parcel = progress.shipmentId ? ctx.findParcel(progress.shipmentId) : undefined;
      if (parcel) {
        const expected = expectedUnits(parcel).get(product.code) ?? 0;
        const done = receivedCounts(progress).get(product.code) ?? 0;
        if (expected === 0) return addUnexpected(progress, code, product.code, { key: 'return.item.unexpected', params: { name: product.name } });
        if (done >= expected) return addUnexpected(progress, code, product.code, { key: 'return.item.over', params: { name: product.name, qty: expected } });
        return addUnit(progress, product.code, { key: 'return.item.ok', params: { name: product.name, done: done + 1, qty: expected } });
      }
      const done = receivedCounts(progress).get(product.code) ?? 0;
      return addUnit(progress, product.code, { key: 'return.item.ok', params: { name: product.name, done: done + 1, qty: '?' } });
    }
  }
}

function addUnit(progress: ReturnProgress, productCode: string, message: Message): ReturnStep {
  // Most boxes come back for one reason: a new unit starts with the reason of the one before it.
  const reasonCode = progress.units.length > 0 ? progress.units[progress.units.length - 1].reasonCode : null;
  const unit: ReturnUnit = { productCode, condition: 'unopened', reasonCode, note: null };
  return move({ step: 'receiving', progress: { ...progress, units: [...progress.units, unit] } }, 'ok', message);
}

function addUnexpected(progress: ReturnProgress, code: string, productCode: string | null, message: Message): ReturnStep {
  // A code longer than an event may carry (a long QR code, say) could never be sent: refused here, not stuck later.
  if (code.length > MAX_ID_CHARS) return refuse({ step: 'receiving', progress }, { key: 'return.item.codeTooLong', params: { max: MAX_ID_CHARS } });
  const at = progress.unexpected.findIndex((u) => u.code === code);
  const unexpected =
    at >= 0 ? progress.unexpected.map((u, i) => (i === at ? { ...u, qty: u.qty + 1 } : u)) : [...progress.unexpected, { code, productCode, qty: 1 }];
  // Recorded (it is in the box) but flagged: a warning, not a refusal.
  return move({ step: 'receiving', progress: { ...progress, unexpected } }, 'warning', message);
}

function editUnit(state: ReturnState, progress: ReturnProgress, index: number, edit: (u: ReturnUnit) => ReturnUnit): ReturnStep {
  const unit = progress.units[index];
  if (!unit) return refuse(state, { key: 'return.item.noParcel' });
  const units = progress.units.map((u, i) => (i === index ? edit(u) : u));
  return move({ step: 'receiving', progress: { ...progress, units } }, 'ok', { key: 'return.unit.updated' });
}

function save(state: ReturnState, progress: ReturnProgress, ctx: ReturnContext): ReturnStep {
  if (progress.units.length === 0 && progress.unexpected.length === 0) return refuse(state, { key: 'return.save.empty' });
  const withoutReason = progress.units.filter((u) => u.reasonCode === null).length;
  if (withoutReason > 0) return refuse(state, { key: 'return.save.reasonMissing', params: { remaining: withoutReason } });
  const known = new Set(reasonsOf(ctx).map((r) => r.code));
  const unknown = progress.units.find((u) => !known.has(u.reasonCode!));
  if (unknown) return refuse(state, { key: 'return.save.reasonUnknown', params: { code: unknown.reasonCode! } });

  const parcel = progress.shipmentId ? ctx.findParcel(progress.shipmentId) : undefined;
  const items: ReturnReceivedPayload['items'] = [];
  for (const u of progress.units) {
    const same = items.find((i) => i.productCode === u.productCode && i.condition === u.condition && i.reasonCode === u.reasonCode && (i.note ?? null) === u.note);
    if (same) same.qty += 1;
    else items.push({ productCode: u.productCode, qty: 1, condition: u.condition, reasonCode: u.reasonCode, ...(u.note ? { note: u.note } : {}) });
  }
  const missing = missingUnits(progress, parcel);
  for (const [productCode, qty] of missing) items.push({ productCode, qty, condition: 'missing', reasonCode: null });
  const event: EventBody = {
    type: 'return.received',
    payload: {
      shipmentId: progress.shipmentId,
      orderNumber: progress.orderNumber,
      startedAt: progress.startedAt,
      items,
      unexpectedItems: progress.unexpected.map((u) => ({ ...u })),
      note: progress.note.trim() ? progress.note.trim() : null,
    },
  };
  // The receipt must fit one event with its envelope (id, sequence, staff, time): one that could never be sent is not saved.
  if (utf8Bytes(JSON.stringify(event)) + ENVELOPE_ALLOWANCE_BYTES > MAX_EVENT_BYTES) return refuse(state, { key: 'return.save.tooBig' });
  const missingTotal = [...missing.values()].reduce((a, b) => a + b, 0);
  return {
    next: { step: 'find', lastSaved: receiptLabel(progress) },
    events: [event],
    changed: true,
    feedback: { tone: 'complete', message: { key: 'return.save.ok', params: { id: receiptLabel(progress), missing: missingTotal } } },
  };
}

/** Room left for an event's envelope: its id, sequence number, staff id (at most MAX_ID_CHARS) and time, with their keys. */
const ENVELOPE_ALLOWANCE_BYTES = 1024;

function receiptLabel(progress: ReturnProgress): string {
  return progress.shipmentId ?? progress.orderNumber;
}
