/**
 * Reliability 2: a loopback proxy drops the push reply after the server has committed; the device
 * (the app's own store, client and push) retries → every event applied once, and the device ends
 * with the same answer the lost reply carried (applied → synced, a rejection → the same rejection).
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema, type EventResult } from '../../src/shared/protocol/sync.js';
import { DEMO_STAFF } from '../../src/server/demo/demo-data.js';
import { useLiveApp, type LiveApp } from '../helpers/in-process-server.js';
import { TEST_DATABASE_TARGETS } from '../helpers/test-databases.js';
import { SimDevice } from './helpers/device-sim.js';
import { parcelId, seedReliability } from './helpers/fixture.js';
import { startLossyProxy, type LossyProxy } from './helpers/lossy-proxy.js';
import { RELIABILITY_TIMEOUT_MS, report, seededRun, size } from './helpers/sizes.js';
import { tallyServer } from './helpers/verify.js';

const ROUNDS = size(8, 60);

describe.each(TEST_DATABASE_TARGETS)('lost reply on $name', (target) => {
  let live: LiveApp;
  let proxy: LossyProxy;
  useLiveApp(target, (database) => seedReliability(database, ROUNDS * 3), (started) => (live = started));
  beforeAll(async () => {
    proxy = await startLossyProxy(live.url);
  });
  afterAll(async () => {
    await proxy?.close();
  });

  it(
    'applies once and ends with the same answer when the device retries after a lost reply',
    async () => {
      const { seed, random } = seededRun();
      const { token } = await live.demo.enrol('lossy-01');
      const device = await SimDevice.create('lossy-01', token, () => proxy.url, random);
      let n = 0;
      let retries = 0;
      for (let round = 0; round < ROUNDS; round++) {
        // A few scans; sometimes one names a parcel the device already packed (a rejection to replay).
        const count = 1 + Math.floor(random() * 3);
        for (let i = 0; i < count; i++) await device.pack(parcelId(++n));
        if (round === 1 || (round > 1 && random() < 0.3)) await device.pack(parcelId(n - count), DEMO_STAFF[1].id);
        // The first push of this round commits on the server but its reply never arrives.
        let dropNext = true;
        proxy.shouldDrop = (path) => {
          if (!path.startsWith('/api/sync/push') || !dropNext) return false;
          dropNext = false;
          return true;
        };
        expect(await device.sync()).toBe(false);
        // The device retries until it hears back (bounded).
        for (let attempt = 0; attempt < 5 && !(await device.sync()); attempt++) retries += 1;
      }
      proxy.shouldDrop = () => false;

      const lostAnswers = new Map<string, EventResult>();
      for (const d of proxy.dropped) for (const r of pushResponseSchema.parse(JSON.parse(d.body)).results) lostAnswers.set(r.id, r);
      const outbox = await device.outbox();
      const tally = await tallyServer(live.demo.database);
      const doubled = [...tally.appliedPerParcel.values()].filter((x) => x > 1).length;
      report(`lost-reply/${target.name}`, { seed, rounds: ROUNDS, events: outbox.length, repliesDropped: proxy.dropped.length, retries, doubled });

      expect(proxy.dropped).toHaveLength(ROUNDS);
      expect(doubled).toBe(0);
      expect(outbox.filter((e) => e.status === 'pending')).toEqual([]);
      for (const entry of outbox) {
        // The server has each event once, with the status the device shows.
        expect(tally.events.get(entry.id)).toBe(entry.status === 'synced' ? 'applied' : 'rejected');
        const lost = lostAnswers.get(entry.id);
        if (!lost) continue;
        // Same answer as the reply that was lost.
        if (lost.status === 'rejected') expect(entry.rejection).toEqual({ code: lost.code, message: lost.message, ...(lost.detail ? { detail: lost.detail } : {}) });
        else expect(entry.status).toBe('synced');
      }
      // At least one lost reply was a rejection, and the retry told the device the same thing.
      expect(outbox.filter((e) => e.status === 'rejected' && lostAnswers.get(e.id)?.status === 'rejected').length).toBeGreaterThan(0);
    },
    RELIABILITY_TIMEOUT_MS,
  );
});
