/** Pull and push, end to end through the HTTP API, on PGlite and (when configured) PostgreSQL. */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema, type EventResult, type PullResponse } from '../../../src/shared/protocol/sync.js';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';
import * as t from '../../../src/server/db/schema.js';
import { setParcelStatus, upsertParcel } from '../../../src/server/db/write-master-data.js';
import type { DemoApp } from '../../../src/server/demo/demo-app.js';
import { DEMO_CATALOGUE, DEMO_PARCELS, DEMO_SCENARIOS, DEMO_SHIPMENTS, DEMO_STAFF } from '../../../src/server/demo/demo-data.js';
import { resetDemo } from '../../../src/server/demo/seed-demo.js';
import { bearer, packedEvent } from '../../helpers/events.js';
import { TEST_DATABASE_TARGETS } from '../../helpers/test-databases.js';
import { useDemoApp } from '../../helpers/in-process-server.js';

describe.each(TEST_DATABASE_TARGETS)('sync on $name', (target) => {
  let demo: DemoApp;
  let token: string;

  useDemoApp(target, (d) => (demo = d));
  beforeEach(async () => {
    await resetDemo(demo.database);
    token = (await demo.enrol('pack-01')).token;
  });

  async function pull(cursor = '0', limit?: number, as = token): Promise<PullResponse> {
    const res = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', query: { cursor, ...(limit ? { limit: String(limit) } : {}) }, headers: bearer(as) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const page = pullResponseSchema.parse(body);
    // The server sends pull replies unchecked (routes/sync.ts): each must already be exactly the wire
    // format, with no field the schema would strip.
    expect(body).toEqual(page);
    return page;
  }

  async function push(events: SyncEvent[], as = token): Promise<EventResult[]> {
    const res = await demo.app.inject({ method: 'POST', url: '/api/sync/push', payload: { events }, headers: bearer(as) });
    expect(res.statusCode, res.body).toBe(200);
    return pushResponseSchema.parse(res.json()).results;
  }

  async function auditCount(shipmentId: string): Promise<number> {
    const res = await demo.app.inject({ method: 'GET', url: '/api/admin/events', query: { shipmentId }, headers: bearer(demo.adminToken) });
    return res.json().events.length;
  }

  describe('pull', () => {
    it('gives a new device the whole catalogue and every parcel of its warehouse', async () => {
      const page = await pull();
      expect(page.more).toBe(false);
      const byFlag = (a: { flag: string }, b: { flag: string }) => a.flag.localeCompare(b.flag);
      expect({ ...page.catalogue!, humanTouchRules: [...page.catalogue!.humanTouchRules].sort(byFlag) }).toEqual({
        ...DEMO_CATALOGUE,
        humanTouchRules: [...DEMO_CATALOGUE.humanTouchRules].sort(byFlag),
      });
      expect(page.parcels).toEqual(DEMO_PARCELS);
    });

    it('never sends a customer e-mail address', async () => {
      const res = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', headers: bearer(token) });
      expect(res.body).not.toContain('@example.jp');
      expect(res.body).not.toMatch(/mail/i);
      expect(DEMO_SHIPMENTS[0].customerEmail).toContain('@');
    });

    it('names the next page\'s cursor in a header while there is more, and not on the last page', async () => {
      const first = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', query: { cursor: '0', limit: '2' }, headers: bearer(token) });
      expect(first.headers['next-cursor']).toBe(first.json().cursor);
      const last = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', query: { cursor: '0', limit: '5000' }, headers: bearer(token) });
      expect(last.json().more).toBe(false);
      expect(last.headers['next-cursor']).toBeUndefined();
    });

    it('pages through parcels by cursor and then has nothing new', async () => {
      const seen: string[] = [];
      let cursor = '0';
      let pages = 0;
      for (;;) {
        const page = await pull(cursor, 5);
        pages++;
        seen.push(...page.parcels.map((p) => p.shipmentId));
        expect(BigInt(page.cursor) >= BigInt(cursor)).toBe(true);
        cursor = page.cursor;
        if (!page.more) break;
      }
      expect(pages).toBe(Math.ceil(DEMO_PARCELS.length / 5));
      expect(seen).toEqual(DEMO_PARCELS.map((p) => p.shipmentId));
      const again = await pull(cursor);
      expect(again).toMatchObject({ cursor, more: false, catalogue: null, parcels: [], batches: [] });
    });

    it('shows a status change on the next pull, and only the changed parcel', async () => {
      const { cursor } = await pull();
      await demo.database.write((tx) => setParcelStatus(tx, DEMO_SCENARIOS.singleItem, 'held', '欠品'));
      const next = await pull(cursor);
      expect(next.catalogue).toBeNull();
      expect(next.parcels).toHaveLength(1);
      expect(next.parcels[0]).toMatchObject({ shipmentId: DEMO_SCENARIOS.singleItem, status: 'held', holdReason: '欠品' });
    });

    it('only shows parcels of the device’s own warehouse', async () => {
      await demo.database.write(async (tx) => {
        await tx.insert(t.warehouses).values({ id: 'WH2', name: '大阪DC' });
        await upsertParcel(tx, 'WH2', { ...DEMO_SHIPMENTS[0], shipmentId: 'S0000900' });
      });
      const page = await pull();
      expect(page.parcels.map((p) => p.shipmentId)).not.toContain('S0000900');
      const osaka = await demo.enrol('osaka-01', 'WH2');
      const theirs = await pull('0', undefined, osaka.token);
      expect(theirs.parcels.map((p) => p.shipmentId)).toEqual(['S0000900']);
      expect(theirs.catalogue!.staff).toEqual([]);
      // Packing another warehouse's parcel is refused as forbidden (the 403 of that one event).
      const [result] = await push([packedEvent('S0000900')]);
      expect(result).toMatchObject({ status: 'rejected', code: 'forbidden' });
    });

    it('refuses a malformed cursor with a readable 400', async () => {
      const res = await demo.app.inject({ method: 'GET', url: '/api/sync/pull?cursor=abc', headers: bearer(token) });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'bad_request' });
      expect(res.json().message).toContain('cursor');
    });
  });

  describe('push', () => {
    it('applies a pack: the parcel is packed by that staff on that device on the next pull', async () => {
      const { cursor } = await pull();
      const event = packedEvent(DEMO_SCENARIOS.multiItemGiftFirstPurchase);
      expect(await push([event])).toEqual([{ id: event.id, status: 'applied' }]);
      const next = await pull(cursor);
      expect(next.parcels).toHaveLength(1);
      expect(next.parcels[0]).toMatchObject({
        shipmentId: DEMO_SCENARIOS.multiItemGiftFirstPurchase,
        status: 'packed',
        packedBy: { staffName: DEMO_STAFF[0].name, deviceName: 'pack-01', at: '2026-11-24T10:00:00Z' },
      });
    });

    it('pulls the packing time to the millisecond', async () => {
      const { cursor } = await pull();
      await push([packedEvent(DEMO_SCENARIOS.singleItem, { at: '2026-11-24T10:00:00.250Z' })]);
      const [parcel] = (await pull(cursor)).parcels;
      expect(parcel.packedBy?.at).toBe('2026-11-24T10:00:00.250Z');
    });

    it('answers a resent event "duplicate" and applies it only once', async () => {
      const event = packedEvent(DEMO_SCENARIOS.singleItem);
      expect((await push([event]))[0].status).toBe('applied');
      expect(await push([event])).toEqual([{ id: event.id, status: 'duplicate' }]);
      expect(await auditCount(DEMO_SCENARIOS.singleItem)).toBe(1);
    });

    it('refuses a different event that reuses a known id (id_conflict)', async () => {
      const event = packedEvent(DEMO_SCENARIOS.singleItem);
      await push([event]);
      const [result] = await push([{ ...event, staffId: DEMO_STAFF[1].id }]);
      expect(result).toMatchObject({ id: event.id, status: 'rejected', code: 'id_conflict' });
    });

    it('refuses a held parcel', async () => {
      const [result] = await push([packedEvent(DEMO_SCENARIOS.held)]);
      expect(result).toMatchObject({ status: 'rejected', code: 'parcel_held' });
      if (result.status === 'rejected') expect(result.message).toContain('前日注文キャンセル');
    });

    it('tells the second packer who packed the parcel first, on which device and when', async () => {
      await push([packedEvent(DEMO_SCENARIOS.singleItem)]);
      const other = await demo.enrol('pack-02');
      const [result] = await push([packedEvent(DEMO_SCENARIOS.singleItem, { staffId: DEMO_STAFF[1].id, at: '2026-11-24T10:05:00Z' })], other.token);
      expect(result).toMatchObject({
        status: 'rejected',
        code: 'already_packed',
        detail: { staffName: '佐藤 美咲', deviceName: 'pack-01', at: '2026-11-24T10:00:00Z' },
      });
      if (result.status === 'rejected') expect(result.message).toBe(`Parcel ${DEMO_SCENARIOS.singleItem} was already packed by 佐藤 美咲 on pack-01 at 2026-11-24T10:00:00Z.`);
    });

    it('refuses items that do not equal the parcel lines exactly, and changes nothing', async () => {
      const { cursor } = await pull();
      const cases = [
        [{ productCode: 'SKU-1002', qty: 1 }, { productCode: 'SKU-1006', qty: 1 }, { productCode: 'SKU-1007', qty: 1 }], // one unit short
        [{ productCode: 'SKU-1002', qty: 1 }, { productCode: 'SKU-1006', qty: 2 }], // a line missing
        [{ productCode: 'SKU-1002', qty: 1 }, { productCode: 'SKU-1006', qty: 2 }, { productCode: 'SKU-1007', qty: 1 }, { productCode: 'SKU-1001', qty: 1 }], // an extra product
      ];
      for (const items of cases) {
        const [result] = await push([packedEvent(DEMO_SCENARIOS.multiItemGiftFirstPurchase, { items })]);
        expect(result).toMatchObject({ status: 'rejected', code: 'items_mismatch' });
      }
      expect((await pull(cursor)).parcels).toEqual([]);
    });

    it('accepts the same units split over several item rows', async () => {
      const items = [{ productCode: 'SKU-1006', qty: 1 }, { productCode: 'SKU-1002', qty: 1 }, { productCode: 'SKU-1006', qty: 1 }, { productCode: 'SKU-1007', qty: 1 }];
      const [result] = await push([packedEvent(DEMO_SCENARIOS.multiItemGiftFirstPurchase, { items })]);
      expect(result.status).toBe('applied');
    });

    it('refuses an unknown parcel and an unknown staff member', async () => {
      expect((await push([packedEvent('S0999999')]))[0]).toMatchObject({ status: 'rejected', code: 'parcel_unknown' });
      expect((await push([packedEvent(DEMO_SCENARIOS.singleItem, { staffId: 'staff-999' })]))[0]).toMatchObject({ status: 'rejected', code: 'invalid' });
    });

    it('answers a resent rejected event with the same rejection, even after the parcel changed', async () => {
      const event = packedEvent(DEMO_SCENARIOS.held);
      const [first] = await push([event]);
      await demo.database.write((tx) => setParcelStatus(tx, DEMO_SCENARIOS.held, 'released'));
      const [again] = await push([event]);
      expect(again).toEqual(first);
    });

    it('processes the events of one push in order', async () => {
      const first = packedEvent(DEMO_SCENARIOS.secondPurchase);
      const second = packedEvent(DEMO_SCENARIOS.secondPurchase);
      const results = await push([first, second]);
      expect(results.map((r) => r.status)).toEqual(['applied', 'rejected']);
      expect(results[1]).toMatchObject({ code: 'already_packed' });
    });

    it('applies an event exactly once when it is pushed several times at the same moment', async () => {
      const event = packedEvent(DEMO_SCENARIOS.diamond);
      // Several copies at once: on PostgreSQL they really overlap (pool of connections).
      const all = await Promise.all(Array.from({ length: 6 }, () => push([event])));
      expect(all.map(([r]) => r.status).sort()).toEqual(['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
      expect(await auditCount(DEMO_SCENARIOS.diamond)).toBe(1);
    });

    it('lets exactly one of two devices packing the same parcel at once win', async () => {
      const other = await demo.enrol('pack-02');
      const [[a], [b]] = await Promise.all([
        push([packedEvent(DEMO_SCENARIOS.innerNoshi)]),
        push([packedEvent(DEMO_SCENARIOS.innerNoshi, { staffId: DEMO_STAFF[1].id })], other.token),
      ]);
      expect([a.status, b.status].sort()).toEqual(['applied', 'rejected']);
      expect([a, b].find((r) => r.status === 'rejected')).toMatchObject({ code: 'already_packed' });
    });

    it('answers "duplicate" when a re-enrolled device resends an event already applied', async () => {
      const event = packedEvent(DEMO_SCENARIOS.firstReturn);
      await push([event]);
      const reenrolled = await demo.enrol('pack-01');
      expect(await push([event], reenrolled.token)).toEqual([{ id: event.id, status: 'duplicate' }]);
    });

    it('survives a back-office hold racing a pack of the same parcel (no deadlock, one clear outcome)', async () => {
      const shipmentId = 'S0000010';
      const [[result]] = await Promise.all([
        push([packedEvent(shipmentId)]),
        demo.database.write((tx) => setParcelStatus(tx, shipmentId, 'held', '不正チェック')),
      ]);
      expect(['applied', 'rejected']).toContain(result.status);
      if (result.status === 'rejected') expect(result.code).toBe('parcel_held');
    });

    it('records how far the device has pushed and when it was last seen', async () => {
      const device = await demo.enrol('pack-09');
      await push([packedEvent(DEMO_SCENARIOS.firstReturn, { deviceSeq: 41 }), packedEvent(DEMO_SCENARIOS.twoFlags, { deviceSeq: 42 })], device.token);
      const [row] = await demo.database.read((tx) => tx.select().from(t.devices).where(eq(t.devices.id, device.deviceId)));
      expect(row.lastDeviceSeq).toBe(42);
      expect(row.lastSeenAt).toBeInstanceOf(Date);
    });

    it('refuses an event that does not read on its own, with the reason, and applies the events around it', async () => {
      const { cursor } = await pull();
      const good = packedEvent(DEMO_SCENARIOS.singleItem);
      const bad = { ...packedEvent(DEMO_SCENARIOS.secondPurchase), id: 'not-a-uuid' };
      const send = () => demo.app.inject({ method: 'POST', url: '/api/sync/push', payload: { events: [bad, good] }, headers: bearer(token) });
      const res = await send();
      expect(res.statusCode).toBe(200);
      const [refused, applied] = res.json().results;
      expect(refused).toMatchObject({ id: 'not-a-uuid', status: 'rejected', code: 'invalid', detail: { finding: expect.stringMatching(/^id:/) } });
      expect(applied).toEqual({ id: good.id, status: 'applied' });
      expect((await pull(cursor)).parcels.map((p) => p.shipmentId)).toEqual([DEMO_SCENARIOS.singleItem]);
      expect(await auditCount(DEMO_SCENARIOS.secondPurchase)).toBe(0);
      // A resend gets the same answers: the refusal again, and "duplicate" for what was applied.
      expect((await send()).json().results.map((r: { status: string }) => r.status)).toEqual(['rejected', 'duplicate']);
    });

    it('refuses a body that is not a batch of events with a readable 400 and changes nothing', async () => {
      const res = await demo.app.inject({ method: 'POST', url: '/api/sync/push', payload: { events: [] }, headers: bearer(token) });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('bad_request');
    });
  });
});
