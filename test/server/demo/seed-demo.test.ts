/** Seeding is idempotent: a restarted demo server keeps what was packed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/server/db/client.js';
import * as t from '../../../src/server/db/schema.js';
import { DEMO_SHIPMENTS } from '../../../src/server/demo/demo-data.js';
import { seedDemo } from '../../../src/server/demo/seed-demo.js';

describe('seedDemo', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    await database.migrate();
  });
  afterAll(() => database?.close());

  it('loads once and then changes nothing', async () => {
    expect(await seedDemo(database)).toBe(true);
    expect(await seedDemo(database)).toBe(false);
    const rows = await database.read((tx) => tx.select().from(t.parcels));
    expect(rows).toHaveLength(DEMO_SHIPMENTS.length);
    expect(rows.every((r) => r.customerEmail?.endsWith('@example.jp'))).toBe(true);
  });
});
