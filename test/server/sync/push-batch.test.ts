/**
 * A push is applied in one SQL transaction: its events still behave as if each had come alone, a
 * server error in one event is answered for that event alone, and pulls running alongside concurrent pushes miss nothing.
 * On PGlite and (when set) PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';
import { pullResponseSchema, pushResponseSchema, type EventResult } from '../../../src/shared/protocol/sync.js';
import { upsertParcel } from '../../../src/server/db/write-master-data.js';
import type { DemoApp } from '../../../src/server/demo/demo-app.js';
import { DEMO_SCENARIOS, DEMO_SHIPMENTS, DEMO_WAREHOUSE } from '../../../src/server/demo/demo-data.js';
import { resetDemo } from '../../../src/server/demo/seed-demo.js';
import { COMMAND_HANDLERS } from '../../../src/server/sync/commands/index.js';
import { bearer, packedEvent, returnEvent } from '../../helpers/events.js';
import { TEST_DATABASE_TARGETS } from '../../helpers/test-databases.js';
import { useDemoApp } from '../../helpers/in-process-server.js';

describe.each(TEST_DATABASE_TARGETS)('one transaction per push on $name', (target) => {
  let demo: DemoApp;
  let token: string;

  useDemoApp(target, (d) => (demo = d));
  beforeEach(async () => {
    await resetDemo(demo.database);
    token = (await demo.enrol('pack-01')).token;
  });
  afterEach(() => vi.restoreAllMocks());

  const postPush = (events: SyncEvent[], as = token) => demo.app.inject({ method: 'POST', url: '/api/sync/push', payload: { events }, headers: bearer(as) });
  async function push(events: SyncEvent[], as = token): Promise<EventResult[]> {
    const res = await postPush(events, as);
    expect(res.statusCode, res.body).toBe(200);
    return pushResponseSchema.parse(res.json()).results;
  }
  async function pull(cursor: string, limit = 1000) {
    const res = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', query: { cursor, limit: String(limit) }, headers: bearer(token) });
    expect(res.statusCode, res.body).toBe(200);
    return pullResponseSchema.parse(res.json());
  }
  async function auditCount(shipmentId: string): Promise<number> {
    const res = await demo.app.inject({ method: 'GET', url: '/api/admin/events', query: { shipmentId }, headers: bearer(demo.adminToken) });
    return res.json().events.length;
  }

  it('answers an id repeated within one push as a resend: "duplicate" for the same body, id_conflict for another', async () => {
    const event = packedEvent(DEMO_SCENARIOS.singleItem);
    const reused = { ...packedEvent(DEMO_SCENARIOS.secondPurchase), id: event.id };
    expect(await push([event, event, reused])).toEqual([
      { id: event.id, status: 'applied' },
      { id: event.id, status: 'duplicate' },
      expect.objectContaining({ id: event.id, status: 'rejected', code: 'id_conflict' }),
    ]);
    expect(await auditCount(DEMO_SCENARIOS.singleItem)).toBe(1);
    expect(await auditCount(DEMO_SCENARIOS.secondPurchase)).toBe(0);
  });

  it('lets a later event of a push see what an earlier one did: a parcel packed and its return logged in one push', async () => {
    const packed = packedEvent(DEMO_SCENARIOS.returnFirst);
    const returned = returnEvent(DEMO_SCENARIOS.returnFirst);
    expect((await push([packed, returned])).map((r) => r.status)).toEqual(['applied', 'applied']);
    const next = (await pull('0')).parcels.find((p) => p.shipmentId === DEMO_SCENARIOS.returnFirstNext);
    expect(next).toMatchObject({ flags: ['FIRST_RETURN'], customerReturnCount: 1 });
  });

  it('answers an unexpected server error for that event alone ("deferred"), applies the others, and the retry applies it exactly once', async () => {
    const events = [packedEvent(DEMO_SCENARIOS.singleItem), packedEvent(DEMO_SCENARIOS.secondPurchase), packedEvent(DEMO_SCENARIOS.diamond)];
    const realPack = COMMAND_HANDLERS['parcel.packed'];
    vi.spyOn(COMMAND_HANDLERS, 'parcel.packed').mockImplementation(async (tx, event, ctx, scope) => {
      if (event.payload.shipmentId === DEMO_SCENARIOS.secondPurchase) throw new Error('a bug this event triggers');
      return realPack(tx, event, ctx, scope);
    });
    expect((await push(events)).map((r) => r.status)).toEqual(['applied', 'deferred', 'applied']);
    expect([await auditCount(DEMO_SCENARIOS.singleItem), await auditCount(DEMO_SCENARIOS.secondPurchase), await auditCount(DEMO_SCENARIOS.diamond)]).toEqual([1, 0, 1]);

    vi.restoreAllMocks();
    expect((await push(events)).map((r) => r.status)).toEqual(['duplicate', 'applied', 'duplicate']);
    expect([await auditCount(DEMO_SCENARIOS.singleItem), await auditCount(DEMO_SCENARIOS.secondPurchase), await auditCount(DEMO_SCENARIOS.diamond)]).toEqual([1, 1, 1]);
  });

  it('never lets a pull skip a pack while several devices push at once', async () => {
    // 4 devices × 3 pushes × 6 packs of parcels of their own, while a fifth device pulls 5 parcels a page.
    const ids = Array.from({ length: 72 }, (_, i) => `S77${String(i).padStart(5, '0')}`);
    await demo.database.write(async (tx) => {
      for (const shipmentId of ids) await upsertParcel(tx, DEMO_WAREHOUSE.id, { ...DEMO_SHIPMENTS[0], shipmentId, customerId: `C77${shipmentId}` });
    });
    let cursor = (await pull('0')).cursor;
    const seen = new Map<string, string>();
    let pushing = true;
    const puller = (async () => {
      for (;;) {
        const wasPushing = pushing;
        const page = await pull(cursor, 5);
        for (const p of page.parcels) seen.set(p.shipmentId, p.status);
        cursor = page.cursor;
        if (!page.more && !wasPushing) return;
        // Yield to the event loop: in-process pulls on PGlite settle in microtasks and would starve the pushes.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const devices = await Promise.all([1, 2, 3, 4].map((d) => demo.enrol(`pack-1${d}`)));
    await Promise.all(
      devices.map(async (device, d) => {
        for (let round = 0; round < 3; round++) {
          const mine = ids.slice(d * 18 + round * 6, d * 18 + round * 6 + 6);
          const results = await push(mine.map((id) => packedEvent(id, { items: DEMO_SHIPMENTS[0].lines.map((l) => ({ ...l })) })), device.token);
          expect(results.every((r) => r.status === 'applied')).toBe(true);
        }
      }),
    );
    pushing = false;
    await puller;
    expect(ids.filter((id) => seen.get(id) !== 'packed')).toEqual([]);
  });
});
