/**
 * Reliability 7: every event the shared schema accepts is answered, never with a 5xx. Events are
 * generated (fast-check) within the schema's own bounds: every field at its limits, strings with SQL,
 * control characters, Japanese and non-BMP text, ids in any case, times over the whole range the schema
 * takes, about parcels in every status, batches and orders real and unknown. They are pushed in random
 * order and batch size; each push is sent again. Checked: no 5xx, one answer per event under the id as
 * sent, no `deferred` (no handler threw), a resend answers "duplicate" for what applied and the same
 * refusal for what was refused, and what the database holds agrees with the answers.
 */
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/server/db/change-seq.js';
import type { Database } from '../../src/server/db/client.js';
import { upsertParcel } from '../../src/server/db/write-master-data.js';
import type { DemoApp } from '../../src/server/demo/demo-app.js';
import { DEMO_PARCELS, DEMO_STAFF, DEMO_WAREHOUSE } from '../../src/server/demo/demo-data.js';
import type { ParcelStatus } from '../../src/shared/domain/parcel.js';
import { syncEventSchema, type SyncEvent } from '../../src/shared/protocol/events.js';
import { MAX_EVENT_BYTES, MAX_EVENT_LINES, MAX_ID_CHARS, MAX_INSERT_CODES, MAX_ITEM_NOTE_CHARS, MAX_RETURN_NOTE_CHARS } from '../../src/shared/protocol/event-limits.js';
import { pullResponseSchema, pushResponseSchema, type EventResult } from '../../src/shared/protocol/sync.js';
import { bearer } from '../helpers/events.js';
import { makeShipmentInput } from '../helpers/fixtures/parcels.js';
import { useDemoApp } from '../helpers/in-process-server.js';
import { TEST_DATABASE_TARGETS } from '../helpers/test-databases.js';
import { RELIABILITY_TIMEOUT_MS, report, size } from './helpers/sizes.js';

const PUSHES = size(50, 2000);
const STATUSES: ParcelStatus[] = ['released', 'picking', 'picked', 'packed', 'shipped', 'held'];
const PER_STATUS = 3;
const PRODUCTS = ['SKU-1001', 'SKU-1002', 'SKU-1003'];

/** A parcel of the generated set: one per status and number, one or two lines. */
const generated = STATUSES.flatMap((status) =>
  Array.from({ length: PER_STATUS }, (_, n) => ({
    shipmentId: `G-${status}-${n}`,
    orderNumber: `GO-${status}-${n}`,
    status,
    lines: PRODUCTS.slice(0, 1 + (n % 2)).map((productCode) => ({ productCode, qty: 1 + n })),
  })),
);

async function seedEveryStatus(database: Database): Promise<void> {
  await database.write(async (tx) => {
    for (const [i, p] of generated.entries()) {
      await upsertParcel(
        tx,
        DEMO_WAREHOUSE.id,
        makeShipmentInput({ shipmentId: p.shipmentId, orderNumber: p.orderNumber, status: p.status, holdReason: p.status === 'held' ? '検品待ち' : null, customerId: `GC${i % 5}`, lines: p.lines }),
      );
    }
  });
}

// --- arbitraries, bounded by the schema's own limits ---
const nasty = fc.constantFrom("'; drop table events; --", 'a\tb\r\nc', '\u0001\u001f\u007f', 'ｱｲｳ 返品 テスト', '𠮷野家🚚', '\\', '"', '%_', '\u2028', 'Ω≈ç√');
/** Any storable text up to `max` UTF-16 units: plain, hostile, Japanese, non-BMP, or exactly at the limit. */
function text(max: number, min = 0): fc.Arbitrary<string> {
  const clip = (s: string) => (s.length > max ? s.slice(0, max) : s);
  return fc
    .oneof(
      { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: Math.min(max, 40) }) },
      { weight: 2, arbitrary: nasty },
      { weight: 1, arbitrary: fc.constantFrom('x'.repeat(max), 'あ'.repeat(max)) },
    )
    // Lone surrogates and NUL are refused by the body parser (400): here the schema's strings are the point.
    .map((s) => clip(s.replace(/\u0000/g, '').replace(/\p{Cs}/gu, '')))
    .filter((s) => s.length >= min && !/\p{Cs}/u.test(s));
}
const shipmentIds = [...generated.map((p) => p.shipmentId), ...DEMO_PARCELS.map((p) => p.shipmentId)];
const orderNumbers = [...generated.map((p) => p.orderNumber), ...DEMO_PARCELS.map((p) => p.orderNumber)];
const aShipmentId = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...shipmentIds) }, { weight: 1, arbitrary: text(MAX_ID_CHARS, 1) });
const aProduct = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PRODUCTS, 'SKU-1004', 'SKU-1009') }, { weight: 1, arbitrary: text(MAX_ID_CHARS, 1) });
const aQty = fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(1_000_000));
/** Any time the schema takes: years 0001–9999, fractions or none. */
const aTime = fc.oneof(
  fc.constantFrom('0001-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2026-11-24T10:00:00Z'),
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((d) => d.toISOString()),
);
/** A uuid in lower, upper or mixed case. */
const anId = fc.tuple(fc.uuid(), fc.constantFrom('lower', 'upper', 'mixed')).map(([id, c]) =>
  c === 'lower' ? id : c === 'upper' ? id.toUpperCase() : [...id].map((ch, i) => (i % 2 ? ch.toUpperCase() : ch)).join(''),
);
const lines = <T>(item: fc.Arbitrary<T>, min = 0) => fc.oneof({ weight: 8, arbitrary: fc.array(item, { minLength: min, maxLength: 4 }) }, { weight: 1, arbitrary: fc.array(item, { minLength: MAX_EVENT_LINES, maxLength: MAX_EVENT_LINES }) });

