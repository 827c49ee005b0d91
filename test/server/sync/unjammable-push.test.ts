/**
 * No event can jam a device's queue: nothing a schema-valid event contains makes the push answer 5xx.
 * Times PostgreSQL cannot store are refused by the schema, ids in any case are one id, no event or
 * push is too big to be answered, and an event the server fails on is answered `deferred` on its own
 * (with the events after it about the same parcel) while the rest apply. Only a database that no
 * longer answers makes the push a 503. On PGlite and (when set) PostgreSQL.
 */
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncEvent } from '../../../src/shared/protocol/events.js';
import { MAX_EVENT_BYTES, MAX_RETURN_NOTE_CHARS } from '../../../src/shared/protocol/event-limits.js';
import { PUSH_MAX_BYTES, PUSH_MAX_EVENTS, pullResponseSchema, pushResponseSchema, type EventResult } from '../../../src/shared/protocol/sync.js';
import { buildDemoApp, type DemoApp } from '../../../src/server/demo/demo-app.js';
import { DEMO_SCENARIOS as S } from '../../../src/server/demo/demo-data.js';
import { resetDemo } from '../../../src/server/demo/seed-demo.js';
import { COMMAND_HANDLERS } from '../../../src/server/sync/commands/index.js';
import { bearer, packedEvent, pickEvent, returnEvent } from '../../helpers/events.js';
import { useDemoApp } from '../../helpers/in-process-server.js';
import { TEST_DATABASE_TARGETS } from '../../helpers/test-databases.js';

