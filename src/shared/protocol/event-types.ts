/**
 * The kinds of event a device records, as a plain list (no schema code): the device's check of its
 * own outbox reads it without loading zod. protocol/events.ts ties its schemas to this list.
 */

/** Every event type, one per kind of floor work. */
export const EVENT_TYPES = ['parcel.packed', 'batch.claimed', 'pick.confirmed', 'pick.short', 'batch.completed', 'return.received', 'load.scanned', 'handover.closed'] as const;
