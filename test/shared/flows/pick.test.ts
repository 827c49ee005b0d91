/** The pick flow's state table: claim, route order, location and item scans, keypad, short pick, drop. */
import { describe, expect, it } from 'vitest';
import { indexCatalogue } from '../../../src/shared/domain/catalogue-index.js';
import { currentStop, pickFlow, viewStops, type PickAction, type PickContext } from '../../../src/shared/flows/pick.js';
import type { PickState } from '../../../src/shared/flows/pick-state.js';
import type { PickBatch } from '../../../src/shared/protocol/pick.js';
import { compileLocationFormat } from '../../../src/shared/picking/location.js';
import { DEFAULT_PICK_SETTINGS, type PickSettings } from '../../../src/shared/picking/pick-settings.js';
import { DEMO_CATALOGUE, DEMO_PARCELS, DEMO_PRODUCTS, DEMO_SCENARIOS } from '../../../src/server/demo/demo-data.js';

const index = indexCatalogue(DEMO_CATALOGUE);
const jan = (code: string) => DEMO_PRODUCTS.find((p) => p.code === code)!.barcodes[0];
const locationOf = (code: string) => DEMO_PRODUCTS.find((p) => p.code === code)!.location;
const S = DEMO_SCENARIOS;
const batch: PickBatch = {
  batchId: 'B-multi',
  shape: 'multi',
  insertCodes: ['L04'],
  giftCode: null,
  shipmentIds: [S.pickMultiTopRank, S.pickMultiFirstPurchase, S.pickMultiNewest],
  status: 'open',
  claimedBy: null,
  createdAt: '2026-11-24T08:00:00Z',
};

function context(settings: Partial<PickSettings> = {}, batches: PickBatch[] = [batch]): PickContext {
  const s = { ...DEFAULT_PICK_SETTINGS, ...settings };
  return {
    index,
    findParcel: (id) => DEMO_PARCELS.find((p) => p.shipmentId === id),
    findBatch: (id) => batches.find((b) => b.batchId === id),
    deviceId: 'dev-1',
    settings: s,
    format: compileLocationFormat(s.locationFormat),
    now: '2026-11-24T09:00:00Z',
  };
}

/** Runs actions in order, returning every result; throws if an action expected to change nothing did. */
function run(ctx: PickContext, ...actions: PickAction[]) {
  let state: PickState = pickFlow.initial;
  const results = actions.map((action) => {
    const result = pickFlow.apply(state, action, ctx);
    state = result.next;
    return result;
  });
  return { state, results, last: results[results.length - 1] };
}

const claimed = (ctx = context()) => run(ctx, { type: 'claim', batchId: 'B-multi' });

