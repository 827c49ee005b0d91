import { describe, expect, it } from 'vitest';
import { computeHumanTouchFlags } from '../../../src/shared/domain/human-touch.js';

describe('computeHumanTouchFlags', () => {
  it.each([
    { name: 'first purchase', history: { purchaseCount: 1, returnCount: 0, parcelsSinceFirstReturn: 0 }, flags: ['FIRST_PURCHASE'] },
    { name: 'second purchase', history: { purchaseCount: 2, returnCount: 0, parcelsSinceFirstReturn: 0 }, flags: ['SECOND_PURCHASE'] },
    { name: 'third purchase, no returns', history: { purchaseCount: 3, returnCount: 0, parcelsSinceFirstReturn: 0 }, flags: [] },
    { name: 'first parcel after the first return', history: { purchaseCount: 4, returnCount: 1, parcelsSinceFirstReturn: 0 }, flags: ['FIRST_RETURN'] },
    { name: 'second parcel after the first return', history: { purchaseCount: 5, returnCount: 1, parcelsSinceFirstReturn: 1 }, flags: [] },
    { name: 'second return is not the make-good moment', history: { purchaseCount: 5, returnCount: 2, parcelsSinceFirstReturn: 0 }, flags: [] },
    { name: 'second purchase after a first return carries both', history: { purchaseCount: 2, returnCount: 1, parcelsSinceFirstReturn: 0 }, flags: ['SECOND_PURCHASE', 'FIRST_RETURN'] },
  ])('$name → $flags', ({ history, flags }) => {
    expect(computeHumanTouchFlags(history)).toEqual(flags);
  });
});
