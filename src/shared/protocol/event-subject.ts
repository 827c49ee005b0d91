/**
 * What an event is about: `parcel:<shipment id>`, `batch:<batch id>` or `order:<order number>`.
 * Events about one subject depend on each other in order (a pick after its batch's claim); events
 * about different subjects do not. The device indexes its outbox by it; the server holds back the
 * events after one it could not apply by it.
 */
import type { EventBody } from './events.js';

/**
 * One parcel, a pick batch, an order number (a return logged before the device knew its parcel), or a
 * handover (one truck's loading: its scans and its close depend on each other in order).
 */
export type EventSubject = `parcel:${string}` | `batch:${string}` | `order:${string}` | `handover:${string}`;

const PARCEL = 'parcel:';

/** The subject of an event about one parcel. */
export function parcelSubject(shipmentId: string): EventSubject {
  return `parcel:${shipmentId}`;
}

/** The subject of a pick event (about a batch, not one parcel). */
export function batchSubject(batchId: string): EventSubject {
  return `batch:${batchId}`;
}

/** The subject of a return logged by order number before the device knew the parcel. */
export function orderSubject(orderNumber: string): EventSubject {
  return `order:${orderNumber}`;
}

/** The subject of a loading scan or a handover's close. */
export function handoverSubject(handoverId: string): EventSubject {
  return `handover:${handoverId}`;
}

/** What an event is about, read from its payload. */
export function subjectOf(body: EventBody): EventSubject {
  if (body.type === 'return.received') {
    const { shipmentId, orderNumber } = body.payload;
    return shipmentId == null ? orderSubject(orderNumber) : parcelSubject(shipmentId);
  }
  if (body.type === 'load.scanned' || body.type === 'handover.closed') return handoverSubject(body.payload.handoverId);
  return 'shipmentId' in body.payload ? parcelSubject(body.payload.shipmentId) : batchSubject(body.payload.batchId);
}

/** The parcel a subject names, or null when it names a batch or an order. */
export function shipmentOfSubject(subject: EventSubject): string | null {
  return subject.startsWith(PARCEL) ? subject.slice(PARCEL.length) : null;
}