describe('pick flow', () => {
  it('claims a batch and lists one stop per product along the walking route, split per parcel slot', () => {
    const { state, last } = claimed();
    expect(last.events).toEqual([{ type: 'batch.claimed', payload: { batchId: 'B-multi', shipmentIds: batch.shipmentIds } }]);
    expect(last.feedback).toMatchObject({ tone: 'ok', message: { key: 'pick.batch.claimed', params: { parcels: 3, units: 7 } } });
    if (state.step !== 'picking') throw new Error('not picking');
    const stops = viewStops(state.progress, context());
    expect(stops.map((s) => [s.location, s.productCode, s.required])).toEqual([
      ['A-01-01-1', 'SKU-1006', 1],
      ['A-02-01-3', 'SKU-1004', 2],
      ['A-03-02-1', 'SKU-1009', 3],
      ['B-01-04-1', 'SKU-1002', 1],
    ]);
    const shared = stops[2].split;
    expect(shared.map((s) => [s.slot, s.shipmentId, s.qty, s.marked])).toEqual([
      [1, S.pickMultiTopRank, 1, true], // rank D: top rank
      [2, S.pickMultiFirstPurchase, 1, true], // first purchase: human touch
      [3, S.pickMultiNewest, 1, false],
    ]);
    expect(shared[0].topRank).toBe(true);
    expect(shared[1].flags).toEqual(['FIRST_PURCHASE']);
  });

  it('refuses a batch another device holds, naming the holder', () => {
    const taken = { ...batch, status: 'claimed' as const, claimedBy: { staffId: 'staff-002', staffName: '鈴木 健太', deviceId: 'dev-2', deviceName: 'pick-02', at: '2026-11-24T08:30:00Z' } };
    const { state, last } = run(context({}, [taken]), { type: 'claim', batchId: 'B-multi' });
    expect(state).toEqual(pickFlow.initial);
    expect(last).toMatchObject({ changed: false, events: [], feedback: { tone: 'error', message: { key: 'pick.batch.taken', params: { staff: '鈴木 健太', device: 'pick-02' } } } });
  });

  it('counts one unit per item scan, refuses a wrong item and a wrong location, and confirms the stop when full', () => {
    const ctx = context();
    const { state, results } = run(
      ctx,
      { type: 'claim', batchId: 'B-multi' },
      { type: 'scan', text: jan('SKU-1009') }, // an item of a later stop
      { type: 'scan', text: 'A-03-02-1' }, // a location of a later stop
      { type: 'scan', text: '4912345199990' }, // misread check digit
      { type: 'scan', text: locationOf('SKU-1006') },
      { type: 'scan', text: jan('SKU-1006') },
    );
    expect(results[1]).toMatchObject({ changed: false, feedback: { tone: 'error', message: { key: 'pick.item.wrong' } } });
    expect(results[2]).toMatchObject({ changed: false, feedback: { tone: 'error', message: { key: 'pick.location.wrong', params: { expected: 'A-01-01-1' } } } });
    expect(results[3].feedback.tone).toBe('error');
    expect(results[4]).toMatchObject({ changed: true, feedback: { tone: 'ok', message: { key: 'pick.location.ok' } } });
    expect(results[5].events).toEqual([
      { type: 'pick.confirmed', payload: { batchId: 'B-multi', productCode: 'SKU-1006', location: 'A-01-01-1', qty: 1, allocations: [{ shipmentId: S.pickMultiTopRank, qty: 1 }] } },
    ]);
    if (state.step !== 'picking') throw new Error('not picking');
    expect(currentStop(viewStops(state.progress, ctx))?.productCode).toBe('SKU-1004');
  });

  it('with the location scan required, refuses the item until the location label is scanned', () => {
    const ctx = context({ locationScan: 'required' });
    const { results } = run(ctx, { type: 'claim', batchId: 'B-multi' }, { type: 'scan', text: jan('SKU-1006') }, { type: 'scan', text: 'A-01-01-1' }, { type: 'scan', text: jan('SKU-1006') });
    expect(results[1].feedback.message).toMatchObject({ key: 'pick.location.first', params: { location: 'A-01-01-1' } });
    expect(results[3].events.map((e) => e.type)).toEqual(['pick.confirmed']);
  });

  it('with the location scan off, a location label is just an unknown code', () => {
    const { last } = run(context({ locationScan: 'off' }), { type: 'claim', batchId: 'B-multi' }, { type: 'scan', text: 'A-01-01-1' });
    expect(last.feedback.message.key).toBe('pick.item.unknown');
  });

  it('takes the rest of a stop on the keypad only after one scan, and never more than needed', () => {
    const { results, state } = run(
      context(),
      { type: 'claim', batchId: 'B-multi' },
      { type: 'scan', text: jan('SKU-1006') },
      { type: 'setQty', qty: 2 }, // nothing scanned at SKU-1004 yet
      { type: 'scan', text: jan('SKU-1004') },
      { type: 'setQty', qty: 3 },
      { type: 'setQty', qty: 2 },
    );
    expect(results[2].feedback.message.key).toBe('pick.qty.scanFirst');
    expect(results[3]).toMatchObject({ events: [], feedback: { message: { key: 'pick.item.ok', params: { done: 1, qty: 2 } } } });
    expect(results[4].feedback.message).toMatchObject({ key: 'pick.qty.invalid', params: { max: 2 } });
    expect(results[5].events).toEqual([expect.objectContaining({ type: 'pick.confirmed', payload: expect.objectContaining({ productCode: 'SKU-1004', qty: 2 }) })]);
    expect(state.step).toBe('picking');
  });

  it('allocates a short pick to the newest order, skips that parcel’s other stops, and completes the batch', () => {
    const { state, results, last } = run(
      context(),
      { type: 'claim', batchId: 'B-multi' },
      { type: 'scan', text: jan('SKU-1006') },
      { type: 'scan', text: jan('SKU-1004') },
      { type: 'setQty', qty: 2 },
      { type: 'scan', text: jan('SKU-1009') },
      { type: 'short', found: 3 }, // not a shortage
      { type: 'short', found: 2 },
    );
    expect(results[5].feedback.message).toMatchObject({ key: 'pick.short.invalid', params: { max: 2 } });
    expect(last.events).toEqual([
      {
        type: 'pick.short',
        payload: {
          batchId: 'B-multi',
          productCode: 'SKU-1009',
          location: 'A-03-02-1',
          required: 3,
          found: 2,
          allocations: [
            { shipmentId: S.pickMultiTopRank, qty: 1 },
            { shipmentId: S.pickMultiFirstPurchase, qty: 1 },
            { shipmentId: S.pickMultiNewest, qty: 0 },
          ],
          shortShipmentIds: [S.pickMultiNewest],
        },
      },
      // SKU-1002 was only for the short parcel: nothing left to pick, so the batch is done.
      { type: 'batch.completed', payload: { batchId: 'B-multi', shortShipmentIds: [S.pickMultiNewest] } },
    ]);
    expect(last.feedback).toMatchObject({ tone: 'warning', message: { key: 'pick.short.ok', params: { slots: '3', found: 2, required: 3 } } });
    expect(state).toEqual({ step: 'idle', last: { batchId: 'B-multi', outcome: 'completed', shortShipmentIds: [S.pickMultiNewest] } });
  });

  it('refuses a found count that was never scanned, but accepts "none found" at once', () => {
    const ctx = context();
    const { results } = run(ctx, { type: 'claim', batchId: 'B-multi' }, { type: 'scan', text: jan('SKU-1006') }, { type: 'short', found: 1 }, { type: 'short', found: 0 });
    expect(results[2].feedback.message.key).toBe('pick.qty.scanFirst');
    expect(results[3].events[0]).toMatchObject({ type: 'pick.short', payload: { productCode: 'SKU-1004', found: 0, shortShipmentIds: [S.pickMultiFirstPurchase] } });
  });

  it('completes with batch.completed after the last full stop', () => {
    const { last, state } = run(
      context(),
      { type: 'claim', batchId: 'B-multi' },
      { type: 'scan', text: jan('SKU-1006') },
      { type: 'scan', text: jan('SKU-1004') },
      { type: 'setQty', qty: 2 },
      { type: 'scan', text: jan('SKU-1009') },
      { type: 'setQty', qty: 3 },
      { type: 'scan', text: jan('SKU-1002') },
    );
    expect(last.events.map((e) => e.type)).toEqual(['pick.confirmed', 'batch.completed']);
    expect(last.feedback).toMatchObject({ tone: 'complete', message: { key: 'pick.batch.done' } });
    expect(state).toMatchObject({ step: 'idle', last: { outcome: 'completed', shortShipmentIds: [] } });
  });

  it('drops the batch when the server says another device holds it', () => {
    const holder = { staffId: 'staff-002', staffName: '鈴木 健太', deviceId: 'dev-2', deviceName: 'pick-02', at: '2026-11-24T08:30:00Z' };
    const { state, last } = run(context(), { type: 'claim', batchId: 'B-multi' }, { type: 'drop', holder });
    expect(state).toEqual({ step: 'idle', last: { batchId: 'B-multi', outcome: 'lost', holder } });
    expect(last).toMatchObject({ changed: true, events: [], feedback: { tone: 'error', message: { key: 'pick.batch.lost', params: { staff: '鈴木 健太' } } } });
  });

  it('asks for a batch before anything else, and for one batch at a time', () => {
    expect(run(context(), { type: 'scan', text: jan('SKU-1006') }).last.feedback.message.key).toBe('pick.noBatch');
    expect(run(context(), { type: 'claim', batchId: 'B-multi' }, { type: 'claim', batchId: 'B-multi' }).last.feedback.message.key).toBe('pick.batch.busy');
    expect(run(context(), { type: 'claim', batchId: 'nope' }).last.feedback.message.key).toBe('pick.batch.gone');
  });
});

