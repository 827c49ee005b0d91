/**
 * The pack flow's label step (送り状照合), after the items, inserts, gift and human-touch steps: confirm
 * how many boxes the parcel leaves in (個口), then scan each box's carrier label. A label other than the
 * one printed for this parcel is refused; with none imported (labels printed on demand) a valid number
 * of the parcel's carrier is bound. The labels go on `parcel.packed`, in the same commit as the pack.
 */
import type { CarrierId, LabelScanMode } from '../domain/carrier.js';
import type { Parcel } from '../domain/parcel.js';
import { MAX_BOXES } from '../protocol/event-limits.js';
import type { ParcelPackedPayload } from '../protocol/events.js';
import { readCarrierLabel } from '../scan/carrier-label.js';
import type { Message } from './feedback.js';
import { move, refuse, type FlowStep } from './flow.js';
import type { PackProgress, PackState } from './pack-state.js';

/** Whether the parcel's label must be scanned; a parcel pulled without shipping data asks for none. */
export function labelMode(parcel: Parcel): LabelScanMode {
  return parcel.shipping?.labelScan ?? 'off';
}

/** The carrier whose rule checks the label; a parcel with no carrier gets the plain-length check. */
function carrierOf(parcel: Parcel): CarrierId {
  return parcel.shipping?.carrierId ?? 'other';
}

/** The box count the packer is offered: the confirmed one, else the parcel's 個口数. */
export function boxesOf(progress: PackProgress, parcel: Parcel): number {
  return progress.boxCount ?? parcel.shipping?.boxCount ?? 1;
}

/** What of the label step is left: the box count, then one label per box (none when the step is off or skipped). */
export function labelOutstanding(progress: PackProgress, parcel: Parcel): string[] {
  if (labelMode(parcel) === 'off' || progress.labelsSkipped) return [];
  if (progress.boxCount === undefined) return ['boxes'];
  const missing: string[] = [];
  for (let box = (progress.labels ?? []).length + 1; box <= progress.boxCount; box++) missing.push(`label:${box}`);
  return missing;
}

/** The prompt of the label step, or null when it is not the step in hand. */
export function labelPrompt(progress: PackProgress, parcel: Parcel): Message | null {
  const left = labelOutstanding(progress, parcel);
  if (left.length === 0) return null;
  if (left[0] === 'boxes') return { key: 'pack.prompt.boxes', params: { boxes: boxesOf(progress, parcel) } };
  return { key: 'pack.prompt.label', params: { box: (progress.labels ?? []).length + 1, boxes: boxesOf(progress, parcel) } };
}

/** Confirms the number of boxes; never fewer than the labels already scanned. */
export function confirmBoxes(state: PackState, progress: PackProgress, parcel: Parcel, count: number): FlowStep<PackState> {
  if (labelMode(parcel) === 'off') return refuse(state, { key: 'pack.complete.notReady' });
  const scanned = (progress.labels ?? []).length;
  if (!Number.isInteger(count) || count < Math.max(1, scanned) || count > MAX_BOXES) {
    return refuse(state, { key: 'pack.boxes.invalid', params: { min: Math.max(1, scanned), max: MAX_BOXES } });
  }
  return move({ step: 'verifying', progress: { ...progress, boxCount: count } }, 'ok', { key: 'pack.boxes.ok', params: { boxes: count } });
}

/** Skips the label step where the carrier's setting allows it. */
export function skipLabels(state: PackState, progress: PackProgress, parcel: Parcel): FlowStep<PackState> {
  if (labelMode(parcel) !== 'optional') return refuse(state, { key: 'pack.label.required' });
  return move({ step: 'verifying', progress: { ...progress, labelsSkipped: true } }, 'warning', { key: 'pack.label.skipped' });
}

/**
 * The label in `text`, if it reads as a tracking number of the parcel's carrier: the pack flow asks
 * this only for a scan that is no known item, so a product barcode is never taken for a label.
 */
export function readsAsLabel(text: string, parcel: Parcel): string | null {
  if (labelMode(parcel) === 'off') return null;
  const read = readCarrierLabel(text, carrierOf(parcel));
  return read.ok ? read.trackingNumber : null;
}

/**
 * One label scanned. `contentDone` says the items, inserts, gift and human-touch steps are finished;
 * `owner` names another parcel the device knows this label for (bound or imported), if any.
 */
export function scanLabel(
  state: PackState,
  progress: PackProgress,
  parcel: Parcel,
  trackingNumber: string,
  contentDone: boolean,
  owner: string | undefined,
): FlowStep<PackState> {
  if (!contentDone) return refuse(state, { key: 'pack.label.notYet' });
  if (progress.labelsSkipped) return refuse(state, { key: 'pack.label.skipped' });
  if (progress.boxCount === undefined) return refuse(state, { key: 'pack.label.boxesFirst', params: { boxes: boxesOf(progress, parcel) } });
  const labels = progress.labels ?? [];
  if (labels.includes(trackingNumber)) return refuse(state, { key: 'pack.label.same', params: { number: trackingNumber } });
  const expected = parcel.shipping?.expectedTrackingNumbers ?? [];
  // The wrong label on the right box sends a customer someone else's order: the one check that matters most.
  if ((expected.length > 0 && !expected.includes(trackingNumber)) || (owner !== undefined && owner !== parcel.shipmentId)) {
    return refuse(state, { key: 'pack.label.wrong', params: { number: trackingNumber } });
  }
  if (labels.length >= progress.boxCount) return refuse(state, { key: 'pack.label.tooMany', params: { boxes: progress.boxCount } });
  const next = [...labels, trackingNumber];
  const done = next.length === progress.boxCount;
  return move({ step: 'verifying', progress: { ...progress, labels: next } }, 'ok', {
    key: done ? 'pack.label.allDone' : 'pack.label.ok',
    params: { box: next.length, boxes: progress.boxCount, number: trackingNumber },
  });
}

/** What `parcel.packed` carries of the label step: the confirmed box count and the labels, box by box. */
export function labelPayload(progress: PackProgress): Pick<ParcelPackedPayload, 'boxCount' | 'labels'> {
  if (progress.boxCount === undefined) return {};
  return { boxCount: progress.boxCount, labels: (progress.labels ?? []).map((trackingNumber, i) => ({ box: i + 1, trackingNumber })) };
}

/** The parcel as this device knows it once packed with these labels (a loading device matches them offline). */
export function withBoundLabels(parcel: Parcel, labels: readonly { trackingNumber: string }[] | undefined): Parcel {
  if (!parcel.shipping || !labels || labels.length === 0) return parcel;
  return { ...parcel, shipping: { ...parcel.shipping, boundTrackingNumbers: labels.map((l) => l.trackingNumber) } };
}

/** The parcel whose bound or imported labels include `trackingNumber`, if the device holds one. */
export function labelOwner(parcels: Iterable<Parcel>, trackingNumber: string): string | undefined {
  for (const parcel of parcels) {
    const shipping = parcel.shipping;
    if (shipping && (shipping.boundTrackingNumbers.includes(trackingNumber) || shipping.expectedTrackingNumbers.includes(trackingNumber))) return parcel.shipmentId;
  }
  return undefined;
}
