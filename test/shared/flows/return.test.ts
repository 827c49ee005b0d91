import { describe, expect, it } from 'vitest';
import { indexCatalogue } from '../../../src/shared/domain/catalogue-index.js';
import type { Parcel } from '../../../src/shared/domain/parcel.js';
import { returnFlow, firstReturnOf, missingUnits, returnInstructionOf, type ReturnAction, type ReturnContext } from '../../../src/shared/flows/return.js';
import type { ReturnState } from '../../../src/shared/flows/return-state.js';
import { returnReceivedPayloadSchema } from '../../../src/shared/protocol/events.js';
import { BALM_JAN, catalogue, CREAM_JAN, LOTION_JAN, makeParcel, UNKNOWN_JAN } from '../../helpers/fixtures/catalogue.js';

const NOW = '2026-11-30T09:00:00.000Z';
const index = indexCatalogue({
  ...catalogue,
  returnReasons: [
    { code: 'SIZE', label: 'サイズ違い', labelEn: 'Wrong size', sortOrder: 1 },
    { code: 'DEFECT', label: '不良品', labelEn: 'Defective', sortOrder: 3 },
  ],
});

/** A shipped parcel: 2 lotions + 1 cream, customer with no return yet. */
const shipped = makeParcel({
  shipmentId: 'S0000020',
  orderNumber: '202611300001',
  status: 'shipped',
  customerReturnCount: 0,
  lines: [
    { productCode: 'SKU-1', qty: 2 },
    { productCode: 'SKU-2', qty: 1 },
  ],
});

function contextWith(parcels: Parcel[], returned: string[] = []): ReturnContext {
  const byId = new Map(parcels.map((p) => [p.shipmentId, p]));
  return {
    index,
    findParcel: (id) => byId.get(id),
    findParcelByOrder: (order) => parcels.find((p) => p.orderNumber === order),
    alreadyReturned: (id) => returned.includes(id),
    now: NOW,
  };
}

function run(ctx: ReturnContext, actions: ReturnAction[], start: ReturnState = returnFlow.initial) {
  const results = [];
  let state = start;
  for (const action of actions) {
    const result = returnFlow.apply(state, action, ctx);
    results.push(result);
    state = result.next;
  }
  return { results, state, last: results[results.length - 1] };
}

const scan = (text: string): ReturnAction => ({ type: 'scan', text });

describe('return flow: finding the parcel', () => {
  const ctx = contextWith(
    [shipped, makeParcel({ shipmentId: 'S0000021', status: 'released' }), makeParcel({ shipmentId: 'S0000022', status: 'packed' })],
    ['S0000022'],
  );

  it.each([
    { name: 'a slip the device does not hold', action: scan('S9999999'), key: 'return.slip.unknown' },
    { name: 'a parcel that never left', action: scan('S0000021'), key: 'return.slip.notShipped' },
    { name: 'a parcel this device already received back', action: scan('S0000022'), key: 'return.slip.already' },
    { name: 'an item before any slip', action: scan(LOTION_JAN), key: 'return.item.noParcel' },
    { name: 'a misread', action: scan(LOTION_JAN.slice(0, -1) + String((Number(LOTION_JAN.at(-1)) + 1) % 10)), key: 'scan.misread' },
    { name: 'an order number that is not one', action: { type: 'openByOrder', orderNumber: 'x' } as ReturnAction, key: 'return.order.invalid' },
    { name: 'saving with nothing open', action: { type: 'save' } as ReturnAction, key: 'return.item.noParcel' },
  ])('refuses $name and records nothing', ({ action, key }) => {
    const result = returnFlow.apply(returnFlow.initial, action, ctx);
    expect(result).toMatchObject({ changed: false, events: [], feedback: { tone: 'error', message: { key } } });
    expect(result.next).toBe(returnFlow.initial);
  });

  it('opens a shipped parcel by slip, by search pick and by its order number, all the same way', () => {
    const bySlip = returnFlow.apply(returnFlow.initial, scan('S0000020'), ctx);
    expect(bySlip.feedback).toMatchObject({ tone: 'ok', message: { key: 'return.slip.ok', params: { units: 3 } } });
    expect(bySlip.next).toEqual({
      step: 'receiving',
      progress: { shipmentId: 'S0000020', orderNumber: '202611300001', startedAt: NOW, units: [], unexpected: [], note: '' },
    });
    expect(returnFlow.apply(returnFlow.initial, { type: 'open', shipmentId: 'S0000020' }, ctx).next).toEqual(bySlip.next);
    expect(returnFlow.apply(returnFlow.initial, { type: 'openByOrder', orderNumber: ' 202611300001 ' }, ctx).next).toEqual(bySlip.next);
  });

  it('logs an order the device does not hold by its number, to be resolved on sync', () => {
    const result = returnFlow.apply(returnFlow.initial, { type: 'openByOrder', orderNumber: '202611309999' }, ctx);
    expect(result.feedback).toMatchObject({ tone: 'warning', message: { key: 'return.order.offline' } });
    expect(result.next).toMatchObject({ step: 'receiving', progress: { shipmentId: null, orderNumber: '202611309999' } });
  });

  it('shows the first-return flag only while the customer has no return yet', () => {
    expect(firstReturnOf(shipped, index)?.rule?.instruction).toBe('お詫びの一筆を添える');
    expect(firstReturnOf({ ...shipped, customerReturnCount: 1 }, index)).toBeNull();
    expect(firstReturnOf({ ...shipped, customerReturnCount: undefined }, index)).toBeNull();
  });
});

