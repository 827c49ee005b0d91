import { describe, expect, it } from 'vitest';
import type { Parcel } from '../../../src/shared/domain/parcel.js';
import { outstandingSteps, packFlow, type PackAction, type PackContext } from '../../../src/shared/flows/pack.js';
import type { PackState } from '../../../src/shared/flows/pack-state.js';
import { resolveParcel } from '../../../src/shared/domain/resolve-parcel.js';
import { BALM_JAN, BRAND_BOOK_BARCODE, CREAM_JAN, index, LOTION_JAN, makeParcel, THANKS_CARD_BARCODE, UNKNOWN_JAN, US_SOAP_UPC } from '../../helpers/fixtures/catalogue.js';

const NOW = '2026-11-24T09:00:00.000Z';

/** A gift parcel with a first-purchase flag: 2 lotions + 1 cream, noshi N10, sample without barcode. */
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

function contextWith(...parcels: Parcel[]): PackContext {
  const byId = new Map(parcels.map((p) => [p.shipmentId, p]));
  return { index, findParcel: (id) => byId.get(id), now: NOW };
}

/** Runs actions in order and returns every result. */
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

const scan = (text: string): PackAction => ({ type: 'scan', text });

describe('pack flow: the slip', () => {
  const ctx = contextWith(
    giftParcel,
    makeParcel({ shipmentId: 'S0000006', status: 'held', holdReason: '前日注文キャンセル' }),
    makeParcel({ shipmentId: 'S0000007', giftCode: 'X99' }),
    makeParcel({ shipmentId: 'S0000008', status: 'packed', packedBy: { staffName: '鈴木', deviceName: 'pack-02', at: '2026-11-24T08:00:00Z' } }),
  );

  it.each([
    { name: 'an unknown slip', text: 'S9999999', key: 'pack.slip.unknown' },
    { name: 'a held parcel', text: 'S0000006', key: 'pack.slip.held' },
    { name: 'an unknown gift code', text: 'S0000007', key: 'pack.slip.giftUnknown' },
    { name: 'a parcel already packed', text: 'S0000008', key: 'pack.slip.packed' },
    { name: 'an item before any slip', text: LOTION_JAN, key: 'pack.item.noParcel' },
    { name: 'a misread barcode', text: '4912345100011', key: 'scan.misread' },
  ])('refuses $name with its own error and records nothing', ({ text, key }) => {
    const result = packFlow.apply(packFlow.initial, scan(text), ctx);
    expect(result.feedback.tone).toBe('error');
    expect(result.feedback.message.key).toBe(key);
    expect(result.changed).toBe(false);
    expect(result.events).toEqual([]);
    expect(result.next).toBe(packFlow.initial);
  });

  it('names the hold reason and who packed a parcel first', () => {
    expect(packFlow.apply(packFlow.initial, scan('S0000006'), ctx).feedback.message.params).toMatchObject({ reason: '前日注文キャンセル' });
    expect(packFlow.apply(packFlow.initial, scan('S0000008'), ctx).feedback.message.params).toMatchObject({ staff: '鈴木', device: 'pack-02' });
  });

  it('opens a known parcel with nothing verified yet', () => {
    const result = packFlow.apply(packFlow.initial, scan('S0000002'), ctx);
    expect(result.feedback).toMatchObject({ tone: 'ok', message: { key: 'pack.slip.ok', params: { units: 3 } } });
    expect(result.next).toEqual({
      step: 'verifying',
      progress: { shipmentId: 'S0000002', startedAt: NOW, counts: {}, insertsConfirmed: [], giftConfirmed: false, humanTouchConfirmed: false },
    });
  });
});

