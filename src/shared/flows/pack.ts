/**
 * Pack-time verification (梱包時検品) as a flow (flow.ts): scan the slip, then every unit, confirm the
 * inserts, the gift and the human-touch step, then the boxes and their labels where the carrier asks
 * for them (pack-label.ts), then complete. Completing records `parcel.packed` and
 * marks the parcel packed on the device in the same transaction. Pure: `now` comes in through the context.
 */
import type { CatalogueIndex } from '../domain/catalogue-index.js';
import type { PackedBy, Parcel } from '../domain/parcel.js';
import { packedItemsDifference, packedParcel } from '../domain/pack-rules.js';
import { resolveParcel, type ParcelBlock, type ResolvedParcel } from '../domain/resolve-parcel.js';
import type { EventBody } from '../protocol/events.js';
import { classifyScan, DEFAULT_SCAN_PATTERNS, itemLookupKeys, scannedCode, type ClassifiedScan, type ScanPatterns } from '../scan/classify-scan.js';
import type { Message } from './feedback.js';
import { move, refuse, stay, type Flow, type FlowStep } from './flow.js';
import { confirmBoxes, labelOutstanding, labelPayload, labelPrompt, readsAsLabel, scanLabel, skipLabels, withBoundLabels } from './pack-label.js';
import { INITIAL_PACK_STATE, type PackProgress, type PackState } from './pack-state.js';

/** Everything a pack action may read. */
export interface PackContext {
  index: CatalogueIndex;
  findParcel(shipmentId: string): Parcel | undefined;
  /** ISO time of the action (the device clock). */
  now: string;
  patterns?: ScanPatterns;
  /** The parcel this device knows a label for (bound at packing or imported), if any: a label of another parcel is refused. */
  labelOwner?(trackingNumber: string): string | undefined;
}

/** What a worker can do on the pack screen. */
export type PackAction =
  | { type: 'scan'; text: string }
  | { type: 'confirmInsert'; code: string }
  | { type: 'confirmGift' }
  | { type: 'confirmHumanTouch' }
  /** The packer confirms the parcel leaves in `count` boxes (個口). */
  | { type: 'confirmBoxes'; count: number }
  /** The packer skips an optional label step. */
  | { type: 'skipLabels' }
  | { type: 'complete' }
  | { type: 'cancel' };

type PackStep = FlowStep<PackState>;

/** Pack-time verification, as the device's flow session runs it. */
export const packFlow: Flow<PackState, PackAction, PackContext> = {
  stateKey: 'packState',
  initial: INITIAL_PACK_STATE,
  prompt: packPrompt,
  apply: applyPackAction,
  localParcels: packedParcels,
};

/** Applies one pack action: the whole state table. */
function applyPackAction(state: PackState, action: PackAction, ctx: PackContext): PackStep {
  if (state.step === 'awaitSlip') {
    if (action.type === 'scan') return scanWhileAwaitingSlip(state, action.text, ctx);
    return refuse(state, { key: 'pack.item.noParcel' });
  }
  const resolved = currentParcel(state.progress, ctx);
  if (!resolved) return move({ step: 'awaitSlip', lastPacked: null }, 'error', { key: 'pack.slip.unknown', params: { shipmentId: state.progress.shipmentId } });
  switch (action.type) {
    case 'scan':
      return scanWhileVerifying(state, state.progress, resolved, action.text, ctx);
    case 'confirmInsert':
      return confirmInsert(state, state.progress, resolved, action.code);
    case 'confirmGift':
      if (resolved.gift.status !== 'ok') return refuse(state, { key: 'pack.complete.notReady' });
      return move({ step: 'verifying', progress: { ...state.progress, giftConfirmed: true } }, 'ok', { key: 'pack.gift.ok' });
    case 'confirmHumanTouch':
      if (resolved.flags.length === 0) return refuse(state, { key: 'pack.complete.notReady' });
      return move({ step: 'verifying', progress: { ...state.progress, humanTouchConfirmed: true } }, 'ok', { key: 'pack.humanTouch.ok' });
    case 'confirmBoxes':
      return confirmBoxes(state, state.progress, resolved.parcel, action.count);
    case 'skipLabels':
      return skipLabels(state, state.progress, resolved.parcel);
    case 'complete':
      return complete(state, state.progress, resolved);
    case 'cancel':
      return move({ step: 'awaitSlip', lastPacked: null }, 'warning', { key: 'pack.cancel.ok', params: { shipmentId: state.progress.shipmentId } });
  }
}

/** The prompt of a state: the slip, the items, or the label step once the contents are done. */
function packPrompt(state: PackState, ctx: PackContext): Message {
  if (state.step === 'awaitSlip') return { key: 'pack.prompt.slip' };
  const parcel = ctx.findParcel(state.progress.shipmentId);
  const label = parcel && contentOutstanding(state.progress, resolveParcel(parcel, ctx.index)).length === 0 ? labelPrompt(state.progress, parcel) : null;
  return label ?? { key: 'pack.prompt.items' };
}

