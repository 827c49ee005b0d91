/**
 * Fresh server stores for the process-level runs: a PGlite DATA_DIR always, a PostgreSQL database when
 * TEST_DATABASE_URL is set. Each is seeded in-process (then closed) before any server child opens it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../../src/server/db/client.js';
import { seedReliability } from './fixture.js';
import type { ServerStore } from './server-process.js';

/** A prepared store, how to open it in-process for checking, and how to throw it away. */
export interface PreparedStore {
  kind: 'pglite' | 'postgres';
  store: ServerStore;
  /** Opens the database in this process (only while no server child holds a PGlite DATA_DIR). */
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

const pgUrl = process.env.TEST_DATABASE_URL;

/** Store kinds the process-level runs cover. */
export const STORE_KINDS: ('pglite' | 'postgres')[] = pgUrl ? ['pglite', 'postgres'] : ['pglite'];

/** Creates and seeds a store with `parcels` reliability parcels. */
export async function prepareStore(kind: 'pglite' | 'postgres', parcels: number): Promise<PreparedStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'floorpack-rel-'));
  if (kind === 'pglite') {
    const open = () => openDatabase({ kind: 'pglite', dataDir });
    const db = await open();
    await seedReliability(db, parcels);
    await db.close();
    return { kind, store: { dataDir }, open, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `fp_rel_${randomBytes(6).toString('hex')}`;
  const admin = postgres(pgUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const open = () => openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 3 });
  const db = await open();
  await seedReliability(db, parcels);
  await db.close();
  return {
    kind,
    store: { dataDir, databaseUrl: url.toString() },
    open,
    async dispose() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