describe('pack flow: the items', () => {
  const ctx = contextWith(giftParcel, makeParcel({ shipmentId: 'S0000003' }));
  const opened = packFlow.apply(packFlow.initial, scan('S0000002'), ctx).next;

  it('ticks one unit per correct scan', () => {
    const { results, state } = run(ctx, [scan(LOTION_JAN), scan(LOTION_JAN), scan(CREAM_JAN)], opened);
    expect(results.map((r) => r.feedback.message.key)).toEqual(['pack.item.ok', 'pack.item.lineDone', 'pack.item.allDone']);
    expect(results.every((r) => r.feedback.tone === 'ok' && r.changed)).toBe(true);
    expect(state.step === 'verifying' && state.progress.counts).toEqual({ 'SKU-1': 2, 'SKU-2': 1 });
  });

  it.each([
    { name: 'a wrong item', text: BALM_JAN, key: 'pack.item.wrong' },
    { name: 'an unknown barcode', text: UNKNOWN_JAN, key: 'pack.item.unknown' },
    { name: 'a misread', text: LOTION_JAN.slice(0, -1) + String((Number(LOTION_JAN.at(-1)) + 1) % 10), key: 'scan.misread' },
    { name: 'another slip mid-parcel', text: 'S0000003', key: 'pack.slip.otherInProgress' },
  ])('refuses $name and verifies nothing', ({ text, key }) => {
    const result = packFlow.apply(opened, scan(text), ctx);
    expect(result.feedback).toMatchObject({ tone: 'error', message: { key } });
    expect(result.changed).toBe(false);
    expect(result.next).toBe(opened);
  });

  it('refuses an over-scan and keeps the count at the expected quantity', () => {
    const { last, state } = run(ctx, [scan(CREAM_JAN), scan(CREAM_JAN)], opened);
    expect(last.feedback).toMatchObject({ tone: 'error', message: { key: 'pack.item.over', params: { qty: 1 } } });
    expect(state.step === 'verifying' && state.progress.counts['SKU-2']).toBe(1);
  });

  it('refuses the barcode of an insert the parcel does not take', () => {
    const plain = makeParcel({ shipmentId: 'S0000003' });
    const ctxPlain = contextWith(plain);
    const open = packFlow.apply(packFlow.initial, scan('S0000003'), ctxPlain).next;
    // Brand book is not on this parcel: no order insert, no flag.
    expect(packFlow.apply(open, scan(BRAND_BOOK_BARCODE), ctxPlain).feedback).toMatchObject({ tone: 'error', message: { key: 'pack.insert.wrong' } });
  });

  it('accepts the UPC-A form of a product stored as EAN-13', () => {
    const upcCtx = contextWith(makeParcel({ shipmentId: 'S0000012', lines: [{ productCode: 'SKU-5', qty: 1 }] }));
    const open = packFlow.apply(packFlow.initial, scan('S0000012'), upcCtx).next;
    expect(packFlow.apply(open, scan(US_SOAP_UPC), upcCtx).feedback).toMatchObject({ tone: 'ok', message: { key: 'pack.item.allDone' } });
  });
});