describe('return flow: confirming items', () => {
  const ctx = contextWith([shipped]);
  const opened = returnFlow.apply(returnFlow.initial, scan('S0000020'), ctx).next;

  it('confirms each unit of the parcel by scan, and lists what did not come back as missing', () => {
    const { results, state } = run(ctx, [scan(LOTION_JAN), scan(CREAM_JAN)], opened);
    expect(results.map((r) => [r.feedback.tone, r.feedback.message.key])).toEqual([
      ['ok', 'return.item.ok'],
      ['ok', 'return.item.ok'],
    ]);
    expect(state.step === 'receiving' && missingUnits(state.progress, shipped)).toEqual(new Map([['SKU-1', 1]]));
  });

  it.each([
    { name: 'a product the parcel never held', text: BALM_JAN, key: 'return.item.unexpected', code: BALM_JAN, productCode: 'SKU-3' },
    { name: 'an unknown barcode', text: UNKNOWN_JAN, key: 'return.item.unknown', code: UNKNOWN_JAN, productCode: null },
  ])('flags $name as unexpected (recorded, with a warning)', ({ text, key, code, productCode }) => {
    const result = returnFlow.apply(opened, scan(text), ctx);
    expect(result.feedback).toMatchObject({ tone: 'warning', message: { key } });
    expect(result.next.step === 'receiving' && result.next.progress.unexpected).toEqual([{ code, productCode, qty: 1 }]);
  });

  it('flags one unit more than was shipped as unexpected', () => {
    const { last, state } = run(ctx, [scan(CREAM_JAN), scan(CREAM_JAN)], opened);
    expect(last.feedback).toMatchObject({ tone: 'warning', message: { key: 'return.item.over', params: { qty: 1 } } });
    expect(state.step === 'receiving' && [state.progress.units.length, state.progress.unexpected]).toEqual([1, [{ code: CREAM_JAN, productCode: 'SKU-2', qty: 1 }]]);
  });

  it.each([
    { name: 'another slip', action: scan('S0000021'), key: 'return.slip.otherInProgress' },
    { name: 'a misread', action: scan('4912345100011'), key: 'scan.misread' },
    { name: 'a reason not in the catalogue', action: { type: 'setReason', unit: 0, reasonCode: 'NOPE' } as ReturnAction, key: 'return.save.reasonUnknown' },
    { name: 'an edit of a unit that does not exist', action: { type: 'setCondition', unit: 5, condition: 'opened' } as ReturnAction, key: 'return.item.noParcel' },
  ])('refuses $name mid-receipt', ({ action, key }) => {
    const withUnit = returnFlow.apply(opened, scan(LOTION_JAN), ctx).next;
    const result = returnFlow.apply(withUnit, action, ctx);
    expect(result).toMatchObject({ changed: false, feedback: { tone: 'error', message: { key } } });
  });

  it('starts each new unit with the reason of the unit before it', () => {
    const { state } = run(ctx, [scan(LOTION_JAN), { type: 'setReason', unit: 0, reasonCode: 'SIZE' }, scan(LOTION_JAN)], opened);
    expect(state.step === 'receiving' && state.progress.units.map((u) => u.reasonCode)).toEqual(['SIZE', 'SIZE']);
  });
});