/** What is still missing before a parcel can be completed; empty when it is ready. */
export function outstandingSteps(progress: PackProgress, resolved: ResolvedParcel): string[] {
  return [...contentOutstanding(progress, resolved), ...labelOutstanding(progress, resolved.parcel)];
}

/** What of the box's contents (items, inserts, gift, human touch) is still missing. */
function contentOutstanding(progress: PackProgress, resolved: ResolvedParcel): string[] {
  const missing: string[] = [];
  for (const line of resolved.lines) if ((progress.counts[line.productCode] ?? 0) < line.qty) missing.push(`item:${line.productCode}`);
  for (const insert of resolved.inserts) if (!progress.insertsConfirmed.includes(insert.code)) missing.push(`insert:${insert.code}`);
  if (resolved.gift.status === 'ok' && !progress.giftConfirmed) missing.push('gift');
  if (resolved.flags.length > 0 && !progress.humanTouchConfirmed) missing.push('humanTouch');
  return missing;
}

/** Units verified so far on the parcel in hand. */
export function verifiedUnits(progress: PackProgress): number {
  return Object.values(progress.counts).reduce((sum, n) => sum + n, 0);
}

function scanWhileAwaitingSlip(state: PackState, text: string, ctx: PackContext): PackStep {
  const scan = classifyScan(text, ctx.patterns ?? DEFAULT_SCAN_PATTERNS);
  if (scan.kind === 'misread') return refuse(state, { key: 'scan.misread' });
  if (scan.kind !== 'slip') return refuse(state, { key: 'pack.item.noParcel' });
  const parcel = ctx.findParcel(scan.shipmentId);
  if (!parcel) return refuse(state, { key: 'pack.slip.unknown', params: { shipmentId: scan.shipmentId } });
  const resolved = resolveParcel(parcel, ctx.index);
  if (resolved.block) return refuse(state, blockMessage(resolved.block, parcel));
  const progress: PackProgress = {
    shipmentId: parcel.shipmentId,
    startedAt: ctx.now,
    counts: {},
    insertsConfirmed: [],
    giftConfirmed: false,
    humanTouchConfirmed: false,
  };
  return move({ step: 'verifying', progress }, 'ok', {
    key: 'pack.slip.ok',
    params: { shipmentId: parcel.shipmentId, customer: parcel.customerName, units: resolved.totalUnits },
  });
}

function scanWhileVerifying(
  state: PackState,
  progress: PackProgress,
  resolved: ResolvedParcel,
  text: string,
  ctx: PackContext,
): PackStep {
  const scan = classifyScan(text, ctx.patterns ?? DEFAULT_SCAN_PATTERNS);
  if (scan.kind === 'slip') {
    if (scan.shipmentId !== progress.shipmentId) {
      return refuse(state, { key: 'pack.slip.otherInProgress', params: { current: progress.shipmentId, scanned: scan.shipmentId } });
    }
    // Re-scanning the slip in hand is the gloved way to finish: complete when ready, else say what is left.
    if (outstandingSteps(progress, resolved).length === 0) return complete(state, progress, resolved);
    return stay(state, 'warning', notReadyMessage(progress, resolved));
  }
  // A carrier label, when the scan is no known item (a product's UPC-A can pass a carrier's check digit).
  const label = isKnownItem(scan, ctx) ? null : readsAsLabel(text, resolved.parcel);
  if (label !== null) {
    return scanLabel(state, progress, resolved.parcel, label, contentOutstanding(progress, resolved).length === 0, ctx.labelOwner?.(label));
  }
  switch (scan.kind) {
    case 'misread':
      return refuse(state, { key: 'scan.misread' });
    case 'staff':
    case 'location':
      return refuse(state, { key: 'pack.item.unknown', params: { code: scan.code } });
    case 'insert':
      return confirmInsert(state, progress, resolved, scan.code);
    case 'gs1':
    case 'gtin':
    case 'text': {
      // A case label (GS1 or ITF-14) resolves to its item through the GTIN inside; one scan is one unit.
      for (const key of itemLookupKeys(scan)) {
        const product = ctx.index.productByBarcode.get(key);
        if (product) return countItem(state, progress, resolved, product.code, product.name);
        const insert = ctx.index.insertByBarcode.get(key);
        if (insert) return confirmInsert(state, progress, resolved, insert.code);
      }
      return refuse(state, { key: 'pack.item.unknown', params: { code: scannedCode(scan) } });
    }
  }
}

/** True when the scan is an item or insert of the catalogue (never read as a label then). */
function isKnownItem(scan: ClassifiedScan, ctx: PackContext): boolean {
  if (scan.kind === 'insert') return true;
  if (scan.kind !== 'gs1' && scan.kind !== 'gtin' && scan.kind !== 'text') return false;
  return itemLookupKeys(scan).some((key) => ctx.index.productByBarcode.has(key) || ctx.index.insertByBarcode.has(key));
}

