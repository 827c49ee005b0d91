/** Sync events as a device would push them, built from demo or generated parcels, and the header that sends them. */
import { randomUUID } from 'node:crypto';
import type { ParcelLine } from '../../src/shared/domain/parcel.js';
import type { SyncEvent } from '../../src/shared/protocol/events.js';
import { DEMO_PARCELS, DEMO_STAFF } from '../../src/server/demo/demo-data.js';

// Device sequences: each kind numbers from its own start, so events of different kinds built in one test never share a number.
let packSeq = 0;
let pickSeq = 1000;
let returnSeq = 10_000;

type PackedPayload = Extract<SyncEvent, { type: 'parcel.packed' }>['payload'];
type ReturnPayload = Extract<SyncEvent, { type: 'return.received' }>['payload'];

/** What a parcel.packed event copies from the parcel it finishes. */
export interface PackableParcel {
  shipmentId: string;
  lines: ParcelLine[];
  insertCodes: string[];
  giftCode: string | null;
  flags: PackedPayload['flags'];
}

/** An event as a device records it: a fresh id, its device sequence, the first demo staff member unless told. */
function deviceEvent(type: SyncEvent['type'], payload: SyncEvent['payload'], deviceSeq: number, at: string, staffId = DEMO_STAFF[0].id): SyncEvent {
  return { id: randomUUID(), deviceSeq, staffId, at, type, payload } as SyncEvent;
}

/** The parcel.packed event that finishes `parcel` with exactly its lines; envelope fields may be overridden. */
export function packedEventOf(parcel: PackableParcel, envelope: Partial<SyncEvent> = {}): SyncEvent {
  const payload: PackedPayload = {
    shipmentId: parcel.shipmentId,
    startedAt: '2026-11-24T09:58:30Z',
    items: parcel.lines.map((l) => ({ ...l })),
    insertCodes: parcel.insertCodes,
    giftCode: parcel.giftCode,
    flags: parcel.flags,
  };
  return { ...deviceEvent('parcel.packed', payload, ++packSeq, '2026-11-24T10:00:00Z'), ...envelope } as SyncEvent;
}

/** A parcel.packed event for a demo parcel with exactly its lines, unless `items` says otherwise (one SKU-1001 for a parcel the demo does not have). */
export function packedEvent(shipmentId: string, overrides: Partial<SyncEvent> & { items?: ParcelLine[] } = {}): SyncEvent {
  const parcel = DEMO_PARCELS.find((p) => p.shipmentId === shipmentId);
  const { items, ...envelope } = overrides;
  return packedEventOf(
    {
      shipmentId,
      lines: items ?? parcel?.lines ?? [{ productCode: 'SKU-1001', qty: 1 }],
      insertCodes: parcel?.insertCodes ?? [],
      giftCode: parcel?.giftCode ?? null,
      flags: parcel?.flags ?? [],
    },
    envelope,
  );
}

/** Any picking event, with a fresh id and the next device sequence. */
export function pickEvent<T extends Exclude<SyncEvent['type'], 'parcel.packed'>>(type: T, payload: Extract<SyncEvent, { type: T }>['payload'], staffId = DEMO_STAFF[0].id): SyncEvent {
  return deviceEvent(type, payload, ++pickSeq, '2026-11-24T10:00:00Z', staffId);
}

/** A return of a demo parcel as the returns screen records it: its first line arrived opened (reason R03), every other line missing. */
export function returnEvent(shipmentId: string, overrides: Partial<ReturnPayload> = {}): SyncEvent {
  const parcel = DEMO_PARCELS.find((p) => p.shipmentId === shipmentId);
  const [first, ...rest] = parcel?.lines ?? [{ productCode: 'SKU-1001', qty: 1 }];
  const payload: ReturnPayload = {
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
  };
  return deviceEvent('return.received', payload, ++returnSeq, '2026-11-30T10:00:00Z');
}

/** Authorization header for a device or admin token. */
export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}
