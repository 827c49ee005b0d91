/** Builders for picking events as a device would push them. */
import { randomUUID } from 'node:crypto';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';
import { DEMO_STAFF } from '../../../src/server/demo/demo-data.js';

let deviceSeq = 1000;

/** Any picking event, with a fresh id and the next device sequence. */
export function pickEvent<T extends Exclude<SyncEvent['type'], 'parcel.packed'>>(type: T, payload: Extract<SyncEvent, { type: T }>['payload'], staffId = DEMO_STAFF[0].id): SyncEvent {
  return { id: randomUUID(), deviceSeq: ++deviceSeq, staffId, at: '2026-11-24T10:00:00Z', type, payload } as SyncEvent;
}
