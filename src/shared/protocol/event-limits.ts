/**
 * How big an event may be: the maxima of its strings and lists and of the whole event. Kept apart
 * from the schemas (events.ts) so the flows that build events can keep to them without loading zod.
 */

/** Longest identifier an event names (shipment, batch, product, staff, barcode, code): import ids are far shorter. */
export const MAX_ID_CHARS = 200;
/** Longest order number (a return logged by order number carries it). */
export const MAX_ORDER_NUMBER_CHARS = 64;
/** Most lines one parcel, one return or one pick stop can list (a batch holds at most 500 parcels). */
export const MAX_EVENT_LINES = 500;
/** Most insert codes one pack can confirm. */
export const MAX_INSERT_CODES = 100;
/** Longest note on one returned item. */
export const MAX_ITEM_NOTE_CHARS = 500;
/** Longest free note on a return receipt. */
export const MAX_RETURN_NOTE_CHARS = 1000;
/** Longest tracking number an event carries (carriers print 10–13 digits; a wedge may add start/stop letters). */
export const MAX_TRACKING_CHARS = 40;
/** Most boxes (個口) one parcel can leave in. */
export const MAX_BOXES = 99;
/** The most one event may weigh, as UTF-8 JSON: a push of events this size still fits its body limit. */
export const MAX_EVENT_BYTES = 64 * 1024;

/** Bytes of `text` in UTF-8, without an encoder (shared code has neither DOM nor Node). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    // A surrogate pair is one 4-byte code point: 2 + 2 over its two halves.
    else if (c >= 0xd800 && c <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}
