/**
 * What a device says waits in its outbox, recorded on each pull so the console shows queued events
 * per device: its counts, and the oldest event it could not sync (cleared by a pull without one).
 */
import { eq } from 'drizzle-orm';
import type { PullQuery } from '../../shared/protocol/sync.js';
import type { Database } from '../db/client.js';
import * as t from '../db/schema.js';
import type { ReportedStuckEvent } from '../db/tables/core.js';

/** The report fields of a pull query. */
export type OutboxReport = Pick<PullQuery, 'pending' | 'rejected' | 'stuckId' | 'stuckType' | 'stuckSince' | 'stuckAttempts' | 'stuckReason'>;

/** Records the device's outbox counts (when it sent them), its stuck event (or that it has none) and that it was heard from. */
export async function recordOutboxReport(database: Database, deviceId: string, report: OutboxReport, now: Date): Promise<void> {
  await database.write((tx) =>
    tx
      .update(t.devices)
      .set({
        lastSeenAt: now,
        ...(report.pending !== undefined ? { reportedPending: report.pending, reportedRejected: report.rejected ?? 0, reportedAt: now } : {}),
        reportedStuck: stuckOf(report),
      })
      .where(eq(t.devices.id, deviceId)),
  );
}

/** The stuck event a report names, or null: a pull without one means the device's queue moves again. */
function stuckOf(report: OutboxReport): ReportedStuckEvent | null {
  if (report.stuckId === undefined) return null;
  return {
    // Ids are keyed in lower case (the form PostgreSQL hands back), as the push keys them.
    eventId: report.stuckId.toLowerCase(),
    type: asWords(report.stuckType ?? ''),
    recordedAt: report.stuckSince ?? null,
    attempts: report.stuckAttempts ?? 0,
    reason: asWords(report.stuckReason ?? ''),
  };
}

/** Words a device sent, fit to store and show: control characters (PostgreSQL refuses NUL in jsonb and text) become spaces. */
function asWords(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}