function payloads(batchIds: string[], batchMembers: string[][]) {
  const aBatch = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...batchIds) }, { weight: 1, arbitrary: text(MAX_ID_CHARS, 1) });
  const members = fc.oneof(fc.constantFrom(...batchMembers), fc.array(aShipmentId, { maxLength: 3 }));
  const allocation = fc.record({ shipmentId: aShipmentId, qty: fc.nat(3) });
  return fc.oneof(
    fc.record({
      type: fc.constant('parcel.packed' as const),
      payload: fc.oneof(
        // Exactly the parcel's lines, so packs often apply.
        fc.constantFrom(...generated).map((p) => ({ shipmentId: p.shipmentId, startedAt: '2026-11-24T09:00:00Z', items: p.lines, insertCodes: [], giftCode: null, flags: [] })),
        fc.record({
          shipmentId: aShipmentId,
          startedAt: aTime,
          items: lines(fc.record({ productCode: aProduct, qty: aQty }), 1),
          insertCodes: fc.oneof(fc.array(text(MAX_ID_CHARS), { maxLength: 3 }), fc.constant(Array.from({ length: MAX_INSERT_CODES }, (_, i) => `L${i}`))),
          giftCode: fc.option(text(MAX_ID_CHARS)),
          flags: fc.subarray(['FIRST_PURCHASE', 'SECOND_PURCHASE', 'FIRST_RETURN'] as const),
        }),
      ),
    }),
    fc.record({ type: fc.constant('batch.claimed' as const), payload: fc.record({ batchId: aBatch, shipmentIds: members.filter((m) => m.length > 0) }) }),
    fc.record({ type: fc.constant('pick.confirmed' as const), payload: fc.record({ batchId: aBatch, productCode: aProduct, location: text(MAX_ID_CHARS), qty: fc.nat(3), allocations: lines(allocation) }) }),
    fc.record({
      type: fc.constant('pick.short' as const),
      payload: fc.record({ batchId: aBatch, productCode: aProduct, location: text(MAX_ID_CHARS), required: fc.integer({ min: 1, max: 3 }), found: fc.nat(2), allocations: lines(allocation), shortShipmentIds: fc.array(aShipmentId, { maxLength: 3 }) }),
    }),
    fc.record({ type: fc.constant('batch.completed' as const), payload: fc.record({ batchId: aBatch, shortShipmentIds: fc.array(aShipmentId, { maxLength: 3 }) }) }),
    fc.record({
      type: fc.constant('return.received' as const),
      payload: fc.record({
        shipmentId: fc.option(aShipmentId),
        orderNumber: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...orderNumbers) }, { weight: 1, arbitrary: text(64, 1).filter((s) => s.trim().length > 0 && s.trim() === s) }),
        startedAt: aTime,
        items: lines(
          fc.record(
            { productCode: aProduct, qty: aQty, condition: fc.constantFrom('unopened', 'opened', 'damaged', 'missing' as const), reasonCode: fc.option(fc.constantFrom('R01', 'R03', 'R99')), note: text(MAX_ITEM_NOTE_CHARS) },
            { requiredKeys: ['productCode', 'qty', 'condition', 'reasonCode'] },
          ),
        ),
        unexpectedItems: fc.array(fc.record({ code: text(MAX_ID_CHARS, 1), productCode: fc.option(aProduct), qty: aQty }), { maxLength: 2 }),
        note: fc.option(text(MAX_RETURN_NOTE_CHARS)),
      }),
    }),
  );
}

/** Events the schema accepts (the ones it refuses are the fuzzed-bodies suite's). */
function events(batchIds: string[], batchMembers: string[][]): fc.Arbitrary<SyncEvent> {
  return fc
    .record({ id: anId, deviceSeq: fc.integer({ min: 1, max: 2_147_483_647 }), staffId: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...DEMO_STAFF.map((s) => s.id)) }, { weight: 1, arbitrary: text(MAX_ID_CHARS, 1) }), at: aTime, body: payloads(batchIds, batchMembers) })
    .map(({ body, ...envelope }) => ({ ...envelope, ...body }) as SyncEvent)
    .filter((e) => syncEventSchema.safeParse(e).success);
}