describe('pack flow: inserts, gift, human touch, completion', () => {
  const ctx = contextWith(giftParcel);
  const opened = packFlow.apply(packFlow.initial, scan('S0000002'), ctx).next;
  const allItems = [scan(LOTION_JAN), scan(LOTION_JAN), scan(CREAM_JAN)];

  it('confirms a barcoded insert by scan, a barcode-less one by tap, and warns on a repeat', () => {
    const { results } = run(ctx, [scan(THANKS_CARD_BARCODE), { type: 'confirmInsert', code: 'L05' }, scan(THANKS_CARD_BARCODE)], opened);
    expect(results.map((r) => [r.feedback.tone, r.feedback.message.key])).toEqual([
      ['ok', 'pack.insert.ok'],
      ['ok', 'pack.insert.ok'],
      ['warning', 'pack.insert.already'],
    ]);
  });

  it('cannot complete until items, inserts, gift and human-touch are all confirmed', () => {
    const resolved = resolveParcel(giftParcel, index);
    const { state, last } = run(ctx, [...allItems, { type: 'complete' }], opened);
    expect(last.feedback).toMatchObject({ tone: 'error', message: { key: 'pack.complete.notReady', params: { remaining: 5 } } });
    expect(last.events).toEqual([]);
    expect(state.step === 'verifying' && outstandingSteps(state.progress, resolved)).toEqual(['insert:L05', 'insert:L02', 'insert:L01', 'gift', 'humanTouch']);
  });

  it('records exactly one parcel.packed event on completion and returns to the slip prompt', () => {
    const { last, state } = run(ctx, [
      ...allItems,
      { type: 'confirmInsert', code: 'L05' },
      scan(THANKS_CARD_BARCODE),
      scan(BRAND_BOOK_BARCODE),
      { type: 'confirmGift' },
      { type: 'confirmHumanTouch' },
      { type: 'complete' },
    ], opened);
    expect(last.feedback.tone).toBe('complete');
    expect(last.events).toEqual([
      {
        type: 'parcel.packed',
        payload: {
          shipmentId: 'S0000002',
          startedAt: NOW,
          items: [
            { productCode: 'SKU-1', qty: 2 },
            { productCode: 'SKU-2', qty: 1 },
          ],
          insertCodes: ['L05', 'L02', 'L01'],
          giftCode: 'N10',
          flags: ['FIRST_PURCHASE'],
        },
      },
    ]);
    expect(state).toEqual({ step: 'awaitSlip', lastPacked: 'S0000002' });
  });

  it('completes when the packer scans the same slip again once everything is confirmed, and warns before that', () => {
    const early = run(ctx, [...allItems, scan('S0000002')], opened).last;
    expect(early.feedback).toMatchObject({ tone: 'warning', message: { key: 'pack.complete.notReady' } });
    const single = makeParcel({ shipmentId: 'S0000010' });
    const ctxSingle = contextWith(single);
    const { last } = run(ctxSingle, [scan('S0000010'), scan(LOTION_JAN), scan('S0000010')]);
    expect(last.feedback.tone).toBe('complete');
    expect(last.events).toHaveLength(1);
  });

  it('refuses to complete a parcel held after its slip was scanned', () => {
    const { state } = run(ctx, [...allItems, { type: 'confirmInsert', code: 'L05' }, scan(THANKS_CARD_BARCODE), scan(BRAND_BOOK_BARCODE), { type: 'confirmGift' }, { type: 'confirmHumanTouch' }], opened);
    const heldNow = contextWith({ ...giftParcel, status: 'held', holdReason: '不正チェック' });
    const result = packFlow.apply(state, { type: 'complete' }, heldNow);
    expect(result.feedback).toMatchObject({ tone: 'error', message: { key: 'pack.slip.held', params: { reason: '不正チェック' } } });
    expect(result.events).toEqual([]);
  });

  it('cancel drops the parcel in hand without an event', () => {
    const { last } = run(ctx, [scan(LOTION_JAN), { type: 'cancel' }], opened);
    expect(last.next).toEqual({ step: 'awaitSlip', lastPacked: null });
    expect(last.events).toEqual([]);
  });

  it('refuses gift and human-touch confirmations on a parcel that has neither', () => {
    const plainCtx = contextWith(makeParcel({ shipmentId: 'S0000011' }));
    const open = packFlow.apply(packFlow.initial, scan('S0000011'), plainCtx).next;
    expect(packFlow.apply(open, { type: 'confirmGift' }, plainCtx).changed).toBe(false);
    expect(packFlow.apply(open, { type: 'confirmHumanTouch' }, plainCtx).changed).toBe(false);
  });
});

describe('pack flow: what it asks for and what it changes on the device', () => {
  const ctx = contextWith(giftParcel);
  const by = { staffName: '佐藤', deviceName: 'pack-01', at: NOW };

  it('asks for the slip, then for the items', () => {
    expect(packFlow.prompt(packFlow.initial, ctx).key).toBe('pack.prompt.slip');
    expect(packFlow.prompt(packFlow.apply(packFlow.initial, scan('S0000002'), ctx).next, ctx).key).toBe('pack.prompt.items');
  });

  it('marks the completed parcel packed on the device, naming who packed it where and when', () => {
    const { last, results } = run(ctx, [
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
    expect(last.events.map((e) => e.type)).toEqual(['parcel.packed']);
    const before = results[results.length - 2].next;
    expect(packFlow.localParcels!(last.events, before, ctx, by)).toEqual([{ ...giftParcel, status: 'packed', packedBy: by }]);
    expect(packFlow.localParcels!([], before, ctx, by)).toEqual([]);
  });
});
