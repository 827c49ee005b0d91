import { describe, expect, it } from 'vitest';
import { indexCatalogue } from '../../../src/shared/domain/catalogue-index.js';
import type { ParcelShipping } from '../../../src/shared/domain/carrier.js';
import type { Parcel } from '../../../src/shared/domain/parcel.js';
import { sevenDrCheckDigit } from '../../../src/shared/domain/tracking-number.js';
import { outstandingSteps, packFlow, type PackAction, type PackContext } from '../../../src/shared/flows/pack.js';
import { labelOwner } from '../../../src/shared/flows/pack-label.js';
import type { PackState } from '../../../src/shared/flows/pack-state.js';
import { resolveParcel } from '../../../src/shared/domain/resolve-parcel.js';
import { eventBodySchema } from '../../../src/shared/protocol/events.js';
import { gtinCheckDigit } from '../../../src/shared/scan/gtin.js';
import { catalogue, CREAM_JAN, index, makeParcel } from '../../helpers/fixtures/catalogue.js';

const NOW = '2026-12-03T10:00:00.000Z';
const yamato = (body: string) => body + String(sevenDrCheckDigit(body));
const MINE = yamato('44441375870');
const MINE_2 = yamato('44441375871');
const SOMEONE_ELSES = yamato('44441375879');
const scan = (text: string): PackAction => ({ type: 'scan', text });

function parcelWith(shipmentId: string, shipping: Partial<ParcelShipping> | null): Parcel {
  return makeParcel({
    shipmentId,
    lines: [{ productCode: 'SKU-2', qty: 1 }],
    ...(shipping && {
      shipping: { carrierId: 'yamato', service: '宅急便', boxCount: 1, labelScan: 'required', expectedTrackingNumbers: [], boundTrackingNumbers: [], loadedTrackingNumbers: [], ...shipping },
    }),
  });
}

function contextWith(...parcels: Parcel[]): PackContext {
  const byId = new Map(parcels.map((p) => [p.shipmentId, p]));
  return { index, findParcel: (id) => byId.get(id), now: NOW, labelOwner: (n) => labelOwner(parcels, n) };
}

function run(ctx: PackContext, actions: PackAction[], start: PackState = packFlow.initial) {
  const results = [];
  let state = start;
  for (const action of actions) {
    const result = packFlow.apply(state, action, ctx);
    results.push(result);
    state = result.next;
  }
  return { results, state, last: results[results.length - 1] };
}

/** Slip and contents done: the label step is what is left. */
const contentsDone = (id: string) => [scan(id), scan(CREAM_JAN)];