/** Where the answers and the data could disagree: each count must be zero. */
async function disagreements(database: Database, deviceId: string): Promise<Record<string, number>> {
  return database.read(async (tx) => {
    const rows = rowsOf<Record<string, number>>(
      await tx.execute(sql`select
        (select count(*) from events e left join parcels p on p.shipment_id = e.shipment_id
          where e.device_id = ${deviceId} and e.type = 'parcel.packed' and e.status = 'applied'
            and (p.packed_by_device_id is distinct from ${deviceId} or p.status not in ('packed', 'shipped')))::int as packs_without_parcel,
        (select count(*) from parcels p where p.packed_by_device_id = ${deviceId}
          and not exists (select 1 from events e where e.shipment_id = p.shipment_id and e.type = 'parcel.packed' and e.status = 'applied'))::int as parcels_without_pack,
        (select count(*) from events e where e.device_id = ${deviceId} and e.type = 'return.received' and e.status = 'applied'
          and not exists (select 1 from return_receipts r where r.id = e.id))::int as returns_without_receipt,
        (select count(*) from return_receipts r where r.device_id = ${deviceId}
          and not exists (select 1 from events e where e.id = r.id and e.status = 'applied'))::int as receipts_without_return,
        (select count(*) from pick_batches b where b.claimed_by_device_id = ${deviceId}
          and not exists (select 1 from events e where e.device_id = ${deviceId} and e.type = 'batch.claimed' and e.status = 'applied' and e.body->'payload'->>'batchId' = b.id))::int as claims_without_event`),
    );
    return rows[0];
  });
}

const countOf = async (database: Database) =>
  database.read(async (tx) => Number(rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from events`))[0].n));

describe.each(TEST_DATABASE_TARGETS)('schema-valid events on $name', (target) => {
  let demo: DemoApp;
  useDemoApp(target, (d) => (demo = d));
  beforeAll(async () => seedEveryStatus(demo.database));

  it(
    'answers every event the schema accepts, never 5xx, a resend the same way, and writes exactly what it answers',
    async () => {
      const { token, deviceId } = await demo.enrol('gen-01');
      const page = pullResponseSchema.parse((await demo.app.inject({ method: 'GET', url: '/api/sync/pull', headers: bearer(token) })).json());
      const batches = page.batches.length > 0 ? page.batches : [{ batchId: 'B-none', shipmentIds: ['S0000001'] }];
      const anEvent = events(
        batches.map((b) => b.batchId),
        batches.map((b) => b.shipmentIds),
      );
      const tally = { pushes: 0, events: 0, applied: 0, rejected: 0, refused413: 0, maxEventBytes: 0 };
      const post = (body: unknown) => demo.app.inject({ method: 'POST', url: '/api/sync/push', payload: body as object, headers: bearer(token) });

      await fc.assert(
        fc.asyncProperty(fc.array(anEvent, { minLength: 1, maxLength: 12 }), async (pushed) => {
          const before = await countOf(demo.database);
          const res = await post({ events: pushed });
          tally.pushes += 1;
          tally.events += pushed.length;
          for (const e of pushed) tally.maxEventBytes = Math.max(tally.maxEventBytes, Buffer.byteLength(JSON.stringify(e)));
          expect(res.statusCode, res.body).toBeLessThan(500);
          if (res.statusCode !== 200) {
            // Only the body limit may refuse a push of valid events: then nothing was written.
            expect(res.statusCode, res.body).toBe(413);
            tally.refused413 += 1;
            expect(await countOf(demo.database)).toBe(before);
            return;
          }
          const results = pushResponseSchema.parse(res.json()).results;
          expect(results.map((r) => r.id)).toEqual(pushed.map((e) => e.id));
          expect(results.filter((r) => r.status === 'deferred'), 'a handler threw').toEqual([]);
          tally.applied += results.filter((r) => r.status === 'applied').length;
          tally.rejected += results.filter((r) => r.status === 'rejected').length;

          const again = await post({ events: pushed });
          expect(again.statusCode, again.body).toBe(200);
          const resent = pushResponseSchema.parse(again.json()).results;
          expect(resent.map(expectedOnResend)).toEqual(results.map(expectedOnResend));
          expect(resent.every((r) => r.status !== 'applied')).toBe(true);
          expect(await disagreements(demo.database, deviceId)).toEqual({ packs_without_parcel: 0, parcels_without_pack: 0, returns_without_receipt: 0, receipts_without_return: 0, claims_without_event: 0 });
        }),
        { numRuns: PUSHES },
      );
      expect(tally.maxEventBytes).toBeLessThanOrEqual(MAX_EVENT_BYTES);
      report(`schema-events/${target.name}`, tally);
    },
    RELIABILITY_TIMEOUT_MS * 2,
  );
});

/** What a resend must answer for an event, given its first answer: "duplicate" for applied, the same refusal for refused. */
function expectedOnResend(r: EventResult): string {
  if (r.status === 'applied' || r.status === 'duplicate') return `${r.id} duplicate`;
  return r.status === 'rejected' ? `${r.id} rejected ${r.code}` : `${r.id} ${r.status}`;
}
