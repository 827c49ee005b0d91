/**
 * Fresh server stores for the process-level runs: a PGlite DATA_DIR always, a PostgreSQL database when
 * TEST_DATABASE_URL is set. Each is seeded in-process (then closed) before any server child opens it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../../src/server/db/client.js';
import type { ServerStore } from '../../helpers/server-process.js';
import { createScratchPostgres, TEST_DATABASE_TARGETS } from '../../helpers/test-databases.js';
import { seedReliability } from './fixture.js';

/** A prepared store, how to open it in-process for checking, and how to throw it away. */
export interface PreparedStore {
  kind: 'pglite' | 'postgres';
  store: ServerStore;
  /** Opens the database in this process (only while no server child holds a PGlite DATA_DIR). */
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

/** Store kinds the process-level runs cover: those the in-process suites run on. */
export const STORE_KINDS: ('pglite' | 'postgres')[] = TEST_DATABASE_TARGETS.map((target) => target.name);

/** Creates and seeds a store with `parcels` reliability parcels. */
export async function prepareStore(kind: 'pglite' | 'postgres', parcels: number): Promise<PreparedStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'floorpack-rel-'));
  const removeDataDir = async () => rmSync(dataDir, { recursive: true, force: true });
  if (kind === 'pglite') {
    const open = () => openDatabase({ kind: 'pglite', dataDir });
    await seedThenClose(await open(), parcels);
    return { kind, store: { dataDir }, open, dispose: removeDataDir };
  }
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set');
  const scratch = await createScratchPostgres(pgUrl, 'fp_rel');
  const open = () => openDatabase({ kind: 'postgres', url: scratch.url, maxConnections: 3 });
  await seedThenClose(await open(), parcels);
  return {
    kind,
    store: { dataDir, databaseUrl: scratch.url },
    open,
    async dispose() {
      await scratch.drop();
      await removeDataDir();
    },
  };
}

async function seedThenClose(database: Database, parcels: number): Promise<void> {
  await seedReliability(database, parcels);
  await database.close();
}
