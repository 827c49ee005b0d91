/** Shipping in the console's words: a box's label state, the shop's notification, and a day's handovers by carrier. */
import { describe, expect, it } from 'vitest';
import { boxLabelState, boxNumber, carrierName, handoverLabel, handoversByCarrier, notificationText } from '../../src/console/shipping-words.js';
import type { HandoversResponse, ParcelShippingView } from '../../src/shared/protocol/admin-shipping.js';

const box = (over: Partial<ParcelShippingView['boxes'][number]>): ParcelShippingView['boxes'][number] => ({
  box: 1,
  expectedNumber: null,
  boundNumber: null,
  boundAt: null,
  loadedAt: null,
  handoverId: null,
  trackingUrl: null,
  ...over,
});

describe('a box’s label', () => {
  it.each([
    ['expected, not scanned yet', { expectedNumber: '400000000271' }, '未照合', false, '400000000271'],
    ['scanned and the expected one', { expectedNumber: '400000000271', boundNumber: '400000000271' }, '予定どおり', false, '400000000271'],
    ['scanned with no expected number (printed on demand)', { boundNumber: '400000000374' }, '梱包時に登録', false, '400000000374'],
    ['scanned, not the expected one', { expectedNumber: '400000000271', boundNumber: '400000000374' }, '予定 400000000271', true, '400000000374'],
    ['no number at all', {}, '取り込み', false, null],
  ] as const)('%s', (_, over, words, alert, shown) => {
    const state = boxLabelState(box(over));
    expect(state.text).toContain(words);
    expect(state.alert).toBe(alert);
    expect(boxNumber(box(over))).toBe(shown);
  });
});

describe('the shop’s parcel.shipped notification', () => {
  it('before shipping says when it will go; after, its state, with the attempt when retried', () => {
    expect(notificationText(null)).toContain('積込の締め');
    expect(notificationText(undefined)).toContain('積込の締め');
    expect(notificationText({ status: 'sent', attempts: 1, sentAt: '2026-12-03T08:00:00Z' })).toBe('送信済み');
    expect(notificationText({ status: 'pending', attempts: 3, sentAt: null })).toBe('送信待ち（3 回目）');
    expect(notificationText({ status: 'dead', attempts: 8, sentAt: null })).toContain('通知画面');
  });
});

describe('carriers', () => {
  it('names each carrier in Japanese, and says what to do when a parcel has none', () => {
    expect(carrierName('yamato')).toBe('ヤマト運輸');
    expect(carrierName(null)).toContain('既定の配送会社を設定');
  });
});

describe('a day’s handovers by carrier', () => {
  const handover = (id: string, carrierId: 'yamato' | 'sagawa', parcels: [string, string[]][]): HandoversResponse['handovers'][number] => ({
    id,
    warehouseId: 'WH1',
    carrierId,
    status: 'closed',
    startedAt: '2026-12-03T07:00:00Z',
    closedAt: '2026-12-03T08:00:00Z',
    staffName: null,
    deviceName: null,
    boxesReported: null,
    parcels: parcels.map(([shipmentId, trackingNumbers]) => ({ shipmentId, orderNumber: `O-${shipmentId}`, trackingNumbers })),
  });

  it('groups in carrier order and counts parcels and boxes; a carrier with no truck is left out', () => {
    const groups = handoversByCarrier([
      handover('h-sagawa-1', 'sagawa', [['S3', ['1', '2']]]),
      handover('h-yamato-1', 'yamato', [['S1', ['3']]]),
      handover('h-yamato-2', 'yamato', [['S2', ['4', '5']], ['S4', ['6']]]),
    ]);
    expect(groups.map((g) => [g.carrierId, g.handovers.map((h) => h.id), g.parcels, g.boxes])).toEqual([
      ['yamato', ['h-yamato-1', 'h-yamato-2'], 3, 4],
      ['sagawa', ['h-sagawa-1'], 1, 2],
    ]);
    expect(handoversByCarrier([])).toEqual([]);
  });

  it('names a handover by the start of its id, the same on the parcel page and the shipping section', () => {
    expect(handoverLabel('0193a6f2-7c1e-4b8e-9d1a-2f7e0c9b1a23')).toBe('便 0193a6f2');
  });
});