describe.each(TEST_DATABASE_TARGETS)('no event jams the queue on $name', (target) => {
  let demo: DemoApp;
  let token: string;
  let deviceId: string;
  const logLines: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });

  useDemoApp(target, (d) => (demo = d), { logger: { level: 'warn', stream: logStream } });
  beforeEach(async () => {
    await resetDemo(demo.database);
    ({ token, deviceId } = await demo.enrol('pack-01'));
    logLines.length = 0;
  });
  afterEach(() => vi.restoreAllMocks());

  const postPush = (events: unknown[]) => demo.app.inject({ method: 'POST', url: '/api/sync/push', payload: { events }, headers: bearer(token) });
  async function push(events: SyncEvent[]): Promise<EventResult[]> {
    const res = await postPush(events);
    expect(res.statusCode, res.body).toBe(200);
    return pushResponseSchema.parse(res.json()).results;
  }
  const admin = (url: string) => demo.app.inject({ method: 'GET', url, headers: bearer(demo.adminToken) });
  const auditCount = async (shipmentId: string) => (await admin(`/api/admin/events?shipmentId=${shipmentId}`)).json().events.length as number;
  const flags = async () => (await admin('/api/admin/supervisor-flags?open=true')).json().flags as { kind: string; deviceId: string; eventId: string; shipmentId: string | null; message: string }[];
  const batchOf = async (shipmentId: string) => {
    const res = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', headers: bearer(token) });
    return pullResponseSchema.parse(res.json()).batches.find((b) => b.shipmentIds.includes(shipmentId))!;
  };

  it('refuses year 0000 in every time field (that event alone, nothing of it written) and applies any year the database stores, a reset clock’s 1970 included', async () => {
    const packed = packedEvent(S.returnFirst);
    expect((await push([packed])).map((r) => r.status)).toEqual(['applied']);
    const batch = await batchOf(S.pickSingleA);
    const year0 = '0000-01-01T00:00:00Z';
    const unstorable = [
      { ...returnEvent(S.returnFirst), at: year0 },
      { ...returnEvent(S.returnFirst, { startedAt: year0 }) },
      { ...pickEvent('batch.claimed', { batchId: batch.batchId, shipmentIds: batch.shipmentIds }), at: year0 },
      { ...pickEvent('batch.completed', { batchId: batch.batchId, shortShipmentIds: [] }), at: year0 },
      { ...packedEvent(S.singleItem), at: year0 },
    ];
    for (const event of unstorable) {
      // Refused alone, with the reason in words; the pack before it in the same push still applies.
      const results = await push([packedEvent(S.secondPurchase), event]);
      expect(results[1]).toMatchObject({ id: event.id, status: 'rejected', code: 'invalid' });
      expect((results[1] as { message: string }).message).toContain('year 0000');
    }
    // The packs are recorded (applied once, then already packed); the refused events are not.
    expect(await auditCount(S.secondPurchase)).toBe(unstorable.length);
    expect([await auditCount(S.returnFirst), await auditCount(S.singleItem)]).toEqual([1, 0]);

    const claimed = { ...pickEvent('batch.claimed', { batchId: batch.batchId, shipmentIds: batch.shipmentIds }), at: '1970-01-01T00:00:00Z' };
    const completed = { ...pickEvent('batch.completed', { batchId: batch.batchId, shortShipmentIds: [] }), at: '9999-12-31T23:59:59.999Z' };
    const returned = { ...returnEvent(S.returnFirst, { startedAt: '0001-01-01T00:00:00Z' }), at: '0001-01-01T00:00:00Z' };
    expect((await push([claimed, completed, returned])).map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect((await push([claimed, completed, returned])).map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
  });

  it('treats an upper-case event id as the same id: answered as sent, a resend is "duplicate", another body under it is id_conflict', async () => {
    const packed = packedEvent(S.singleItem);
    const upper = { ...packed, id: packed.id.toUpperCase() };
    const returned = returnEvent(S.singleItem);
    const returnedUpper = { ...returned, id: returned.id.toUpperCase() };
    expect(await push([upper, returnedUpper])).toEqual([
      { id: upper.id, status: 'applied' },
      { id: returnedUpper.id, status: 'applied' },
    ]);
    expect(await push([upper, packed, returnedUpper])).toEqual([
      { id: upper.id, status: 'duplicate' },
      { id: packed.id, status: 'duplicate' },
      { id: returnedUpper.id, status: 'duplicate' },
    ]);
    const other = { ...packedEvent(S.secondPurchase), id: upper.id };
    expect(await push([other])).toEqual([expect.objectContaining({ id: upper.id, status: 'rejected', code: 'id_conflict' })]);
    // A rejection is answered again under whichever case the device uses this time.
    const held = packedEvent(S.held);
    expect((await push([held]))[0]).toMatchObject({ id: held.id, status: 'rejected', code: 'parcel_held' });
    expect((await push([{ ...held, id: held.id.toUpperCase() }]))[0]).toMatchObject({ id: held.id.toUpperCase(), status: 'rejected', code: 'parcel_held' });
    expect([await auditCount(S.singleItem), await auditCount(S.secondPurchase)]).toEqual([2, 0]);
  });

  it('answers a push over the body limit 413 with the limit, refuses one event over MAX_EVENT_BYTES by schema, and announces the limits in every pull', async () => {
    const longNote = 'あ'.repeat(MAX_RETURN_NOTE_CHARS);
    const big = Array.from({ length: PUSH_MAX_EVENTS }, () => returnEvent(S.returnFirst, { note: longNote }));
    expect(Buffer.byteLength(JSON.stringify({ events: big }))).toBeGreaterThan(PUSH_MAX_BYTES);
    const tooLarge = await postPush(big);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ error: 'payload_too_large', maxBytes: PUSH_MAX_BYTES });
    expect(tooLarge.json().message).toContain(String(PUSH_MAX_BYTES));

    // Every field within its own maximum, the whole over MAX_EVENT_BYTES: refused by the schema.
    const items = Array.from({ length: 200 }, () => ({ productCode: 'SKU-1001', qty: 1, condition: 'opened' as const, reasonCode: 'R03', note: 'い'.repeat(500) }));
    const heavy = returnEvent(S.returnFirst, { items });
    expect(Buffer.byteLength(JSON.stringify(heavy))).toBeGreaterThan(MAX_EVENT_BYTES);
    const [refused] = await push([heavy]);
    expect(refused).toMatchObject({ id: heavy.id, status: 'rejected', code: 'invalid' });
    expect((refused as { message: string }).message).toContain(`${MAX_EVENT_BYTES} bytes`);

    const page = await demo.app.inject({ method: 'GET', url: '/api/sync/pull', headers: bearer(token) });
    expect(pullResponseSchema.parse(page.json()).pushLimits).toEqual({ maxEvents: PUSH_MAX_EVENTS, maxBytes: PUSH_MAX_BYTES });
  });

  it('answers an event the server fails on "deferred" with the events about its parcel, applies the rest, flags and logs it, and never records it', async () => {
    const realPack = COMMAND_HANDLERS['parcel.packed'];
    vi.spyOn(COMMAND_HANDLERS, 'parcel.packed').mockImplementation(async (tx, event, ctx, scope) => {
      if (event.payload.shipmentId === S.returnFirst) throw new Error('a bug this event triggers');
      return realPack(tx, event, ctx, scope);
    });
    // Numbered 1–4 like one device's outbox, so the sequence bookkeeping is watched too.
    const [before, failing, follower, after] = [packedEvent(S.singleItem), packedEvent(S.returnFirst), returnEvent(S.returnFirst), packedEvent(S.diamond)].map(
      (event, i) => ({ ...event, deviceSeq: i + 1 }) as SyncEvent,
    );
    const results = await push([before, failing, follower, after]);
    expect(results.map((r) => [r.id, r.status])).toEqual([
      [before.id, 'applied'],
      [failing.id, 'deferred'],
      [follower.id, 'deferred'],
      [after.id, 'applied'],
    ]);
    expect(results[2]).toMatchObject({ message: expect.stringContaining(`parcel ${S.returnFirst}`) });
    expect(await auditCount(S.returnFirst)).toBe(0);
    expect(await flags()).toEqual([expect.objectContaining({ kind: 'event_failed', deviceId, eventId: failing.id, shipmentId: S.returnFirst })]);
    const logged = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.eventId === failing.id);
    expect(logged).toEqual([expect.objectContaining({ eventType: 'parcel.packed', level: 50 })]);

    // Still failing: deferred again, one flag still. Then fixed: the retry applies it and its follower.
    expect((await push([failing, follower])).map((r) => r.status)).toEqual(['deferred', 'deferred']);
    expect(await flags()).toHaveLength(1);
    vi.restoreAllMocks();
    expect((await push([before, failing, follower, after])).map((r) => r.status)).toEqual(['duplicate', 'applied', 'applied', 'duplicate']);
    // The device's numbering moved past the deferred events: neither a gap nor a restart was flagged.
    expect((await flags()).map((f) => f.kind)).toEqual(['event_failed']);
  });
});

describe.each(TEST_DATABASE_TARGETS)('a database that stops answering on $name', (target) => {
  it('answers the push 503 (not a deferred answer per event), keeping what committed before', async () => {
    const { database, dispose } = await target.open();
    const demo = await buildDemoApp({ database });
    try {
      await resetDemo(database);
      const { token } = await demo.enrol('pack-01');
      const realPack = COMMAND_HANDLERS['parcel.packed'];
      vi.spyOn(COMMAND_HANDLERS, 'parcel.packed').mockImplementation(async (tx, event, ctx, scope) => {
        if (event.payload.shipmentId !== S.secondPurchase) return realPack(tx, event, ctx, scope);
        // The database goes away while this event is applied.
        void database.close().catch(() => undefined);
        throw new Error('connection lost');
      });
      const res = await demo.app.inject({ method: 'POST', url: '/api/sync/push', payload: { events: [packedEvent(S.singleItem), packedEvent(S.secondPurchase)] }, headers: bearer(token) });
      expect(res.statusCode, res.body).toBe(503);
      expect(res.json()).toMatchObject({ error: 'unavailable' });
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      vi.restoreAllMocks();
      await demo.app.close().catch(() => undefined);
      await dispose().catch(() => undefined);
    }
  });
});
