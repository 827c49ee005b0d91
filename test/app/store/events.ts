/** Event bodies for the store tests. */
import type { EventBody } from '../../../src/shared/protocol/events.js';

/** A parcel.packed body for `shipmentId` (two teas). */
export function packedEvent(shipmentId = 'S0700001', startedAt = '2026-11-24T09:00:00.000Z'): EventBody {
  return {
    type: 'parcel.packed',
    payload: { shipmentId, startedAt, items: [{ productCode: 'P-TEA', qty: 2 }], insertCodes: [], giftCode: null, flags: [] },
  };
}
