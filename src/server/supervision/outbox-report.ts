/** What a device says waits in its outbox, recorded on each pull so the console shows queued events per device. */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import * as t from '../db/schema.js';

/** Records the device's outbox counts (when it sent them) and that it was heard from. */
export async function recordOutboxReport(
  database: Database,
  deviceId: string,
  report: { pending?: number; rejected?: number },
  now: Date,
): Promise<void> {
  await database.write((tx) =>
    tx
      .update(t.devices)
      .set({
        lastSeenAt: now,
        ...(report.pending !== undefined ? { reportedPending: report.pending, reportedRejected: report.rejected ?? 0, reportedAt: now } : {}),
      })
      .where(eq(t.devices.id, deviceId)),
  );
}
