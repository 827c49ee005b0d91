import { describe, expect, it } from 'vitest';
import type { Parcel } from '../../../src/shared/domain/parcel.js';
import { resolveParcel } from '../../../src/shared/domain/resolve-parcel.js';
import { outstandingSteps, packFlow, type PackAction, type PackContext } from '../../../src/shared/flows/pack.js';
import type { PackState } from '../../../src/shared/flows/pack-state.js';
import { currentPackStep, type PackStep } from '../../../src/shared/flows/pack-step.js';
import { BRAND_BOOK_BARCODE, CREAM_JAN, index, LOTION_JAN, makeParcel, THANKS_CARD_BARCODE } from '../../helpers/fixtures/catalogue.js';

const NOW = '2026-11-24T09:00:00.000Z';

/** A gift parcel with a first-purchase flag: 2 lotions + 1 cream, noshi N10, L05 by tap, L02 and L01 from the flag rule. */
const giftParcel = makeParcel({
  shipmentId: 'S0000002',
  rankCode: 'G',
  flags: ['FIRST_PURCHASE'],
  giftCode: 'N10',
  noshiName: '加藤',
  insertCodes: ['L05'],
  lines: [
    { productCode: 'SKU-1', qty: 2 },
    { productCode: 'SKU-2', qty: 1 },
  ],
});
const plainParcel = makeParcel({ shipmentId: 'S0000003', lines: [{ productCode: 'SKU-2', qty: 1 }] });

function contextWith(...parcels: Parcel[]): PackContext {
  const byId = new Map(parcels.map((p) => [p.shipmentId, p]));
  return { index, findParcel: (id) => byId.get(id), now: NOW };
}

/** The step the screen shows for `state`, resolved as the screen resolves it. */
function stepOf(state: PackState, ctx: PackContext): PackStep {
  const parcel = state.step === 'verifying' ? ctx.findParcel(state.progress.shipmentId) : undefined;
  return currentPackStep(state, parcel ? resolveParcel(parcel, index) : null);
}

/** A short, comparable name of a step: its kind and what it points at. */
function describeStep(step: PackStep): string {
  switch (step.kind) {
    case 'slip':
      return `slip:${step.lastPacked ?? ''}`;
    case 'item':
      return `item:${step.line.productCode}:${step.done}/${step.line.qty}:${step.remaining}`;
    case 'insert':
      return `insert:${step.insert.code}:${step.remaining}`;
    case 'gift':
      return `gift:${step.gift.gift.code}`;
    case 'humanTouch':
      return `humanTouch:${step.flags.map((f) => f.flag).join('+')}`;
    case 'boxes':
      return `boxes:${step.parcel.shipping?.boxCount ?? 1}`;
    case 'label':
      return `label:${step.box}/${step.boxes}`;
    case 'complete':
      return 'complete';
  }
}

/** Runs actions in order; returns the step after each, starting with the step before the first. */
function stepsThrough(ctx: PackContext, actions: PackAction[], start: PackState = packFlow.initial) {
  let state = start;
  const steps = [describeStep(stepOf(state, ctx))];
  for (const action of actions) {
    const result = packFlow.apply(state, action, ctx);
    expect(result.feedback.tone, JSON.stringify(action)).not.toBe('error');
    state = result.next;
    steps.push(describeStep(stepOf(state, ctx)));
  }
  return { steps, state };
}

const scan = (text: string): PackAction => ({ type: 'scan', text });

