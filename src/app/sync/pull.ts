/** Pull: fetches changes page by page from the saved cursor; each page is stored in one transaction. */
import type { Catalogue } from '../../shared/domain/catalogue.js';
import type { Parcel } from '../../shared/domain/parcel.js';
import { PULL_PUT_MEASURE, type LocalStore } from '../store/db.js';
import type { PullResponse } from '../../shared/protocol/sync.js';
import { ProtocolError, PULL_MEASURE, type ApiClient } from './api.js';

/** Most pages one run follows before giving up on a server that never says "no more". */
export const PULL_MAX_PAGES = 10_000;

/** What one pull run changed, for the in-memory copies. */
export interface PullSummary {
  pages: number;
  /** Parcels as stored (latest version of each). */
  parcels: Parcel[];
  /** The newest catalogue received, or null when it did not change. */
  catalogue: Catalogue | null;
}

/** Pulls until the server has no more; calls onPage after each page is committed. */
export async function pullAll(
  api: Pick<ApiClient, 'pull'>,
  store: Pick<LocalStore, 'getMeta' | 'applyPullPage'>,
  onPage?: (parcels: Parcel[], catalogue: Catalogue | null, page?: PullResponse) => void,
  signal?: AbortSignal,
): Promise<PullSummary> {
  // Only the last run's measures are kept: a device syncs all day long.
  for (const part of ['json', 'validate', 'write']) performance.clearMeasures(`${PULL_MEASURE}-${part}`);
  performance.clearMeasures(PULL_PUT_MEASURE);
  let cursor = (await store.getMeta('cursor')) ?? '0';
  const changed = new Map<string, Parcel>();
  let catalogue: Catalogue | null = null;
  let next: Promise<PullResponse> | null = null;
  for (let pages = 1; pages <= PULL_MAX_PAGES; pages++) {
    const page = await (next ?? api.pull(cursor, signal));
    next = null;
    if (page.more && page.cursor === cursor) throw new ProtocolError('pull says more but the cursor did not move');
    // Ask for the next page while this one is written: the server and the network overlap the
    // IndexedDB commit. The cursor on disk still moves only with each committed page, in order.
    if (page.more && pages < PULL_MAX_PAGES) {
      next = api.pull(page.cursor, signal);
      // Handled here, awaited next turn: a failure while this page is written is not "unhandled",
      // and is thrown when the loop reaches it (or dropped if this page's write fails first).
      next.catch(() => undefined);
    }
    const writeStart = performance.now();
    const stored = await store.applyPullPage(page);
    performance.measure(`${PULL_MEASURE}-write`, { start: writeStart });
    for (const p of stored) changed.set(p.shipmentId, p);
    if (page.catalogue) catalogue = page.catalogue;
    onPage?.(stored, page.catalogue, page);
    if (!page.more) return { pages, parcels: [...changed.values()], catalogue };
    cursor = page.cursor;
  }
  throw new ProtocolError('pull did not finish');
}
