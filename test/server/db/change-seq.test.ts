/** Change stamps commit in stamp order, so a pull cursor never skips a change still being written. */
import { describe, expect, it } from 'vitest';
import { currentChangeSeq, nextChangeSeq } from '../../../src/server/db/change-seq.js';
import { TEST_DATABASE_TARGETS } from '../../helpers/test-databases.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(TEST_DATABASE_TARGETS)('change sequence on $name', (target) => {
  it('makes a later stamp wait until the earlier stamping transaction commits', async () => {
    const { database, dispose } = await target.open();
    try {
      await database.migrate();
      const order: string[] = [];
      const slow = database.write(async (tx) => {
        const seq = await nextChangeSeq(tx);
        order.push(`slow took ${seq}`);
        await sleep(150);
        order.push('slow commits');
        return seq;
      });
      await sleep(30);
      const fast = database.write(async (tx) => {
        const seq = await nextChangeSeq(tx);
        order.push(`fast took ${seq}`);
        return seq;
      });
      expect(await Promise.all([slow, fast])).toEqual([1, 2]);
      expect(order).toEqual(['slow took 1', 'slow commits', 'fast took 2']);
      expect(await database.read((tx) => currentChangeSeq(tx))).toBe(2);
    } finally {
      await dispose();
    }
  });
});
