/** What the pick events do to a parcel's status: the rules the device and the server both apply. */
import { describe, expect, it } from 'vitest';
import type { ParcelStatus } from '../../../src/shared/domain/parcel.js';
import { afterBatchCompleted, afterShortPick, SHORT_PICK_HOLD_REASON } from '../../../src/shared/picking/pick-transitions.js';

const ALL: ParcelStatus[] = ['released', 'picking', 'picked', 'packed', 'shipped', 'held'];

describe('pick transitions', () => {
  it('holds a short parcel unless it is packed, shipped or held already (an office hold keeps its reason)', () => {
    expect(ALL.map((s) => afterShortPick(s))).toEqual([
      { status: 'held', holdReason: SHORT_PICK_HOLD_REASON },
      { status: 'held', holdReason: SHORT_PICK_HOLD_REASON },
      { status: 'held', holdReason: SHORT_PICK_HOLD_REASON },
      null,
      null,
      null,
    ]);
  });

  it('completes a batch: parcels still in picking become picked, or held when short; any other keeps its status', () => {
    expect(ALL.map((s) => afterBatchCompleted(s, false))).toEqual([{ status: 'picked' }, { status: 'picked' }, null, null, null, null]);
    expect(afterBatchCompleted('picking', true)).toEqual({ status: 'held', holdReason: '欠品' });
  });
});
