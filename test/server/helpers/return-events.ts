/** Builders for return.received events as the returns screen records them. */
import { randomUUID } from 'node:crypto';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';
import { DEMO_PARCELS, DEMO_STAFF } from '../../../src/server/demo/demo-data.js';

let deviceSeq = 10_000;

type ReturnPayload = Extract<SyncEvent, { type: 'return.received' }>['payload'];

/** A return of a demo parcel: its first line arrived opened (reason R03), every other line missing. */
export function returnEvent(shipmentId: string, overrides: Partial<ReturnPayload> = {}): SyncEvent {
  const parcel = DEMO_PARCELS.find((p) => p.shipmentId === shipmentId);
  const [first, ...rest] = parcel?.lines ?? [{ productCode: 'SKU-1001', qty: 1 }];
  return {
    id: randomUUID(),
    deviceSeq: ++deviceSeq,
    staffId: DEMO_STAFF[0].id,
    at: '2026-11-30T10:00:00Z',
    type: 'return.received',
    payload: {
      shipmentId,
      orderNumber: parcel?.orderNumber ?? '000000000000',
      startedAt: '2026-11-30T09:58:00Z',
      items: [
        { productCode: first.productCode, qty: first.qty, condition: 'opened', reasonCode: 'R03' },
        ...rest.map((l) => ({ productCode: l.productCode, qty: l.qty, condition: 'missing' as const, reasonCode: null })),
      ],
      unexpectedItems: [],
      note: null,
      ...overrides,
    },
  };
}