function countItem(state: PackState, progress: PackProgress, resolved: ResolvedParcel, productCode: string, name: string): PackStep {
  const line = resolved.lines.find((l) => l.productCode === productCode);
  if (!line) return refuse(state, { key: 'pack.item.wrong', params: { name } });
  const done = progress.counts[productCode] ?? 0;
  if (done >= line.qty) return refuse(state, { key: 'pack.item.over', params: { name, qty: line.qty } });
  const nextProgress: PackProgress = { ...progress, counts: { ...progress.counts, [productCode]: done + 1 } };
  const verified = verifiedUnits(nextProgress);
  const key = verified === resolved.totalUnits ? 'pack.item.allDone' : done + 1 === line.qty ? 'pack.item.lineDone' : 'pack.item.ok';
  return move({ step: 'verifying', progress: nextProgress }, 'ok', {
    key,
    params: { name, done: done + 1, qty: line.qty, verified, total: resolved.totalUnits },
  });
}

function confirmInsert(state: PackState, progress: PackProgress, resolved: ResolvedParcel, code: string): PackStep {
  const insert = resolved.inserts.find((i) => i.code === code);
  if (!insert) return refuse(state, { key: 'pack.insert.wrong', params: { code } });
  const name = insert.name ?? code;
  if (progress.insertsConfirmed.includes(code)) {
    return stay(state, 'warning', { key: 'pack.insert.already', params: { name } });
  }
  return move({ step: 'verifying', progress: { ...progress, insertsConfirmed: [...progress.insertsConfirmed, code] } }, 'ok', {
    key: 'pack.insert.ok',
    params: { name },
  });
}

function complete(state: PackState, progress: PackProgress, resolved: ResolvedParcel): PackStep {
  // The parcel may have been held by a pull since the slip was scanned: check again before recording.
  if (resolved.block) return refuse(state, blockMessage(resolved.block, resolved.parcel));
  if (outstandingSteps(progress, resolved).length > 0) return refuse(state, notReadyMessage(progress, resolved));
  const items = resolved.lines.map((l) => ({ productCode: l.productCode, qty: progress.counts[l.productCode] ?? 0 }));
  // The server accepts a pack only with exactly the ordered units: the same check, before recording it.
  if (packedItemsDifference(resolved.parcel, items) !== null) return refuse(state, notReadyMessage(progress, resolved));
  const event: EventBody = {
    type: 'parcel.packed',
    payload: {
      shipmentId: progress.shipmentId,
      startedAt: progress.startedAt,
      items,
      insertCodes: [...progress.insertsConfirmed],
      giftCode: resolved.gift.status === 'ok' ? resolved.gift.gift.code : null,
      flags: resolved.flags.map((f) => f.flag),
      ...labelPayload(progress),
    },
  };
  return {
    next: { step: 'awaitSlip', lastPacked: progress.shipmentId },
    events: [event],
    changed: true,
    feedback: { tone: 'complete', message: { key: 'pack.complete.ok', params: { shipmentId: progress.shipmentId } } },
  };
}

function currentParcel(progress: PackProgress, ctx: PackContext): ResolvedParcel | null {
  const parcel = ctx.findParcel(progress.shipmentId);
  return parcel ? resolveParcel(parcel, ctx.index) : null;
}

function notReadyMessage(progress: PackProgress, resolved: ResolvedParcel): Message {
  return { key: 'pack.complete.notReady', params: { remaining: outstandingSteps(progress, resolved).length } };
}

function blockMessage(block: ParcelBlock, parcel: Parcel): Message {
  switch (block.reason) {
    case 'held':
      return { key: 'pack.slip.held', params: { shipmentId: parcel.shipmentId, reason: block.holdReason ?? '' } };
    case 'packed':
      return {
        key: 'pack.slip.packed',
        params: {
          shipmentId: parcel.shipmentId,
          staff: parcel.packedBy?.staffName ?? '',
          device: parcel.packedBy?.deviceName ?? '',
          at: parcel.packedBy?.at ?? '',
        },
      };
    case 'giftUnknown':
      return { key: 'pack.slip.giftUnknown', params: { code: block.code } };
    case 'insertUnknown':
      return { key: 'pack.slip.insertUnknown', params: { code: block.code } };
    case 'productUnknown':
      return { key: 'pack.slip.productUnknown', params: { code: block.code } };
  }
}

/** The parcels a completed pack marks packed on this device. */
function packedParcels(events: EventBody[], _before: PackState, ctx: PackContext, by: PackedBy): Parcel[] {
  const parcels: Parcel[] = [];
  for (const event of events) {
    if (event.type !== 'parcel.packed') continue;
    const parcel = ctx.findParcel(event.payload.shipmentId);
    if (parcel) parcels.push(withBoundLabels(packedParcel(parcel, by), event.payload.labels));
  }
  return parcels;
}