describe('pack flow: the label step (送り状照合)', () => {
  const expected = parcelWith('S0000010', { expectedTrackingNumbers: [MINE] });
  const ctx = contextWith(expected);

  it('after the contents, asks for the box count, then the label; a swapped label is refused loudly and records nothing', () => {
    const { state, results } = run(ctx, contentsDone('S0000010'));
    expect(results[1].feedback.message.key).toBe('pack.item.allDone');
    expect(packFlow.prompt(state, ctx)).toEqual({ key: 'pack.prompt.boxes', params: { boxes: 1 } });
    expect(state.step === 'verifying' && outstandingSteps(state.progress, resolveParcel(expected, index))).toEqual(['boxes']);
    const boxed = packFlow.apply(state, { type: 'confirmBoxes', count: 1 }, ctx).next;
    expect(packFlow.prompt(boxed, ctx)).toEqual({ key: 'pack.prompt.label', params: { box: 1, boxes: 1 } });
    const swapped = packFlow.apply(boxed, scan(`a${SOMEONE_ELSES}a`), ctx);
    expect(swapped).toMatchObject({ changed: false, events: [], next: boxed, feedback: { tone: 'error', message: { key: 'pack.label.wrong' } } });
    // Completing is still refused: the label step is not done.
    expect(packFlow.apply(boxed, { type: 'complete' }, ctx).feedback).toMatchObject({ tone: 'error', message: { key: 'pack.complete.notReady' } });
  });

  it('the right label completes the pack with the box count and the label in the same parcel.packed', () => {
    const { last, results } = run(ctx, [...contentsDone('S0000010'), { type: 'confirmBoxes', count: 1 }, scan(`a${MINE.slice(0, 4)}-${MINE.slice(4, 8)}-${MINE.slice(8)}a`), { type: 'complete' }]);
    expect(results[3].feedback.message.key).toBe('pack.label.allDone');
    expect(last.events).toHaveLength(1);
    const [event] = last.events;
    expect(event).toMatchObject({ type: 'parcel.packed', payload: { shipmentId: 'S0000010', boxCount: 1, labels: [{ box: 1, trackingNumber: MINE }] } });
    expect(eventBodySchema.safeParse(event).success).toBe(true);
    const [local] = packFlow.localParcels!(last.events, results[3].next, ctx, { staffName: '佐藤', deviceName: 'pack-01', at: NOW });
    expect(local).toMatchObject({ status: 'packed', shipping: { boundTrackingNumbers: [MINE] } });
  });

  it('with no imported number, binds a valid number of the carrier, one per box, and refuses the same label twice', () => {
    const onDemand = parcelWith('S0000011', { boxCount: 2 });
    const c = contextWith(onDemand);
    const { results, last } = run(c, [...contentsDone('S0000011'), { type: 'confirmBoxes', count: 2 }, scan(MINE), scan(MINE), scan(MINE_2), { type: 'complete' }]);
    expect(results[4].feedback).toMatchObject({ tone: 'error', message: { key: 'pack.label.same' } });
    expect(results[4].changed).toBe(false);
    expect(last.events[0]).toMatchObject({ payload: { boxCount: 2, labels: [{ box: 1, trackingNumber: MINE }, { box: 2, trackingNumber: MINE_2 }] } });
  });

  it.each([
    ['a label known for another parcel on this device', [parcelWith('S0000012', {}), parcelWith('S0000099', { boundTrackingNumbers: [MINE] })], scan(MINE), 'pack.label.wrong'],
    ['a label before the box count', [parcelWith('S0000012', {})], scan(MINE), 'pack.label.boxesFirst'],
    ['a third label on two boxes', [parcelWith('S0000012', {})], null, 'pack.label.tooMany'],
  ] as const)('refuses %s', (_what, parcels, action, key) => {
    const c = contextWith(...parcels);
    const lead: PackAction[] = action ? [...contentsDone('S0000012'), ...(key === 'pack.label.boxesFirst' ? [] : [{ type: 'confirmBoxes', count: 1 } as const])] : [...contentsDone('S0000012'), { type: 'confirmBoxes', count: 2 }, scan(MINE), scan(MINE_2)];
    const { last } = run(c, [...lead, action ?? scan(yamato('44441375872'))]);
    expect(last).toMatchObject({ changed: false, events: [], feedback: { tone: 'error', message: { key } } });
  });

  it('refuses a label scanned before the contents are done', () => {
    const { last } = run(ctx, [scan('S0000010'), scan(MINE)]);
    expect(last.feedback).toMatchObject({ tone: 'error', message: { key: 'pack.label.notYet' } });
  });

  it('never takes a catalogue item for a label, even one whose barcode passes the carrier check digit', () => {
    // A UPC-A that is also a valid 7DR number, on a product of this catalogue.
    let body = 10000000000;
    while (gtinCheckDigit(String(body)) !== sevenDrCheckDigit(String(body))) body += 1;
    const upc = String(body) + String(gtinCheckDigit(String(body)));
    const idx = indexCatalogue({ ...catalogue, products: [...catalogue.products, { code: 'SKU-9', name: '輸入品', barcodes: [upc], location: 'D-01-01-2' }] });
    const p = makeParcel({ shipmentId: 'S0000013', lines: [{ productCode: 'SKU-9', qty: 1 }], shipping: parcelWith('x', {}).shipping });
    const c: PackContext = { ...contextWith(p), index: idx };
    const { results } = run(c, [scan('S0000013'), scan(upc), { type: 'confirmBoxes', count: 1 }, scan(upc)]);
    expect(results[1].feedback.message.key).toBe('pack.item.allDone');
    expect(results[3].feedback).toMatchObject({ tone: 'error', message: { key: 'pack.item.over' } });
  });

  it('optional: the packer may skip; required: cannot; off or no shipping data: no label step at all', () => {
    const optional = contextWith(parcelWith('S0000014', { labelScan: 'optional' }));
    const skipped = run(optional, [...contentsDone('S0000014'), { type: 'skipLabels' }, { type: 'complete' }]);
    expect(skipped.results[2].feedback).toMatchObject({ tone: 'warning', message: { key: 'pack.label.skipped' } });
    expect(skipped.last.events[0]).toMatchObject({ type: 'parcel.packed' });
    expect(skipped.last.events[0].type === 'parcel.packed' && skipped.last.events[0].payload.labels).toBeUndefined();
    const required = run(ctx, [...contentsDone('S0000010'), { type: 'skipLabels' }]);
    expect(required.last.feedback).toMatchObject({ tone: 'error', message: { key: 'pack.label.required' } });
    for (const p of [parcelWith('S0000015', { labelScan: 'off' }), parcelWith('S0000016', null)]) {
      const done = run(contextWith(p), [...contentsDone(p.shipmentId), { type: 'complete' }]);
      expect(done.last.feedback.tone).toBe('complete');
      expect(done.last.events[0].type === 'parcel.packed' && 'boxCount' in done.last.events[0].payload).toBe(false);
    }
  });

  it('the box count can be corrected, never below the labels already scanned', () => {
    const onDemand = contextWith(parcelWith('S0000017', { boxCount: 3 }));
    const { results, state } = run(onDemand, [...contentsDone('S0000017'), { type: 'confirmBoxes', count: 3 }, scan(MINE), scan(MINE_2), { type: 'confirmBoxes', count: 1 }, { type: 'confirmBoxes', count: 2 }]);
    expect(results[5].feedback).toMatchObject({ tone: 'error', message: { key: 'pack.boxes.invalid' } });
    expect(state.step === 'verifying' && state.progress.boxCount).toBe(2);
    expect(packFlow.apply(state, { type: 'complete' }, onDemand).events).toHaveLength(1);
  });
});
