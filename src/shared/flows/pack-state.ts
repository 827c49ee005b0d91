/** The pack flow's state as the device keeps it. Persisted on every device: never rename fields. */

/** What has been verified so far on the parcel in hand. Persisted on the device: never rename fields. */
export interface PackProgress {
  shipmentId: string;
  startedAt: string;
  /** Units verified per product code. */
  counts: Record<string, number>;
  insertsConfirmed: string[];
  giftConfirmed: boolean;
  humanTouchConfirmed: boolean;
  /** Boxes the packer confirmed (個口数); absent until confirmed, and on states stored before labels were scanned. */
  boxCount?: number;
  /** Labels scanned so far, box 1 first (normalised tracking numbers). */
  labels?: string[];
  /** True when the packer skipped an optional label step. */
  labelsSkipped?: boolean;
}

/** The pack screen's state. Persisted on the device: it survives a reload. */
export type PackState =
  | { step: 'awaitSlip'; lastPacked: string | null }
  | { step: 'verifying'; progress: PackProgress };

/** The state of a device that has packed nothing yet. */
export const INITIAL_PACK_STATE: PackState = { step: 'awaitSlip', lastPacked: null };
