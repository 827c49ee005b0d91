/** The loading flow's state as the device keeps it. Persisted on every device: never rename fields. */
import type { CarrierId } from '../domain/carrier.js';

/** One box checked onto the truck in this handover. Persisted on the device. */
export interface LoadedBox {
  trackingNumber: string;
  shipmentId: string;
}

/** One truck being loaded (one carrier). Persisted on the device: it survives a reload. */
export interface Handover {
  handoverId: string;
  carrierId: CarrierId;
  startedAt: string;
  loaded: LoadedBox[];
}

/** What the last closed handover was, for the line under the carrier buttons. */
export interface ClosedHandover {
  carrierId: CarrierId;
  boxesLoaded: number;
}

/** The loading screen's state. */
export type LoadState = { step: 'chooseCarrier'; last: ClosedHandover | null } | { step: 'loading'; handover: Handover };

/** The state of a device that has loaded nothing yet. */
export const INITIAL_LOAD_STATE: LoadState = { step: 'chooseCarrier', last: null };
