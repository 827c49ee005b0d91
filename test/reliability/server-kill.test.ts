/**
 * Reliability 3: a real server process is SIGKILLed at random points while a device streams pushes,
 * then started again on the same DATA_DIR (PGlite) or database (PostgreSQL). After every restart the
 * device resends everything it was told was applied: each must come back "duplicate" (nothing
 * acknowledged lost); at the end every parcel is packed by exactly one event (nothing doubled).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { SyncEvent } from '../../src/shared/protocol/events.js';
import type { EventResult } from '../../src/shared/protocol/sync.js';
import { freePort } from '../helpers/ports.js';
import { ServerProcess } from '../helpers/server-process.js';
import { packEvent, parcelId } from './helpers/fixture.js';
import { enrolOver, pushOver } from './helpers/http.js';
import { RELIABILITY_TIMEOUT_MS, report, seededRun, size } from './helpers/sizes.js';
import { prepareStore, STORE_KINDS, type PreparedStore } from './helpers/stores.js';
import { tallyServer } from './helpers/verify.js';

const EVENTS = size(60, 600);
const KILLS = size(3, 15);
const PUSH_PARALLEL_MAX = 8;

describe.each(STORE_KINDS)('server killed mid-stream on %s', (kind) => {
  let prepared: PreparedStore | null = null;
  let server: ServerProcess | null = null;
  afterAll(async () => {
    await server?.kill();
    await prepared?.dispose();
  });

  it(
    'loses nothing acknowledged and doubles nothing across SIGKILL and restart',
    async () => {
      const { seed, random } = seededRun();
      prepared = await prepareStore(kind, EVENTS);
      server = new ServerProcess(await freePort(), prepared.store);
      await server.start();
      const { token } = await enrolOver(server.url, 'rel-kill');

      const events: SyncEvent[] = Array.from({ length: EVENTS }, (_, i) => packEvent(parcelId(i + 1), i + 1));
      const acked = new Map<string, EventResult>();
      let kills = 0;
      let failedPushes = 0;
      let lostAfterRestart = 0;
      let reapplied = 0;

      // The stream: oldest unacknowledged events first, in batches of random size, like the outbox.
      // A kill is due at a random moment inside a push; the kill happens while the request is in flight.
      while (acked.size < events.length || kills < KILLS) {
        const pending = events.filter((e) => !acked.has(e.id));
        const batch = (pending.length > 0 ? pending : events).slice(0, 1 + Math.floor(random() * PUSH_PARALLEL_MAX));
        const killThisPush = kills < KILLS && random() < 0.35;
        // Settled into a value at once, so a reply lost to the kill is never an unhandled rejection.
        const push = pushOver(server.url, token, batch).then(
          (r) => r,
          () => null,
        );
        if (killThisPush) {
          // Anywhere from before the request reaches the server to after it has committed.
          await new Promise((r) => setTimeout(r, Math.floor(random() * 40)));
          await server.kill();
          kills += 1;
        }
        const results = await push;
        if (!results) failedPushes += 1;
        if (results) for (const r of results) acked.set(r.id, r);
        if (!killThisPush) continue;

        await server.start();
        // Everything acknowledged before the kill must still be there: resent, it is a duplicate.
        const resend = events.filter((e) => acked.has(e.id));
        for (let i = 0; i < resend.length; i += 200) {
          const answers = await pushOver(server.url, token, resend.slice(i, i + 200));
          for (const a of answers) {
            if (a.status === 'applied') lostAfterRestart += 1;
            if (a.status !== 'duplicate') reapplied += 1;
          }
        }
      }
      await server.stop();

      const database = await prepared.open();
      try {
        const tally = await tallyServer(database);
        const doubled = [...tally.appliedPerParcel.values()].filter((n) => n > 1).length;
        report(`server-kill/${kind}`, { seed, events: EVENTS, kills, failedPushes, lostAfterRestart, doubled });
        expect(lostAfterRestart, `acknowledged events re-applied after a restart (seed ${seed})`).toBe(0);
        expect(reapplied, `acknowledged events answered other than duplicate (seed ${seed})`).toBe(0);
        expect(kills).toBe(KILLS);
        expect(tally.duplicateRows).toBe(0);
        expect(doubled, `parcels packed by more than one event (seed ${seed})`).toBe(0);
        // Every event was finally acknowledged (applied, or duplicate when the first reply died with
        // the server after the commit), and is recorded as applied.
        for (const e of events) {
          expect(['applied', 'duplicate']).toContain(acked.get(e.id)?.status);
          expect(tally.events.get(e.id)).toBe('applied');
        }
        expect(tally.packedParcels.size).toBe(EVENTS);
      } finally {
        await database.close();
      }
    },
    RELIABILITY_TIMEOUT_MS * 2,
  );
});
