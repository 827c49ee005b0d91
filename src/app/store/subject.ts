/** Builds and reads an outbox entry's subject: `parcel:<shipment id>`, `batch:<batch id>` or `order:<order number>`. */
import type { EventBody } from '../../shared/protocol/events.js';
import type { OutboxSubject } from './schema.js';

const PARCEL = 'parcel:';

/** The subject of an event about one parcel. */
export function parcelSubject(shipmentId: string): OutboxSubject {
  return `parcel:${shipmentId}`;
}

/** The subject of a pick event (about a batch, not one parcel). */
export function batchSubject(batchId: string): OutboxSubject {
  return `batch:${batchId}`;
}

/** The subject of a return logged by order number before the device knew the parcel. */
export function orderSubject(orderNumber: string): OutboxSubject {
  return `order:${orderNumber}`;
}

/** What an event is about, read from its payload. */
export function subjectOf(body: EventBody): OutboxSubject {
  if (body.type === 'return.received') {
    const { shipmentId, orderNumber } = body.payload;
    return shipmentId == null ? orderSubject(orderNumber) : parcelSubject(shipmentId);
  }
  return 'shipmentId' in body.payload ? parcelSubject(body.payload.shipmentId) : batchSubject(body.payload.batchId);
}

/** The parcel a subject names, or null when it names a batch or an order. */
export function shipmentOfSubject(subject: OutboxSubject): string | null {
  return subject.startsWith(PARCEL) ? subject.slice(PARCEL.length) : null;
}
