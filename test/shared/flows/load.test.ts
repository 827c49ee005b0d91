import { describe, expect, it } from 'vitest';
import type { ParcelShipping } from '../../../src/shared/domain/carrier.js';
import { carrierBacklog, indexLabels } from '../../../src/shared/domain/loading.js';
import type { Parcel } from '../../../src/shared/domain/parcel.js';
import { sevenDrCheckDigit } from '../../../src/shared/domain/tracking-number.js';
import { loadFlow, type LoadAction, type LoadContext } from '../../../src/shared/flows/load.js';
import type { LoadState } from '../../../src/shared/flows/load-state.js';
import { eventBodySchema } from '../../../src/shared/protocol/events.js';
import { makeParcel } from '../../helpers/fixtures/catalogue.js';

const NOW = '2026-12-03T15:00:00.000Z';
const label = (body: string) => body + String(sevenDrCheckDigit(body));
const L1 = label('44441375870');
const L2 = label('44441375871');
const L3 = label('44441375872');
const HELD = label('44441375873');
const SAGAWA = label('51254751433');
const PICKED = label('44441375874');

function shipped(shipmentId: string, shipping: Partial<ParcelShipping>, patch: Partial<Parcel> = {}): Parcel {
  return makeParcel({
    shipmentId,
    status: 'packed',
    lines: [{ productCode: 'SKU-1', qty: 1 }],
    shipping: { carrierId: 'yamato', service: '宅急便', boxCount: 1, labelScan: 'required', expectedTrackingNumbers: [], boundTrackingNumbers: [], loadedTrackingNumbers: [], ...shipping },
    ...patch,
  });
}

const parcels = [
  shipped('S0000001', { boundTrackingNumbers: [L1] }),
  // Two boxes (個口), labels imported and bound.
  shipped('S0000002', { boxCount: 2, expectedTrackingNumbers: [L2, L3], boundTrackingNumbers: [L2, L3] }),
  shipped('S0000003', { boundTrackingNumbers: [HELD] }, { status: 'held', holdReason: '前日注文キャンセル' }),
  shipped('S0000004', { carrierId: 'sagawa', boundTrackingNumbers: [SAGAWA] }),
  shipped('S0000005', { expectedTrackingNumbers: [PICKED] }, { status: 'picked' }),
];

function contextWith(list: Parcel[], loadedHere: Set<string> = new Set()): LoadContext {
  const byLabel = indexLabels(list);
  return { findParcelByLabel: (n) => byLabel.get(n), loadedHere, now: NOW, newHandoverId: 'H-1' };
}

function run(ctx: LoadContext, actions: LoadAction[], start: LoadState = loadFlow.initial) {
  const results = [];
  let state = start;
  for (const action of actions) {
    const result = loadFlow.apply(state, action, ctx);
    results.push(result);
    state = result.next;
  }
  return { results, state, last: results[results.length - 1] };
}