describe('the pack step: the one thing to do now', () => {
  it('walks a gift parcel slip → items → inserts → gift → human-touch → complete → next slip', () => {
    const ctx = contextWith(giftParcel);
    const { steps } = stepsThrough(ctx, [
      scan('S0000002'),
      scan(LOTION_JAN),
      scan(LOTION_JAN),
      scan(CREAM_JAN),
      { type: 'confirmInsert', code: 'L05' },
      scan(THANKS_CARD_BARCODE),
      scan(BRAND_BOOK_BARCODE),
      { type: 'confirmGift' },
      { type: 'confirmHumanTouch' },
      { type: 'complete' },
    ]);
    expect(steps).toEqual([
      'slip:',
      'item:SKU-1:0/2:3',
      'item:SKU-1:1/2:2',
      'item:SKU-2:0/1:1',
      'insert:L05:3',
      'insert:L02:2',
      'insert:L01:1',
      'gift:N10',
      'humanTouch:FIRST_PURCHASE',
      'complete',
      'slip:S0000002',
    ]);
  });

  it('moves past what was done out of order: an insert scanned among the items is not asked for again', () => {
    const ctx = contextWith(giftParcel);
    const { steps } = stepsThrough(ctx, [scan('S0000002'), scan(CREAM_JAN), scan(BRAND_BOOK_BARCODE), scan(LOTION_JAN), scan(LOTION_JAN)]);
    expect(steps.slice(1)).toEqual(['item:SKU-1:0/2:3', 'item:SKU-1:0/2:2', 'item:SKU-1:0/2:2', 'item:SKU-1:1/2:1', 'insert:L05:2']);
  });

  it('goes from the last item straight to complete on a parcel with no insert, gift or flag', () => {
    const ctx = contextWith(plainParcel);
    const { steps } = stepsThrough(ctx, [scan('S0000003'), scan(CREAM_JAN)]);
    expect(steps).toEqual(['slip:', 'item:SKU-2:0/1:1', 'complete']);
  });

  it('asks for the boxes, then one label per box, before complete where the carrier asks for labels', () => {
    // 7DR: the first eleven digits mod 7 is the twelfth.
    const label = (eleven: string) => eleven + String(Number(BigInt(eleven) % 7n));
    const [first, second] = [label('12345678901'), label('12345678902')];
    const labelled = makeParcel({
      shipmentId: 'S0000004',
      lines: [{ productCode: 'SKU-2', qty: 1 }],
      shipping: { carrierId: 'yamato', service: '宅急便', boxCount: 2, labelScan: 'required', expectedTrackingNumbers: [first, second], boundTrackingNumbers: [], loadedTrackingNumbers: [] },
    });
    const ctx = contextWith(labelled);
    const { steps } = stepsThrough(ctx, [scan('S0000004'), scan(CREAM_JAN), { type: 'confirmBoxes', count: 2 }, scan(first), scan(second)]);
    expect(steps).toEqual(['slip:', 'item:SKU-2:0/1:1', 'boxes:2', 'label:1/2', 'label:2/2', 'complete']);
  });

  it('asks for the slip again when the parcel in hand is no longer on the device', () => {
    const state: PackState = {
      step: 'verifying',
      progress: { shipmentId: 'S0000009', startedAt: NOW, counts: {}, insertsConfirmed: [], giftConfirmed: false, humanTouchConfirmed: false },
    };
    expect(currentPackStep(state, null)).toEqual({ kind: 'slip', lastPacked: null });
  });

  it('is complete exactly when nothing is outstanding, at every point of a pack', () => {
    const ctx = contextWith(giftParcel);
    const actions: PackAction[] = [
      scan('S0000002'),
      { type: 'confirmHumanTouch' },
      scan(LOTION_JAN),
      { type: 'confirmGift' },
      scan(CREAM_JAN),
      scan(THANKS_CARD_BARCODE),
      scan(LOTION_JAN),
      { type: 'confirmInsert', code: 'L05' },
      scan(BRAND_BOOK_BARCODE),
    ];
    let state: PackState = packFlow.initial;
    for (const action of actions) {
      state = packFlow.apply(state, action, ctx).next;
      if (state.step !== 'verifying') throw new Error('the pack ended early');
      const resolved = resolveParcel(giftParcel, index);
      const outstanding = outstandingSteps(state.progress, resolved);
      expect(currentPackStep(state, resolved).kind === 'complete').toBe(outstanding.length === 0);
    }
  });
});