describe('return flow: saving', () => {
  const ctx = contextWith([shipped]);
  const opened = returnFlow.apply(returnFlow.initial, scan('S0000020'), ctx).next;

  it('refuses to save an empty receipt or one with a unit without reason', () => {
    expect(returnFlow.apply(opened, { type: 'save' }, ctx).feedback.message.key).toBe('return.save.empty');
    const { last } = run(ctx, [scan(LOTION_JAN), { type: 'save' }], opened);
    expect(last).toMatchObject({ changed: false, events: [], feedback: { tone: 'error', message: { key: 'return.save.reasonMissing', params: { remaining: 1 } } } });
  });

  it('records one return.received with each condition, the missing items and the note, and goes back to the slip prompt', () => {
    const { last, state } = run(ctx, [
      scan(LOTION_JAN),
      { type: 'setCondition', unit: 0, condition: 'opened' },
      { type: 'setReason', unit: 0, reasonCode: 'DEFECT' },
      { type: 'setUnitNote', unit: 0, note: 'ポンプ破損' },
      scan(BALM_JAN),
      { type: 'setNote', note: ' 箱つぶれ ' },
      { type: 'save' },
    ], opened);
    expect(last.feedback).toMatchObject({ tone: 'complete', message: { key: 'return.save.ok', params: { id: 'S0000020', missing: 2 } } });
    expect(last.events).toEqual([
      {
        type: 'return.received',
        payload: {
          shipmentId: 'S0000020',
          orderNumber: '202611300001',
          startedAt: NOW,
          items: [
            { productCode: 'SKU-1', qty: 1, condition: 'opened', reasonCode: 'DEFECT', note: 'ポンプ破損' },
            { productCode: 'SKU-1', qty: 1, condition: 'missing', reasonCode: null },
            { productCode: 'SKU-2', qty: 1, condition: 'missing', reasonCode: null },
          ],
          unexpectedItems: [{ code: BALM_JAN, productCode: 'SKU-3', qty: 1 }],
          note: '箱つぶれ',
        },
      },
    ]);
    expect(returnReceivedPayloadSchema.safeParse(last.events[0].payload).success).toBe(true);
    expect(state).toEqual({ step: 'find', lastSaved: 'S0000020' });
  });

  it('groups units of one product in the same condition and reason', () => {
    const { last } = run(ctx, [scan(LOTION_JAN), { type: 'setReason', unit: 0, reasonCode: 'SIZE' }, scan(LOTION_JAN), scan(CREAM_JAN), { type: 'save' }], opened);
    expect(last.events[0].type === 'return.received' && last.events[0].payload.items).toEqual([
      { productCode: 'SKU-1', qty: 2, condition: 'unopened', reasonCode: 'SIZE' },
      { productCode: 'SKU-2', qty: 1, condition: 'unopened', reasonCode: 'SIZE' },
    ]);
  });

  it('saves an order-number receipt with what was scanned and no missing list (the server knows the lines)', () => {
    const byOrder = returnFlow.apply(returnFlow.initial, { type: 'openByOrder', orderNumber: '202611309999' }, ctx).next;
    const { last } = run(ctx, [scan(CREAM_JAN), { type: 'setReason', unit: 0, reasonCode: 'SIZE' }, { type: 'save' }], byOrder);
    expect(last.events[0].payload).toMatchObject({ shipmentId: null, orderNumber: '202611309999', items: [{ productCode: 'SKU-2', qty: 1, condition: 'unopened' }] });
  });

  it('cancel drops the receipt without an event; removing a unit undoes its scan', () => {
    const { results } = run(ctx, [scan(LOTION_JAN), { type: 'removeUnit', unit: 0 }, { type: 'cancel' }], opened);
    expect(results[1].next.step === 'receiving' && results[1].next.progress.units).toEqual([]);
    expect(results[2].next).toEqual({ step: 'find', lastSaved: null });
    expect(results.flatMap((r) => r.events)).toEqual([]);
  });
});

describe('return.received payload', () => {
  const base = { shipmentId: 'S0000020', orderNumber: '202611300001', startedAt: NOW, unexpectedItems: [], note: null };
  it.each([
    { name: 'only missing items', items: [{ productCode: 'SKU-1', qty: 1, condition: 'missing', reasonCode: null }], ok: false },
    { name: 'an arrived item without reason', items: [{ productCode: 'SKU-1', qty: 1, condition: 'opened', reasonCode: null }], ok: false },
    { name: 'an arrived item with a reason', items: [{ productCode: 'SKU-1', qty: 1, condition: 'damaged', reasonCode: 'DEFECT' }], ok: true },
  ])('accepts or refuses $name', ({ items, ok }) => {
    expect(returnReceivedPayloadSchema.safeParse({ ...base, items }).success).toBe(ok);
  });
});

