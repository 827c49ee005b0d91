/** Pull: fetches changes page by page from the saved cursor; each page is stored in one transaction. */
import type { Catalogue } from '../../shared/domain/catalogue.js';
import type { Parcel } from '../../shared/domain/parcel.js';
import type { LocalStore } from '../store/local-store.js';
import { getMeta, setMeta } from '../store/meta.js';
import { applyPullPage, PULL_PUT_MEASURE } from '../store/pull-page.js';
import type { PullResponse } from '../../shared/protocol/sync.js';
import { ProtocolError, PULL_MEASURE, type ApiClient } from './api.js';

/** Keeps the push limits the server announced (written only when they changed). */
async function keepPushLimits(store: LocalStore, limits: { maxEvents: number; maxBytes: number }): Promise<void> {
  const known = await getMeta(store, 'pushLimits');
  if (known?.maxEvents === limits.maxEvents && known.maxBytes === limits.maxBytes) return;
  await setMeta(store, 'pushLimits', { maxEvents: limits.maxEvents, maxBytes: limits.maxBytes });
}

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

/** Pages held at once: the one being written and the requests ahead of it (each page about 0.5 MB of JSON). */
export const PULL_PAGES_HELD = 3;

/** One page request under way: its cursor, its reply, and the next cursor once its headers name it. */
interface Flight {
  cursor: string;
  page: Promise<PullResponse>;
  nextCursor: string | null;
}

/**
 * Pulls until the server has no more; calls onPage after each page is committed. Pages are written
 * one at a time, in order, each in its own transaction, and the saved cursor moves only with them.
 * The next page is asked for as soon as it can be named, so the server prepares it while this
 * device parses, checks and writes earlier ones: from a page's headers (the next-cursor header) or,
 * from an older server, from its body. At most PULL_PAGES_HELD pages are under way at once.
 */
export async function pullAll(
  api: Pick<ApiClient, 'pull'>,
  store: LocalStore,
  onPage?: (parcels: Parcel[], catalogue: Catalogue | null, page?: PullResponse) => void,
  signal?: AbortSignal,
): Promise<PullSummary> {
  // Only the last run's measures are kept: a device syncs all day long.
  for (const part of ['json', 'validate', 'write']) performance.clearMeasures(`${PULL_MEASURE}-${part}`);
  performance.clearMeasures(PULL_PUT_MEASURE);
  // Ends the requests still under way when this run stops early (a failed page, a bad reply).
  const stop = new AbortController();
  const requestSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  const changed = new Map<string, Parcel>();
  let catalogue: Catalogue | null = null;
  let requested = 0;
  // The page being awaited or written first, then the requests after it, in cursor order.
  const chain: Flight[] = [];
  const askNext = () => {
    const last = chain[chain.length - 1];
    if (last?.nextCursor != null && chain.length < PULL_PAGES_HELD && requested < PULL_MAX_PAGES) fly(last.nextCursor);
  };
  const fly = (cursor: string): Flight => {
    requested += 1;
    const flight: Flight = { cursor, nextCursor: null, page: Promise.resolve(null as never) };
    chain.push(flight);
    flight.page = api.pull(cursor, requestSignal, (next) => {
      flight.nextCursor = next;
      askNext();
    });
    // Handled here, awaited when the loop reaches it: a failure while an earlier page is written is
    // not "unhandled", and is thrown in its turn (or dropped if the earlier page fails first).
    flight.page.catch(() => undefined);
    return flight;
  };
  try {
    fly((await getMeta(store, 'cursor')) ?? '0');
    for (let pages = 1; ; pages++) {
      const current = chain[0];
      const page = await current.page;
      if (page.more && page.cursor === current.cursor) throw new ProtocolError('pull says more but the cursor did not move');
      if (current.nextCursor !== null && (!page.more || page.cursor !== current.nextCursor)) {
        throw new ProtocolError('pull page and its next-cursor header disagree');
      }
      // From a server that sends no next-cursor header, the body names the next page.
      if (page.more && current.nextCursor === null) {
        current.nextCursor = page.cursor;
        askNext();
      }
      const writeStart = performance.now();
      const stored = await applyPullPage(store, page);
      performance.measure(`${PULL_MEASURE}-write`, { start: writeStart });
      if (page.pushLimits) await keepPushLimits(store, page.pushLimits);
      for (const p of stored) changed.set(p.shipmentId, p);
      if (page.catalogue) catalogue = page.catalogue;
      onPage?.(stored, page.catalogue, page);
      if (!page.more) return { pages, parcels: [...changed.values()], catalogue };
      chain.shift();
      askNext();
      if (chain.length === 0) throw new ProtocolError('pull did not finish');
    }
  } finally {
    stop.abort();
  }
}
