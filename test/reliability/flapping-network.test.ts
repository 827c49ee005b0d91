/**
 * Reliability 4: several simulated devices (the app's real store, client, push and pull) pack
 * parcels while their network flaps: random offline windows, replies lost after the commit, and
 * rivals packing the same parcel. At the end, with the network back, the server holds exactly the
 * union of every device's events, each device's view agrees with the server, and no queue is stuck.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../src/server/demo/demo-data.js';
import { useLiveApp, type LiveApp } from '../helpers/in-process-server.js';
import { TEST_DATABASE_TARGETS } from '../helpers/test-databases.js';
import { outboxCounts } from '../../src/app/store/outbox.js';
import { SimDevice } from './helpers/device-sim.js';
import { parcelId, seedReliability } from './helpers/fixture.js';
import { RELIABILITY_TIMEOUT_MS, report, seededRun, size } from './helpers/sizes.js';
import { tallyServer } from './helpers/verify.js';

const DEVICES = size(4, 8);
const STEPS = size(120, 1500);
const PARCELS = size(60, 600);

describe.each(TEST_DATABASE_TARGETS)('flapping network on $name', (target) => {
  let live: LiveApp;
  useLiveApp(target, (database) => seedReliability(database, PARCELS), (started) => (live = started));

  it(
    'ends with exactly the union of every device’s events and no queue stuck',
    async () => {
      const { seed, random } = seededRun();
      const devices: SimDevice[] = [];
      for (let d = 0; d < DEVICES; d++) {
        const { token } = await live.demo.enrol(`flap-${d}`);
        const device = await SimDevice.create(`flap-${d}`, token, () => live.url, random);
        device.dropReplyChance = 0.15;
        devices.push(device);
      }
      let nextParcel = 0;
      let packed = 0;
      let syncs = 0;
      let failedSyncs = 0;
      let offlineWindows = 0;
      // Devices work concurrently: each step launches one action and a few run at once.
      const running = new Set<Promise<void>>();
      for (let step = 0; step < STEPS; step++) {
        const device = devices[Math.floor(random() * DEVICES)];
        const roll = random();
        let action: Promise<void>;
        if (roll < 0.45) {
          // Mostly new parcels; sometimes a parcel another device may already have packed (a rival).
          const rival = nextParcel > 0 && random() < 0.15;
          const id = rival ? parcelId(1 + Math.floor(random() * nextParcel)) : nextParcel < PARCELS ? parcelId(++nextParcel) : parcelId(1 + Math.floor(random() * PARCELS));
          action = device.pack(id, DEMO_STAFF[Math.floor(random() * 2)].id).then(() => {
            packed += 1;
          });
        } else if (roll < 0.6) {
          if (!device.offline) offlineWindows += 1;
          device.offline = !device.offline;
          action = Promise.resolve();
        } else {
          action = device.sync().then((ok) => {
            syncs += 1;
            if (!ok) failedSyncs += 1;
          });
        }
        const tracked: Promise<void> = action.finally(() => running.delete(tracked));
        running.add(tracked);
        if (running.size >= 3) await Promise.race(running);
      }
      await Promise.all(running);

      // The network is back for good: each device syncs a bounded number of times and must drain.
      const stuck: string[] = [];
      for (const device of devices) {
        device.offline = false;
        device.dropReplyChance = 0;
        let drained = false;
        for (let attempt = 0; attempt < 3 && !drained; attempt++) drained = (await device.sync()) && (await outboxCounts(device.store)).pending === 0;
        if (!drained) stuck.push(device.name);
      }

      const tally = await tallyServer(live.demo.database);
      const union = new Map<string, 'synced' | 'rejected' | 'pending'>();
      for (const device of devices) for (const entry of await device.outbox()) union.set(entry.id, entry.status);
      const faults = devices.reduce((sum, d) => sum + d.faults, 0);
      const doubled = [...tally.appliedPerParcel.values()].filter((x) => x > 1).length;
      report(`flapping-network/${target.name}`, { seed, devices: DEVICES, steps: STEPS, events: packed, syncs, failedSyncs, offlineWindows, faultsInjected: faults, stuck: stuck.length, doubled });

      expect(stuck, `devices whose outbox did not drain (seed ${seed})`).toEqual([]);
      expect(union.size).toBe(packed);
      // Exactly the union: every device event is on the server, and the server has nothing else.
      expect(new Set(tally.events.keys())).toEqual(new Set(union.keys()));
      for (const [id, status] of union) expect(tally.events.get(id), `event ${id} (seed ${seed})`).toBe(status === 'synced' ? 'applied' : 'rejected');
      expect(doubled).toBe(0);
      // Every parcel that any device packed is packed on the server, by exactly one event.
      expect([...tally.packedParcels].sort()).toEqual([...tally.appliedPerParcel.keys()].sort());
      expect(faults).toBeGreaterThan(0);
    },
    RELIABILITY_TIMEOUT_MS,
  );
});