describe('return flow: what it asks for, and a scan that is not an item', () => {
  const ctx = contextWith([shipped]);
  const opened = returnFlow.apply(returnFlow.initial, scan('S0000020'), ctx).next;

  it('asks for the parcel, then for the returned items', () => {
    expect(returnFlow.prompt(returnFlow.initial, ctx).key).toBe('return.prompt.slip');
    expect(returnFlow.prompt(opened, ctx).key).toBe('return.prompt.items');
  });

  it.each(['ST001', 'A-01-03-2', 'INS-L02'])('refuses %s while receiving with a returns message, not a packing one', (text) => {
    const result = returnFlow.apply(opened, scan(text), ctx);
    expect(result).toMatchObject({ changed: false, events: [], feedback: { tone: 'error', message: { key: 'return.item.notItem' } } });
  });
});

describe('return flow: nothing saved that could never be sent', () => {
  const big = makeParcel({ shipmentId: 'S0000030', orderNumber: '202611300030', status: 'shipped', lines: [{ productCode: 'SKU-1', qty: 60 }] });
  const ctx = contextWith([big]);

  it('refuses a code too long to record (a long QR code) and records nothing of it', () => {
    const { last, state } = run(ctx, [scan('S0000030'), scan('Q'.repeat(201))]);
    expect(last).toMatchObject({ changed: false, feedback: { tone: 'error', message: { key: 'return.item.codeTooLong', params: { max: 200 } } } });
    expect(state.step === 'receiving' && state.progress.unexpected).toEqual([]);
  });

  it('refuses to save a receipt too big for one event, and saves it once the notes are shorter', () => {
    const units = 45;
    const actions: ReturnAction[] = [scan('S0000030')];
    for (let i = 0; i < units; i++) actions.push(scan(LOTION_JAN));
    // A different 500-character Japanese note on every unit: each becomes its own line of the event.
    for (let i = 0; i < units; i++) actions.push({ type: 'setReason', unit: i, reasonCode: 'SIZE' }, { type: 'setUnitNote', unit: i, note: `${i}`.padEnd(500, '箱') });
    const tooBig = run(ctx, [...actions, { type: 'save' }]);
    expect(tooBig.last).toMatchObject({ changed: false, events: [], feedback: { tone: 'error', message: { key: 'return.save.tooBig' } } });

    const shorter = run(ctx, [{ type: 'setUnitNote', unit: 0, note: '' }, ...Array.from({ length: units }, (_, i) => ({ type: 'setUnitNote', unit: i, note: `${i}`.padEnd(100, '箱') }) as ReturnAction), { type: 'save' }], tooBig.state);
    expect(shorter.last.changed).toBe(true);
    const [event] = shorter.last.events;
    expect(returnReceivedPayloadSchema.safeParse(event.payload).success).toBe(true);
  });
});

describe('the returns bench instruction of a human-touch rule', () => {
  const packing = { flag: 'FIRST_RETURN' as const, instruction: '緩衝材を多めに梱包', instructionEn: 'Pack with extra cushioning', insertCodes: [] };

  it('is the rule’s own returns instruction, in English when set and asked for, else in Japanese', () => {
    const rule = { ...packing, returnInstruction: '状態を確かめてメモ', returnInstructionEn: 'Check the condition and note it' };
    expect(returnInstructionOf(rule, false)).toBe('状態を確かめてメモ');
    expect(returnInstructionOf(rule, true)).toBe('Check the condition and note it');
    expect(returnInstructionOf({ ...rule, returnInstructionEn: null }, true)).toBe('状態を確かめてメモ');
  });

  it('is never the packing instruction: none when the rule has no returns instruction (the screen shows its default)', () => {
    expect(returnInstructionOf(packing, false)).toBeNull();
    expect(returnInstructionOf(packing, true)).toBeNull();
    expect(returnInstructionOf({ ...packing, returnInstruction: null, returnInstructionEn: null }, true)).toBeNull();
    expect(returnInstructionOf(null, false)).toBeNull();
  });
});
