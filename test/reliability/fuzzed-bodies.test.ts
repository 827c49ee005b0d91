/**
 * Reliability 6: fuzzed API bodies (fast-check) → never a 5xx, never a partial write. A refused
 * request (any non-200) changes nothing at all; an accepted push answers every event and changes
 * exactly what its per-event results say (one event row per new answer except the events that did
 * not read, which are answered alone and not recorded; one packed parcel per "applied").
 */
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client.js';
import { pushResponseSchema } from '../../src/shared/protocol/sync.js';
import { useLiveApp, type LiveApp } from '../helpers/in-process-server.js';
import { TEST_DATABASE_TARGETS } from '../helpers/test-databases.js';
import { parcelId, RELIABILITY_PRODUCT, seedReliability } from './helpers/fixture.js';
import { RELIABILITY_TIMEOUT_MS, report, size } from './helpers/sizes.js';

const RUNS = size(120, 2000);
const PARCELS = 40;

/** Everything a request could write, as one comparable value. */
async function snapshot(database: Database) {
  return database.read(async (tx) => {
    const rows = await tx.execute(sql`select
      (select count(*) from events)::int as events,
      (select count(*) from devices)::int as devices,
      (select count(*) from enrolment_codes)::int as codes,
      (select count(*) from enrolment_codes where used_at is not null)::int as used_codes,
      (select count(*) from parcels where status = 'packed')::int as packed,
      (select coalesce(max(last_seq), 0) from change_counter)::bigint as last_seq,
      (select count(*) from devices where revoked_at is not null)::int as revoked`);
    const list = (rows as unknown as { rows?: unknown[] }).rows ?? (rows as unknown as unknown[]);
    return JSON.parse(JSON.stringify(list[0])) as Record<string, number | string>;
  });
}

// Strings that hurt: NUL (PostgreSQL text refuses it), lone surrogates, huge, SQL-ish, unicode.
const nastyString = fc.oneof(
  fc.string(),
  fc.constantFrom('', '\u0000', 'a\u0000b', '\ud800', "'; drop table events; --", 'ｱｲｳ', '🚚', 'x'.repeat(5000), parcelId(1), 'S0000006', 'SKU-1001'),
);
const nastyNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 31 - 1, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e308));
const nastyDate = fc.oneof(fc.constant('2026-11-24T10:00:00.000Z'), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), nastyString, fc.constantFrom('0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00.000Z'));

/** Mostly the valid value, sometimes a wrong one: so whole events often reach the command handler. */
function mostly<T>(valid: fc.Arbitrary<T>, wrong: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: wrong });
}

/** An event that is close enough to valid to reach the server's logic, with any field possibly wrong. */
const nearEvent = fc.record({
  id: mostly(fc.uuid(), nastyString),
  deviceSeq: mostly(fc.integer({ min: 1, max: 10_000 }), nastyNumber),
  staffId: mostly(fc.constantFrom('staff-001', 'staff-002', 'staff-999'), nastyString),
  at: mostly(fc.constant('2026-11-24T10:00:00.000Z'), nastyDate),
  type: mostly(fc.constant('parcel.packed'), nastyString),
  payload: fc.record({
    shipmentId: mostly(fc.oneof(fc.integer({ min: 1, max: PARCELS }).map(parcelId), fc.constantFrom('S0000006', 'S0000001', 'NOPE')), nastyString),
    startedAt: mostly(fc.constant('2026-11-24T09:59:00.000Z'), nastyDate),
    items: mostly(
      fc.constant([{ productCode: RELIABILITY_PRODUCT, qty: 1 }]),
      fc.array(fc.record({ productCode: fc.oneof(fc.constant(RELIABILITY_PRODUCT), nastyString), qty: nastyNumber }), { maxLength: 5 }),
    ),
    insertCodes: mostly(fc.constant([]), fc.array(nastyString, { maxLength: 3 })),
    giftCode: mostly(fc.constant(null), nastyString),
    flags: mostly(fc.constant([]), fc.array(fc.oneof(fc.constantFrom('FIRST_PURCHASE', 'SECOND_PURCHASE', 'FIRST_RETURN'), nastyString), { maxLength: 3 })),
  }),
});

