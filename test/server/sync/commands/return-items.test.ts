/** What a return receipt stores, measured against the parcel's lines: received, missing, unexpected. */
import { describe, expect, it } from 'vitest';
import type { ReturnReceivedPayload } from '../../../../src/shared/protocol/events.js';
import { normaliseReturnItems, type NormalisedReturn } from '../../../../src/server/sync/commands/return-items.js';

type Item = ReturnReceivedPayload['items'][number];
const opened = (productCode: string, qty: number, reasonCode = 'R01'): Item => ({ productCode, qty, condition: 'opened', reasonCode });
const missing = (productCode: string, qty: number): Item => ({ productCode, qty, condition: 'missing', reasonCode: null });

const A2_B1 = [
  { productCode: 'A', qty: 2 },
  { productCode: 'B', qty: 1 },
];

describe('normaliseReturnItems', () => {
  it.each<[string, { productCode: string; qty: number }[], Item[], ReturnReceivedPayload['unexpectedItems'], NormalisedReturn]>([
    [
      'everything came back: the items as sent, nothing missing',
      A2_B1,
      [opened('A', 2), opened('B', 1)],
      [],
      { items: [opened('A', 2), opened('B', 1)], unexpectedItems: [] },
    ],
    [
      'a line not back is written as missing, with no reason',
      A2_B1,
      [opened('A', 2)],
      [],
      { items: [opened('A', 2), missing('B', 1)], unexpectedItems: [] },
    ],
    [
      'part of a line back: the rest of it is missing',
      A2_B1,
      [opened('A', 1), opened('B', 1)],
      [],
      { items: [opened('A', 1), opened('B', 1), missing('A', 1)], unexpectedItems: [] },
    ],
    [
      'the device\u2019s own missing lines are dropped and written again from the parcel',
      A2_B1,
      [opened('A', 2), missing('B', 5)],
      [],
      { items: [opened('A', 2), missing('B', 1)], unexpectedItems: [] },
    ],
    [
      'more units than the parcel held: the surplus is unexpected',
      A2_B1,
      [opened('A', 3), opened('B', 1)],
      [],
      { items: [opened('A', 2), opened('B', 1)], unexpectedItems: [{ code: 'A', productCode: 'A', qty: 1 }] },
    ],
    [
      'a product the parcel never held is unexpected, after the ones the device listed',
      A2_B1,
      [opened('C', 1), opened('A', 2), opened('B', 1)],
      [{ code: '4900000000000', productCode: null, qty: 1 }],
      {
        items: [opened('A', 2), opened('B', 1)],
        unexpectedItems: [
          { code: '4900000000000', productCode: null, qty: 1 },
          { code: 'C', productCode: 'C', qty: 1 },
        ],
      },
    ],
    [
      'one product in two conditions fills its line in the order listed',
      A2_B1,
      [{ ...opened('A', 1), condition: 'damaged', reasonCode: 'R03' }, opened('A', 2), opened('B', 1)],
      [],
      {
        items: [{ productCode: 'A', qty: 1, condition: 'damaged', reasonCode: 'R03' }, opened('A', 1), opened('B', 1)],
        unexpectedItems: [{ code: 'A', productCode: 'A', qty: 1 }],
      },
    ],
    [
      'a product on two lines of the parcel counts as one line of their sum',
      [{ productCode: 'A', qty: 1 }, { productCode: 'A', qty: 2 }],
      [opened('A', 2)],
      [],
      { items: [opened('A', 2), missing('A', 1)], unexpectedItems: [] },
    ],
    [
      'nothing of the parcel came back, only a stranger: every line missing',
      A2_B1,
      [],
      [{ code: 'X', productCode: 'X', qty: 1 }],
      { items: [missing('A', 2), missing('B', 1)], unexpectedItems: [{ code: 'X', productCode: 'X', qty: 1 }] },
    ],
  ])('%s', (_name, lines, items, unexpectedItems, expected) => {
    expect(normaliseReturnItems(lines, { items, unexpectedItems })).toEqual(expected);
  });

  it('keeps the item note and leaves the payload as it was', () => {
    const payload = { items: [{ ...opened('A', 3), note: 'box dented' }], unexpectedItems: [{ code: 'Z', productCode: null, qty: 1 }] };
    const before = structuredClone(payload);
    const result = normaliseReturnItems([{ productCode: 'A', qty: 2 }], payload);
    expect(result.items).toEqual([{ ...opened('A', 2), note: 'box dented' }]);
    expect(payload).toEqual(before);
  });
});
