/**
 * Look-ups in the event outbox for the screens that load on first use (the sync screen's lists, the
 * returns screen's "already returned", the pick screen's batch in hand): kept apart from outbox.ts so
 * they load with those screens, not with the app.
 */
import type { LocalStore } from './local-store.js';
import { statusRange } from './outbox.js';
import { OUTBOX_INDEXES, STORES, type OutboxEntry, type OutboxStatus, type OutboxSubject } from './schema.js';
import { shipmentOfSubject } from '../../shared/protocol/event-subject.js';

/** Outbox entries of one status, newest first, at most `limit`. */
export function listOutbox(store: LocalStore, status: OutboxStatus, limit = 200): Promise<OutboxEntry[]> {
  return store.tx('readonly', [STORES.outbox], async (tx) => {
    const entries: OutboxEntry[] = [];
    let cursor = await tx.objectStore(STORES.outbox).index(OUTBOX_INDEXES.byStatus).openCursor(statusRange(status), 'prev');
    while (cursor && entries.length < limit) {
      entries.push(cursor.value);
      cursor = await cursor.continue();
    }
    return entries;
  });
}

/** Whether an event about `subject` is still waiting to be sent. */
export function hasPendingAbout(store: LocalStore, subject: OutboxSubject): Promise<boolean> {
  return store.tx('readonly', [STORES.outbox], async (tx) => {
    const entries = await tx.objectStore(STORES.outbox).index(OUTBOX_INDEXES.bySubject).getAll(subject);
    return entries.some((e) => e.status === 'pending');
  });
}

/** Parcels this device has recorded a return of (pending or accepted; a refused one can be logged again). */
export function returnedShipments(store: LocalStore): Promise<string[]> {
  return store.tx('readonly', [STORES.outbox], async (tx) => {
    const returned: string[] = [];
    for (const e of await tx.objectStore(STORES.outbox).getAll()) {
      const shipmentId = e.event.type === 'return.received' && e.status !== 'rejected' ? shipmentOfSubject(e.subject) : null;
      if (shipmentId !== null) returned.push(shipmentId);
    }
    return returned;
  });
}

/** Labels this device has checked onto a truck (pending or accepted; a refused scan loaded nothing). */
export function loadedLabels(store: LocalStore): Promise<string[]> {
  return store.tx('readonly', [STORES.outbox], async (tx) => {
    const labels: string[] = [];
    for (const e of await tx.objectStore(STORES.outbox).getAll()) {
      if (e.event.type === 'load.scanned' && e.status !== 'rejected') labels.push(e.event.payload.trackingNumber);
    }
    return labels;
  });
}
