/** Builders for sync events as a device would push them. */
import { randomUUID } from 'node:crypto';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';
import { DEMO_PARCELS, DEMO_STAFF } from '../../../src/server/demo/demo-data.js';

let deviceSeq = 0;

/** A parcel.packed event for a demo parcel with exactly its lines, unless `items` says otherwise. */
export function packedEvent(shipmentId: string, overrides: Partial<SyncEvent> & { items?: { productCode: string; qty: number }[] } = {}): SyncEvent {
  const parcel = DEMO_PARCELS.find((p) => p.shipmentId === shipmentId);
  const { items, ...envelope } = overrides;
  return {
    id: randomUUID(),
    deviceSeq: ++deviceSeq,
    staffId: DEMO_STAFF[0].id,
    at: '2026-11-24T10:00:00Z',
    type: 'parcel.packed',
    payload: {
      shipmentId,
      startedAt: '2026-11-24T09:58:30Z',
      items: items ?? parcel?.lines.map((l) => ({ ...l })) ?? [{ productCode: 'SKU-1001', qty: 1 }],
      insertCodes: parcel?.insertCodes ?? [],
      giftCode: parcel?.giftCode ?? null,
      flags: parcel?.flags ?? [],
    },
    ...envelope,
  } as SyncEvent;
}

/** Authorization header for a device or admin token. */
export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}