describe('loading check (積込検品)', () => {
  const ctx = contextWith(parcels);

  it('asks for the carrier first: a label scanned before is refused and records nothing', () => {
    const { last } = run(ctx, [{ type: 'scan', text: `a${L1}a` }]);
    expect(last).toMatchObject({ changed: false, events: [], feedback: { tone: 'error', message: { key: 'load.carrier.first' } } });
  });

  it('records one load.scanned per box, matched to its parcel from the device’s pulled data, with the label normalised', () => {
    const { results, state } = run(ctx, [
      { type: 'start', carrierId: 'yamato' },
      { type: 'scan', text: `a${L1.slice(0, 4)}-${L1.slice(4, 8)}-${L1.slice(8)}a` },
      { type: 'scan', text: L2 },
      { type: 'scan', text: L3 },
    ]);
    expect(results[0]).toMatchObject({ changed: true, events: [] });
    const events = results.flatMap((r) => r.events);
    expect(events).toEqual([
      { type: 'load.scanned', payload: { handoverId: 'H-1', carrierId: 'yamato', trackingNumber: L1, shipmentId: 'S0000001' } },
      { type: 'load.scanned', payload: { handoverId: 'H-1', carrierId: 'yamato', trackingNumber: L2, shipmentId: 'S0000002' } },
      { type: 'load.scanned', payload: { handoverId: 'H-1', carrierId: 'yamato', trackingNumber: L3, shipmentId: 'S0000002' } },
    ]);
    for (const e of events) expect(eventBodySchema.safeParse(e).success).toBe(true);
    // Box 1 of 2 is a unit ticked; the parcel's last box is the parcel done.
    expect(results[2].feedback).toMatchObject({ tone: 'ok', message: { params: { box: 1, boxes: 2 } } });
    expect(results[3].feedback).toMatchObject({ tone: 'complete', message: { params: { box: 2, boxes: 2 } } });
    expect(state).toMatchObject({ step: 'loading', handover: { loaded: [{ trackingNumber: L1 }, { trackingNumber: L2 }, { trackingNumber: L3 }] } });
  });

  it.each([
    ['a held parcel, saying why and what to do', HELD, 'load.parcel.held', { reason: '前日注文キャンセル', shipmentId: 'S0000003' }],
    ['a parcel of another carrier', SAGAWA, 'load.parcel.wrongCarrier', { carrier: 'sagawa' }],
    ['a parcel not packed', PICKED, 'load.parcel.notPacked', { shipmentId: 'S0000005' }],
    ['a label no parcel on the device has', label('99999999999'), 'load.label.unknown', {}],
    ['a number that is no Yamato number', '444413758709', 'load.label.invalid', {}],
    ['a scan that is no label at all', 'S0000001', 'load.label.notLabel', {}],
  ])('refuses %s loudly and records nothing', (_what, text, key, params) => {
    const { last } = run(ctx, [{ type: 'start', carrierId: 'yamato' }, { type: 'scan', text }]);
    expect(last).toMatchObject({ changed: false, events: [], feedback: { tone: 'error', message: { key, params } } });
  });

  it('refuses a box already loaded: in this handover, earlier on this device, or by the server’s account', () => {
    const again = run(ctx, [{ type: 'start', carrierId: 'yamato' }, { type: 'scan', text: L1 }, { type: 'scan', text: L1 }]);
    expect(again.last).toMatchObject({ changed: false, events: [], feedback: { tone: 'error', message: { key: 'load.label.already' } } });
    const earlier = run(contextWith(parcels, new Set([L1])), [{ type: 'start', carrierId: 'yamato' }, { type: 'scan', text: L1 }]);
    expect(earlier.last.feedback.message.key).toBe('load.label.already');
    const serverSays = [shipped('S0000001', { boundTrackingNumbers: [L1], loadedTrackingNumbers: [L1] })];
    expect(run(contextWith(serverSays), [{ type: 'start', carrierId: 'yamato' }, { type: 'scan', text: L1 }]).last.feedback.message.key).toBe('load.label.already');
  });

  it('closing records handover.closed with the boxes loaded, and the next truck starts from the carrier choice', () => {
    const { last, state } = run(ctx, [{ type: 'start', carrierId: 'yamato' }, { type: 'scan', text: L1 }, { type: 'scan', text: L2 }, { type: 'close' }]);
    expect(last.events).toEqual([{ type: 'handover.closed', payload: { handoverId: 'H-1', carrierId: 'yamato', startedAt: NOW, boxesLoaded: 2 } }]);
    expect(eventBodySchema.safeParse(last.events[0]).success).toBe(true);
    expect(state).toEqual({ step: 'chooseCarrier', last: { carrierId: 'yamato', boxesLoaded: 2 } });
  });

  it('a handover with nothing loaded closes without a record; one with boxes loaded cannot be dropped', () => {
    const empty = run(ctx, [{ type: 'start', carrierId: 'yamato' }, { type: 'close' }]);
    expect(empty.last).toMatchObject({ events: [], next: { step: 'chooseCarrier' } });
    const loaded = run(ctx, [{ type: 'start', carrierId: 'yamato' }, { type: 'scan', text: L1 }, { type: 'cancel' }]);
    expect(loaded.last).toMatchObject({ changed: false, feedback: { tone: 'error', message: { key: 'load.cancel.loaded' } } });
  });
});

describe('what is still on the shelf for a carrier', () => {
  it('counts packed boxes not yet loaded, per carrier, from the pulled parcels and this device’s scans', () => {
    expect(carrierBacklog(parcels, 'yamato', new Set())).toEqual({ boxes: 3, parcels: 2 });
    expect(carrierBacklog(parcels, 'yamato', new Set([L2]))).toEqual({ boxes: 2, parcels: 2 });
    expect(carrierBacklog(parcels, 'yamato', new Set([L1, L2, L3]))).toEqual({ boxes: 0, parcels: 0 });
    expect(carrierBacklog(parcels, 'sagawa', new Set())).toEqual({ boxes: 1, parcels: 1 });
    expect(carrierBacklog(parcels, 'japanpost', new Set())).toEqual({ boxes: 0, parcels: 0 });
  });
});
