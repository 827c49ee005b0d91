/**
 * Reliability 1: the same events pushed concurrently 100 times over 3 separate HTTP sessions → each
 * applied exactly once; exactly one answer per event says "applied", every other one "duplicate".
 * Rival events (another device packing the same parcel) in the storm → still one winner per parcel.
 */
import { Agent } from 'node:http';
import { describe, expect, it } from 'vitest';
import { pushResponseSchema, type EventResult } from '../../src/shared/protocol/sync.js';
import type { SyncEvent } from '../../src/shared/protocol/events.js';
import { useLiveApp, type LiveApp } from '../helpers/in-process-server.js';
import { TEST_DATABASE_TARGETS } from '../helpers/test-databases.js';
import { packEvent, parcelId, seedReliability } from './helpers/fixture.js';
import { postThrough } from './helpers/http.js';
import { RELIABILITY_TIMEOUT_MS, report, size } from './helpers/sizes.js';
import { tallyServer } from './helpers/verify.js';

const PARCELS = size(10, 50);
const PUSHES = size(100, 400);
const SESSIONS = 3;

describe.each(TEST_DATABASE_TARGETS)('duplicate storm on $name', (target) => {
  let live: LiveApp;
  useLiveApp(target, (database) => seedReliability(database, PARCELS), (started) => (live = started));

  it(
    `applies each event once when it is pushed ${PUSHES} times at once from ${SESSIONS} sessions`,
    async () => {
      const a = await live.demo.enrol('storm-a');
      const b = await live.demo.enrol('storm-b');
      const events: SyncEvent[] = Array.from({ length: PARCELS }, (_, i) => packEvent(parcelId(i + 1), i + 1));
      // Device B packed the first half of the same parcels offline: rivals, with their own ids.
      const rivals: SyncEvent[] = Array.from({ length: Math.ceil(PARCELS / 2) }, (_, i) => packEvent(parcelId(i + 1), i + 1, 'staff-002'));
      // Separate connection pools: three sessions, like three tabs or a device and its retries.
      const sessions = Array.from({ length: SESSIONS }, () => new Agent({ keepAlive: true, maxSockets: 4 }));
      const answers: EventResult[] = [];
      let non200 = 0;
      await Promise.all(
        Array.from({ length: PUSHES }, async (_, n) => {
          const rival = n % 5 === 4;
          const res = await postThrough(sessions[n % SESSIONS], `${live.url}/api/sync/push`, rival ? b.token : a.token, { events: rival ? rivals : events });
          if (res.status !== 200) non200 += 1;
          else answers.push(...pushResponseSchema.parse(JSON.parse(res.body)).results);
        }),
      );
      for (const s of sessions) s.destroy();

      const tally = await tallyServer(live.demo.database);
      const appliedAnswers = new Map<string, number>();
      for (const r of answers) if (r.status === 'applied') appliedAnswers.set(r.id, (appliedAnswers.get(r.id) ?? 0) + 1);
      const doubled = [...tally.appliedPerParcel.values()].filter((n) => n > 1).length;
      report(`duplicate-storm/${target.name}`, { pushes: PUSHES, sessions: SESSIONS, events: events.length + rivals.length, answers: answers.length, doubled });

      expect(non200).toBe(0);
      // Every parcel packed exactly once, by one of the events that named it.
      expect(tally.packedParcels.size).toBe(PARCELS);
      expect(doubled).toBe(0);
      for (let i = 1; i <= PARCELS; i++) expect(tally.appliedPerParcel.get(parcelId(i))).toBe(1);
      // Each event has exactly one record, and at most one reply ever said "applied".
      for (const e of [...events, ...rivals]) {
        expect(tally.events.has(e.id)).toBe(true);
        expect(appliedAnswers.get(e.id) ?? 0).toBe(tally.events.get(e.id) === 'applied' ? 1 : 0);
      }
      // A rival that lost always heard the same rejection, in words naming who packed it.
      for (const r of answers.filter((x) => x.status === 'rejected')) {
        expect(r).toMatchObject({ code: 'already_packed' });
      }
    },
    RELIABILITY_TIMEOUT_MS,
  );
});
