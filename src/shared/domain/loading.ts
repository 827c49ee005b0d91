/**
 * What a loading device knows of the parcels it holds: which parcel a label belongs to, which boxes are
 * on a truck already, and how many boxes of a carrier are packed and still on the shelf. Read from the
 * pulled parcels alone, so it works offline.
 */
import type { CarrierId } from './carrier.js';
import type { Parcel } from './parcel.js';

/** A parcel's labels: those bound at packing, else those imported from the carrier's result file. */
export function labelsOf(parcel: Parcel): string[] {
  const shipping = parcel.shipping;
  if (!shipping) return [];
  return shipping.boundTrackingNumbers.length > 0 ? shipping.boundTrackingNumbers : shipping.expectedTrackingNumbers;
}

/** Every label the device knows (bound or expected), to the parcel it belongs to. */
export function indexLabels(parcels: Iterable<Parcel>): Map<string, Parcel> {
  const byLabel = new Map<string, Parcel>();
  for (const parcel of parcels) {
    const shipping = parcel.shipping;
    if (!shipping) continue;
    for (const n of shipping.expectedTrackingNumbers) byLabel.set(n, parcel);
    // A bound label wins over an expected one: it is what the packer scanned onto the box.
    for (const n of shipping.boundTrackingNumbers) byLabel.set(n, parcel);
  }
  return byLabel;
}

/** True when the box with this label is on a truck (the server says so, or this device loaded it). */
export function isLoaded(parcel: Parcel, trackingNumber: string, loadedHere: ReadonlySet<string>): boolean {
  return loadedHere.has(trackingNumber) || (parcel.shipping?.loadedTrackingNumbers.includes(trackingNumber) ?? false);
}

/** Boxes and parcels of a carrier that are packed and not yet loaded: what is still on the shipping shelf. */
export interface CarrierBacklog {
  boxes: number;
  parcels: number;
}

/** What of `carrierId` is packed and still waits for the truck. */
export function carrierBacklog(parcels: Iterable<Parcel>, carrierId: CarrierId, loadedHere: ReadonlySet<string>): CarrierBacklog {
  let boxes = 0;
  let waiting = 0;
  for (const parcel of parcels) {
    if (parcel.status !== 'packed' || parcel.shipping?.carrierId !== carrierId) continue;
    const labels = labelsOf(parcel);
    const loaded = labels.filter((n) => isLoaded(parcel, n, loadedHere)).length;
    // A parcel with fewer labels known than boxes still has its unlabelled boxes to load.
    const left = Math.max(parcel.shipping.boxCount, labels.length) - loaded;
    if (left <= 0) continue;
    boxes += left;
    waiting += 1;
  }
  return { boxes, parcels: waiting };
}
