/**
 * A simulated handheld built from the app's real parts: its IndexedDB store (fake-indexeddb in Node),
 * its API client, push and pull. Only the network is simulated: `offline` makes every request fail
 * like a dead Wi-Fi zone, and `dropReplyChance` loses a reply after the server has answered.
 * Callers must `import 'fake-indexeddb/auto'` first.
 */
import { randomUUID } from 'node:crypto';
import { commitFlow } from '../../../src/app/store/flow-commit.js';
import { openLocalStore, type LocalStore } from '../../../src/app/store/local-store.js';
import { listOutbox } from '../../../src/app/store/outbox-lookups.js';
import type { OutboxEntry } from '../../../src/app/store/schema.js';
import { createApiClient, type ApiClient } from '../../../src/app/sync/api.js';
import { pullAll } from '../../../src/app/sync/pull.js';
import { pushOutbox } from '../../../src/app/sync/push.js';
import { INITIAL_PACK_STATE } from '../../../src/shared/flows/pack-state.js';
import { DEMO_STAFF } from '../../../src/server/demo/demo-data.js';
import { RELIABILITY_PRODUCT } from './fixture.js';

let stores = 0;

/** One simulated device. */
export class SimDevice {
  offline = false;
  /** Chance that a reply is lost on the way back, after the server has committed. */
  dropReplyChance = 0;
  requests = 0;
  faults = 0;
  readonly api: ApiClient;
  private constructor(
    readonly name: string,
    readonly store: LocalStore,
    private baseUrl: () => string,
    readonly token: string,
    private readonly random: () => number,
  ) {
    this.api = createApiClient({ fetch: (input, init) => this.fetch(input, init), getToken: () => this.token, baseUrl: '' });
  }

  /** Opens a fresh device database for an enrolled device; `baseUrl` may change between calls (two servers). */
  static async create(name: string, token: string, baseUrl: () => string, random: () => number): Promise<SimDevice> {
    const store = await openLocalStore(`reliability-${name}-${++stores}-${randomUUID()}`);
    return new SimDevice(name, store, baseUrl, token, random);
  }

  private async fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    this.requests += 1;
    if (this.offline) {
      this.faults += 1;
      throw new TypeError('fetch failed (offline window)');
    }
    const response = await fetch(this.baseUrl() + String(input), init);
    if (this.dropReplyChance > 0 && this.random() < this.dropReplyChance) {
      // The server has answered (and committed); the device never hears it.
      await response.arrayBuffer();
      this.faults += 1;
      throw new TypeError('fetch failed (reply lost)');
    }
    return response;
  }

  /** Records one parcel.packed for `shipmentId` exactly as the pack screen does (strict, one transaction). */
  async pack(shipmentId: string, staffId = DEMO_STAFF[0].id): Promise<OutboxEntry> {
    const at = new Date().toISOString();
    const [entry] = await commitFlow(this.store, 'packState', {
      next: INITIAL_PACK_STATE,
      staffId,
      at,
      newId: () => randomUUID(),
      events: [
        {
          type: 'parcel.packed',
          payload: { shipmentId, startedAt: at, items: [{ productCode: RELIABILITY_PRODUCT, qty: 1 }], insertCodes: [], giftCode: null, flags: [] },
        },
      ],
    });
    return entry;
  }

  /** One sync run as the app does it: push the outbox, then pull. Returns false when it failed. */
  async sync(): Promise<boolean> {
    try {
      await pushOutbox(this.api, this.store, () => new Date().toISOString());
      await pullAll(this.api, this.store);
      return true;
    } catch {
      return false;
    }
  }

  /** Every outbox entry, whatever its status. */
  async outbox(): Promise<OutboxEntry[]> {
    return [...(await listOutbox(this.store, 'pending', 100_000)), ...(await listOutbox(this.store, 'synced', 100_000)), ...(await listOutbox(this.store, 'rejected', 100_000))];
  }
}
