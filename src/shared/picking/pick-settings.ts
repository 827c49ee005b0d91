/**
 * How a warehouse wants picking to work: batch size, location labels, scan rules, who is marked, who
 * loses a shortage. zod-free (the scan path imports it); the wire schema is in protocol/pick.ts.
 */

/** Whether the picker scans the location label before the item: required, optional (checked when scanned) or off. */
export type LocationScanMode = 'required' | 'optional' | 'off';

/** Which parcels lose when a product is short (see shortage.ts for the exact rule). */
export type ShortageRule = 'newestOrderFirst' | 'lowestRankFirst';

/** The picking settings; the server sends them with each pull so devices follow one configuration. */
export interface PickSettings {
  /** Most parcels in one pick batch. */
  batchSize: number;
  /** The location label format, e.g. "{zone}-{aisle}-{bay}-{level}" (see location.ts). */
  locationFormat: string;
  locationScan: LocationScanMode;
  /** Parcels of ranks with sortOrder at or below this are marked "take the best-looking stock". */
  topRankSortOrder: number;
  shortageRule: ShortageRule;
}

/** The defaults: 30 parcels a batch, A-03-02-1 labels, location scan optional, top rank only, newest orders lose first. */
export const DEFAULT_PICK_SETTINGS: PickSettings = {
  batchSize: 30,
  locationFormat: '{zone}-{aisle}-{bay}-{level}',
  locationScan: 'optional',
  topRankSortOrder: 1,
  shortageRule: 'newestOrderFirst',
};
