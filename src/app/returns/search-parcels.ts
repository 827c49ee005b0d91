/** The returns screen's search: parcels on this device by order number, slip or customer name. */
import type { Parcel } from '../../shared/domain/parcel.js';

/** Local parcels matching a typed search: order number (prefix) or customer name (spaces ignored), shipped ones first. */
export function searchReturnParcels(parcels: Iterable<Parcel>, query: string, limit = 20): Parcel[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (q.length < 2) return [];
  const hits: Parcel[] = [];
  for (const p of parcels) {
    if (p.orderNumber.toLowerCase().startsWith(q) || p.shipmentId.toLowerCase() === q || p.customerName.toLowerCase().replace(/\s+/g, '').includes(q)) hits.push(p);
  }
  const left = (p: Parcel) => (p.status === 'packed' || p.status === 'shipped' ? 0 : 1);
  return hits.sort((a, b) => left(a) - left(b) || b.orderDate.localeCompare(a.orderDate) || a.shipmentId.localeCompare(b.shipmentId)).slice(0, limit);
}
