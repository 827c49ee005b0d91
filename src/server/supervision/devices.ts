/** Device administration shared by the admin routes and the admin CLI: list with sync state, revoke. */
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { AdminDevice } from '../../shared/protocol/admin-devices.js';
import type { Database } from '../db/client.js';
import * as t from '../db/schema.js';

/** Every device (of one warehouse, or all), oldest first, with its open flag counts. */
export async function listDevices(database: Database, warehouseId?: string): Promise<AdminDevice[]> {
  return database.read(async (tx) => {
    const devices = await tx
      .select()
      .from(t.devices)
      .where(warehouseId ? eq(t.devices.warehouseId, warehouseId) : undefined)
      .orderBy(asc(t.devices.createdAt), asc(t.devices.id));
    const flags = await tx
      .select({ deviceId: t.supervisorFlags.deviceId, kind: t.supervisorFlags.kind, n: count() })
      .from(t.supervisorFlags)
      .where(isNull(t.supervisorFlags.resolvedAt))
      .groupBy(t.supervisorFlags.deviceId, t.supervisorFlags.kind);
    const stats = await tx
      .select({ deviceId: t.events.deviceId, n: sql<number>`count(*)::int`, rejected: sql<number>`count(*) filter (where ${t.events.status} = 'rejected')::int` })
      .from(t.events)
      .groupBy(t.events.deviceId);
    const byDevice = new Map(stats.map((s) => [s.deviceId, s]));
    return devices.map((d) => {
      const mine = flags.filter((f) => f.deviceId === d.id);
      return {
        id: d.id,
        name: d.name,
        warehouseId: d.warehouseId,
        createdAt: d.createdAt.toISOString(),
        revokedAt: d.revokedAt?.toISOString() ?? null,
        lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
        lastDeviceSeq: d.lastDeviceSeq,
        appVersion: d.appVersion,
        sequenceFlags: mine.filter((f) => f.kind === 'seq_gap' || f.kind === 'seq_restart' || f.kind === 'db_lost').reduce((s, f) => s + Number(f.n), 0),
        openFlags: mine.reduce((s, f) => s + Number(f.n), 0),
        eventsReceived: Number(byDevice.get(d.id)?.n ?? 0),
        eventsRejected: Number(byDevice.get(d.id)?.rejected ?? 0),
        queued:
          d.reportedAt && d.reportedPending !== null
            ? { pending: d.reportedPending, rejected: d.reportedRejected ?? 0, reportedAt: d.reportedAt.toISOString() }
            : null,
        stuck: d.reportedStuck && d.lastSeenAt ? { ...d.reportedStuck, reportedAt: d.lastSeenAt.toISOString() } : null,
      };
    });
  });
}

/** Revokes a device (idempotent: a second revoke keeps the first time); null when there is no such device. */
export async function revokeDeviceById(database: Database, deviceId: string, now: Date): Promise<{ id: string; revokedAt: string } | null> {
  return database.write(async (tx) => {
    await tx.update(t.devices).set({ revokedAt: now }).where(and(eq(t.devices.id, deviceId), isNull(t.devices.revokedAt)));
    const [row] = await tx.select({ id: t.devices.id, revokedAt: t.devices.revokedAt }).from(t.devices).where(eq(t.devices.id, deviceId));
    return row?.revokedAt ? { id: row.id, revokedAt: row.revokedAt.toISOString() } : null;
  });
}
