/** The migration chain: servers starting together migrate once; code older than the database refuses to start. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, openDatabase } from '../../../src/server/db/client.js';
import { readAppliedMigrations, readJournal, SchemaNewerThanCodeError } from '../../../src/server/db/migrate.js';
import { createScratchPostgres } from '../../helpers/test-databases.js';

const journal = readJournal(MIGRATIONS_DIR);

describe('migrations', () => {
  it('refuses a database a newer server migrated, with one line saying what to do, and changes nothing', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      await database.migrate();
      const newer = journal[journal.length - 1].when + 86_400_000;
      await database.write((tx) => tx.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-a-newer-release', ${newer})`));
      const refused = database.migrate();
      await expect(refused).rejects.toBeInstanceOf(SchemaNewerThanCodeError);
      await expect(refused).rejects.toThrow(/schema is newer than this server.*Run the newer floorpack version/);
      await expect(refused).rejects.not.toThrow(/\n/);
      expect((await database.read((tx) => readAppliedMigrations(tx))).count).toBe(journal.length + 1);
    } finally {
      await database.close();
    }
  });

  it('migrates an already migrated database again without change', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      await database.migrate();
      await database.migrate();
      expect((await database.read((tx) => readAppliedMigrations(tx))).count).toBe(journal.length);
    } finally {
      await database.close();
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('on PostgreSQL, three servers migrating one fresh database at once apply each migration once', async () => {
    const scratch = await createScratchPostgres(process.env.TEST_DATABASE_URL!, 'fp_migrate');
    const servers = await Promise.all([1, 2, 3].map(() => openDatabase({ kind: 'postgres', url: scratch.url, maxConnections: 1 })));
    try {
      // Without the lock, the losers fail on "relation already exists" or record a migration twice.
      await Promise.all(servers.map((server) => server.migrate()));
      const applied = await servers[0].read((tx) => readAppliedMigrations(tx));
      expect(applied.count).toBe(journal.length);
    } finally {
      for (const server of servers) await server.close();
      await scratch.drop();
    }
  });
});
