/**
 * The carriers floorpack knows, as a plain list (no schema code): the loading screen and its flow read
 * it without pulling zod into their chunk. domain/carrier.ts builds its schema from this list.
 */

/** Every carrier id; `other` has no export and no check digit. */
export const CARRIER_IDS = ['yamato', 'sagawa', 'japanpost', 'other'] as const;
/** One carrier. */
export type CarrierId = (typeof CARRIER_IDS)[number];
