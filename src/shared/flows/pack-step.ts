/**
 * The one thing a packer does now, derived from the pack state and the parcel in hand: the pack
 * screen shows it large under the scan field, so a gloved worker never scrolls to find the next step.
 * Pure. The order follows the pack: slip → items → inserts → gift → human-touch → boxes → a label per
 * box (where the carrier asks for labels) → complete. A further step (a photo) is one more member here
 * and one renderer on the screen.
 */
import type { Parcel } from '../domain/parcel.js';
import type { ResolvedFlag, ResolvedGift, ResolvedInsert, ResolvedLine, ResolvedParcel } from '../domain/resolve-parcel.js';
import { labelOutstanding } from './pack-label.js';
import type { PackProgress, PackState } from './pack-state.js';

/** The step a packer is on. */
export type PackStep =
  /** No parcel in hand: scan a packing slip. `lastPacked` is the parcel just completed, if any. */
  | { kind: 'slip'; lastPacked: string | null }
  /** Scan this item (the first line not yet complete); `remaining` units are still to scan in all. */
  | { kind: 'item'; line: ResolvedLine; done: number; remaining: number }
  /** Put this insert in: scan its barcode, or confirm by tap when it has none. */
  | { kind: 'insert'; insert: ResolvedInsert; remaining: number }
  /** Wrap as the gift code says, then confirm. */
  | { kind: 'gift'; gift: Extract<ResolvedGift, { status: 'ok' }> }
  /** Do what the human-touch flags ask, then confirm. */
  | { kind: 'humanTouch'; flags: ResolvedFlag[] }
  /** Confirm how many boxes (個口) the parcel leaves in, before their labels are scanned. */
  | { kind: 'boxes'; parcel: Parcel; progress: PackProgress }
  /** Scan the carrier label (送り状) of box `box` of `boxes`. */
  | { kind: 'label'; parcel: Parcel; progress: PackProgress; box: number; boxes: number }
  /** Everything is verified: complete (button, or the slip scanned again). */
  | { kind: 'complete' };

/** Every kind of step, for renderers that must cover them all. */
export type PackStepKind = PackStep['kind'];

/**
 * The current step. `resolved` is the parcel named by the state's progress (null when no parcel is in
 * hand or it is no longer on the device, which the screen shows as the slip step).
 */
export function currentPackStep(state: PackState, resolved: ResolvedParcel | null): PackStep {
  if (state.step === 'awaitSlip') return { kind: 'slip', lastPacked: state.lastPacked };
  if (!resolved) return { kind: 'slip', lastPacked: null };
  const { progress } = state;
  let remainingUnits = 0;
  let firstOpen: { line: ResolvedLine; done: number } | null = null;
  for (const line of resolved.lines) {
    const done = progress.counts[line.productCode] ?? 0;
    if (done >= line.qty) continue;
    remainingUnits += line.qty - done;
    firstOpen ??= { line, done };
  }
  if (firstOpen) return { kind: 'item', ...firstOpen, remaining: remainingUnits };
  const openInserts = resolved.inserts.filter((i) => !progress.insertsConfirmed.includes(i.code));
  if (openInserts.length > 0) return { kind: 'insert', insert: openInserts[0], remaining: openInserts.length };
  if (resolved.gift.status === 'ok' && !progress.giftConfirmed) return { kind: 'gift', gift: resolved.gift };
  if (resolved.flags.length > 0 && !progress.humanTouchConfirmed) return { kind: 'humanTouch', flags: resolved.flags };
  const labelsLeft = labelOutstanding(progress, resolved.parcel);
  if (labelsLeft[0] === 'boxes') return { kind: 'boxes', parcel: resolved.parcel, progress };
  if (labelsLeft.length > 0 && progress.boxCount !== undefined) {
    return { kind: 'label', parcel: resolved.parcel, progress, box: (progress.labels ?? []).length + 1, boxes: progress.boxCount };
  }
  return { kind: 'complete' };
}
