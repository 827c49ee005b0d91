/**
 * A return's items measured against the lines of the parcel it came from: a product beyond what the
 * parcel held is unexpected, and whatever the parcel held that did not come back is missing (a device
 * that logged the return by order number could not know the lines). Pure: no SQL, no clock.
 */
import type { ParcelLine } from '../../../shared/domain/parcel.js';
import type { ReturnReceivedPayload } from '../../../shared/protocol/events.js';
import type { ReceiptItemRow } from '../../db/schema.js';

/** The receipt's item lines as stored, and what came back that the parcel never held. */
export interface NormalisedReturn {
  items: ReceiptItemRow[];
  unexpectedItems: ReturnReceivedPayload['unexpectedItems'];
}

/**
 * Fits the items that arrived into the parcel's lines, in the order the device listed them; the
 * device's own "missing" lines are dropped, and a missing line is written for every unit not back.
 */
export function normaliseReturnItems(lines: readonly ParcelLine[], payload: Pick<ReturnReceivedPayload, 'items' | 'unexpectedItems'>): NormalisedReturn {
  const expected = new Map<string, number>();
  for (const line of lines) expected.set(line.productCode, (expected.get(line.productCode) ?? 0) + line.qty);
  const items: ReceiptItemRow[] = [];
  const unexpectedItems = payload.unexpectedItems.map((u) => ({ ...u }));
  const arrived = new Map<string, number>();
  for (const item of payload.items) {
    if (item.condition === 'missing') continue;
    const room = (expected.get(item.productCode) ?? 0) - (arrived.get(item.productCode) ?? 0);
    const fits = Math.max(0, Math.min(room, item.qty));
    if (fits > 0) {
      items.push({ ...item, qty: fits });
      arrived.set(item.productCode, (arrived.get(item.productCode) ?? 0) + fits);
    }
    if (item.qty > fits) unexpectedItems.push({ code: item.productCode, productCode: item.productCode, qty: item.qty - fits });
  }
  for (const [productCode, qty] of expected) {
    const left = qty - (arrived.get(productCode) ?? 0);
    if (left > 0) items.push({ productCode, qty: left, condition: 'missing', reasonCode: null });
  }
  return { items, unexpectedItems };
}
