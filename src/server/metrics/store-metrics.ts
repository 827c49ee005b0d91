/**
 * Figures read from the database at scrape time: the notification outbox (depth and oldest age by kind
 * and state), devices by time since their last sync, and how busy the database is. Counts only: no
 * device name, no parcel, no customer reaches a label.
 */
import { sql } from 'drizzle-orm';
import { Gauge, type Registry } from 'prom-client';
import type { Database } from '../db/client.js';

/** Time-since-last-sync bands, oldest last: a device in the last band stopped syncing. */
const SYNC_AGE_BANDS: { label: string; maxSeconds: number }[] = [
  { label: '5m', maxSeconds: 5 * 60 },
  { label: '1h', maxSeconds: 3600 },
  { label: '24h', maxSeconds: 24 * 3600 },
  { label: 'older', maxSeconds: Number.POSITIVE_INFINITY },
];

/** Rows of a raw query on either driver (postgres-js returns an array, PGlite `{ rows }`). */
function rowsOf(result: unknown): Record<string, unknown>[] {
  return (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) as Record<string, unknown>[];
}

/** Registers the scrape-time gauges; `now` is the server clock. */
export function observeStore(registry: Registry, database: Database, now: () => Date): void {
  new Gauge({
    name: 'floorpack_notification_outbox',
    help: 'Notifications not sent yet, by kind and state (pending, sending, dead)',
    labelNames: ['kind', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await outboxByKindAndState(database, now())) this.set({ kind: row.kind, state: row.state }, row.count);
    },
  });
  new Gauge({
    name: 'floorpack_notification_outbox_oldest_age_seconds',
    help: 'Age of the oldest notification not sent yet, by kind and state',
    labelNames: ['kind', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await outboxByKindAndState(database, now())) this.set({ kind: row.kind, state: row.state }, row.oldestAgeSeconds);
    },
  });
  new Gauge({
    name: 'floorpack_devices_by_last_sync',
    help: 'Enrolled, unrevoked devices by time since their last sync (within 5m, 1h, 24h, older; never)',
    labelNames: ['since'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [since, count] of await devicesBySyncAge(database, now())) this.set({ since }, count);
    },
  });
  new Gauge({
    name: 'floorpack_db_in_flight',
    help: 'Database work queued or running, this scrape included (on PGlite: its one-connection queue)',
    registers: [registry],
    collect() {
      this.set(database.load().inFlight);
    },
  });
  new Gauge({
    name: 'floorpack_db_connections',
    help: 'Connections the server may open to the database (1 on PGlite)',
    labelNames: ['db'],
    registers: [registry],
    collect() {
      this.set({ db: database.kind }, database.load().connections);
    },
  });
}

/** The unsent outbox grouped by kind and state, with the oldest row's age in seconds. */
async function outboxByKindAndState(database: Database, at: Date): Promise<{ kind: string; state: string; count: number; oldestAgeSeconds: number }[]> {
  const rows = await database.read(async (tx) =>
    rowsOf(await tx.execute(sql`select kind, status, count(*)::int as count, min(created_at) as oldest from notifications where status <> 'sent' group by kind, status`)),
  );
  return rows.map((row) => ({
    kind: String(row.kind),
    state: String(row.status),
    count: Number(row.count),
    oldestAgeSeconds: Math.max(0, (at.getTime() - new Date(row.oldest as string | Date).getTime()) / 1000),
  }));
}

/** Unrevoked devices counted per band of time since they were last seen. */
async function devicesBySyncAge(database: Database, at: Date): Promise<Map<string, number>> {
  const rows = await database.read(async (tx) => rowsOf(await tx.execute(sql`select last_seen_at from devices where revoked_at is null`)));
  const counts = new Map<string, number>([...SYNC_AGE_BANDS.map((band) => [band.label, 0] as [string, number]), ['never', 0]]);
  for (const row of rows) {
    const seen = row.last_seen_at;
    const label = seen == null ? 'never' : SYNC_AGE_BANDS.find((band) => (at.getTime() - new Date(seen as string | Date).getTime()) / 1000 <= band.maxSeconds)!.label;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return counts;
}