describe.each(TEST_DATABASE_TARGETS)('fuzzed bodies on $name', (target) => {
  let live: LiveApp;
  let token: string;
  useLiveApp(target, (database) => seedReliability(database, PARCELS), (started) => (live = started));
  beforeAll(async () => {
    token = (await live.demo.enrol('fuzz-01')).token;
  });

  it(
    'never answers 5xx and never writes part of a push',
    async () => {
      // Ids the server has recorded: a resent one answers from its record and adds no row.
      const recorded = new Set<string>();
      let requests = 0;
      let accepted = 0;
      let applied = 0;
      const statuses = new Map<number, number>();
      const pushBody = fc.oneof(
        { weight: 3, arbitrary: fc.record({ events: fc.array(nearEvent, { minLength: 1, maxLength: 3 }) }) },
        { weight: 1, arbitrary: fc.jsonValue() },
        { weight: 1, arbitrary: fc.record({ events: fc.array(fc.jsonValue(), { maxLength: 4 }) }) },
      );
      await fc.assert(
        fc.asyncProperty(pushBody, fc.boolean(), async (body, resendFirst) => {
          const before = await snapshot(live.demo.database);
          const res = await live.demo.app.inject({ method: 'POST', url: '/api/sync/push', headers: { authorization: `Bearer ${token}` }, payload: body as object });
          requests += 1;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          expect(res.statusCode, res.body).toBeLessThan(500);
          const after = await snapshot(live.demo.database);
          if (res.statusCode !== 200) {
            expect(after, `a refused push changed something: ${res.body}`).toEqual(before);
            return;
          }
          accepted += 1;
          const { results } = pushResponseSchema.parse(res.json());
          // An event that does not read is answered alone (with what the check found) and not recorded.
          const unread = (r: (typeof results)[number]) => r.status === 'rejected' && r.code === 'invalid' && r.detail?.finding !== undefined;
          expect(results).toHaveLength((body as { events: unknown[] }).events.length);
          const newIds = new Set(results.filter((r) => !recorded.has(r.id) && !unread(r) && !(r.status === 'rejected' && r.code === 'id_conflict')).map((r) => r.id));
          for (const id of newIds) recorded.add(id);
          const appliedNow = results.filter((r) => r.status === 'applied').length;
          applied += appliedNow;
          expect(Number(after.events) - Number(before.events)).toBe(newIds.size);
          expect(Number(after.packed) - Number(before.packed)).toBe(appliedNow);
          // The same push again changes nothing and every answer is the recorded one.
          if (resendFirst) {
            const again = await live.demo.app.inject({ method: 'POST', url: '/api/sync/push', headers: { authorization: `Bearer ${token}` }, payload: body as object });
            expect(again.statusCode).toBe(200);
            expect(await snapshot(live.demo.database)).toEqual(after);
          }
        }),
        { numRuns: RUNS },
      );

      // Enrolment and admin bodies: any JSON, never a 5xx, a refusal changes nothing.
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.record({ code: nastyString, deviceName: nastyString }), fc.record({ warehouseId: nastyString })), fc.constantFrom('/api/enrol', '/api/admin/enrolment-codes'), async (body, url) => {
          const before = await snapshot(live.demo.database);
          const res = await live.demo.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${live.demo.adminToken}` }, payload: body as object });
          requests += 1;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          expect(res.statusCode, res.body).toBeLessThan(500);
          if (res.statusCode !== 200) expect(await snapshot(live.demo.database)).toEqual(before);
        }),
        { numRuns: Math.ceil(RUNS / 2) },
      );

      // Raw bytes that are not JSON at all, pull queries of any shape (the stuck-event report's fields
      // too, and keys given twice), and any credential on the device route.
      const queryKey = fc.constantFrom('cursor', 'limit', 'pending', 'rejected', 'stuckId', 'stuckType', 'stuckSince', 'stuckAttempts', 'stuckReason', 'x', '__proto__');
      const queryValue = fc.oneof(nastyString, nastyDate, nastyNumber.map(String), fc.uuid().map((u) => u.toUpperCase()), fc.array(nastyString, { minLength: 2, maxLength: 2 }));
      const credential = fc.oneof(fc.constant(`Bearer ${token}`), nastyString.map((s) => `Bearer ${s}`), nastyString);
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 200 }), fc.dictionary(queryKey, queryValue), credential, async (raw, query, authorization) => {
          const res = await live.demo.app.inject({ method: 'POST', url: '/api/sync/push', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: raw });
          const pull = await live.demo.app.inject({ method: 'GET', url: '/api/sync/pull', headers: { authorization: `Bearer ${token}` }, query });
          // A header value Node would refuse to send never reaches the server: skip those.
          const device = /^[\t\x20-\x7e\x80-\xff]*$/.test(authorization) ? await live.demo.app.inject({ method: 'GET', url: '/api/device', headers: { authorization } }) : null;
          requests += device ? 3 : 2;
          expect(res.statusCode, res.body).toBeLessThan(500);
          expect(pull.statusCode, pull.body).toBeLessThan(500);
          if (device) expect(device.statusCode, device.body).toBeLessThan(500);
        }),
        { numRuns: Math.ceil(RUNS / 2) },
      );
      report(`fuzzed-bodies/${target.name}`, { requests, acceptedPushes: accepted, applied, statuses: [...statuses].map(([s, n]) => `${s}:${n}`).join(',') });
    },
    RELIABILITY_TIMEOUT_MS * 2,
  );
});