describe('pick flow: what it asks for and what it changes on the device', () => {
  const by = { staffName: '佐藤', deviceName: 'pick-01', at: '2026-11-24T09:10:00Z' };

  it('asks for a batch, then the item, or the location label first when that scan is required', () => {
    expect(pickFlow.prompt(pickFlow.initial, context()).key).toBe('pick.prompt.claim');
    const picking = claimed().state;
    expect(pickFlow.prompt(picking, context()).key).toBe('pick.prompt.item');
    expect(pickFlow.prompt(picking, context({ locationScan: 'required' })).key).toBe('pick.prompt.location');
  });

  it('holds the parcel that lost a short pick and marks the rest picked when the batch completes', () => {
    const ctx = context();
    const { results } = run(
      ctx,
      { type: 'claim', batchId: 'B-multi' },
      { type: 'scan', text: jan('SKU-1006') },
      { type: 'scan', text: jan('SKU-1004') },
      { type: 'setQty', qty: 2 },
      { type: 'scan', text: jan('SKU-1009') },
      { type: 'short', found: 2 },
    );
    const last = results[results.length - 1];
    const before = results[results.length - 2].next;
    const changed = pickFlow.localParcels!(last.events, before, ctx, by);
    const statusOf = (id: string) => changed.find((p) => p.shipmentId === id);
    expect(statusOf(S.pickMultiNewest)).toMatchObject({ status: 'held', holdReason: '欠品' });
    expect(statusOf(S.pickMultiTopRank)).toMatchObject({ status: 'picked' });
    expect(statusOf(S.pickMultiFirstPurchase)).toMatchObject({ status: 'picked' });
  });

  it('leaves a parcel held by the office while it was being picked held, with the office’s reason', () => {
    const cancelled = { ...DEMO_PARCELS.find((p) => p.shipmentId === S.pickMultiTopRank)!, status: 'held' as const, holdReason: '前日注文キャンセル' };
    const ctx = { ...context(), findParcel: (id: string) => (id === cancelled.shipmentId ? cancelled : DEMO_PARCELS.find((p) => p.shipmentId === id)) };
    const before = claimed(ctx).state;
    const completed = { type: 'batch.completed' as const, payload: { batchId: 'B-multi', shortShipmentIds: [] } };
    const changed = pickFlow.localParcels!([completed], before, ctx, by);
    expect(changed.find((p) => p.shipmentId === S.pickMultiTopRank)).toBeUndefined();
    expect(changed.map((p) => p.status)).toEqual(['picked', 'picked']);
  });
});
