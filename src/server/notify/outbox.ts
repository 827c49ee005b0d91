/**
 * The notification outbox in SQL: queue a message in the transaction that decided it, claim due rows,
 * record each channel as it goes out, finish or fail. One code path for PostgreSQL and PGlite: FOR
 * UPDATE SKIP LOCKED lets several dispatchers share one PostgreSQL database without taking the same
 * row; on PGlite the serial queue makes it a plain claim.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import type { ReturnNotice } from './return-notice.js';
import type { ShippedNotice } from './shipped-notice.js';

/** A claimed row, as the dispatcher works on it. */
export type NotificationRow = typeof t.notifications.$inferSelect;

/** The outbox key of a receipt's notification: one row per receipt, whatever path queues it. */
function notificationKeyOf(receiptId: string): string {
  return `return.received:${receiptId}`;
}

/**
 * Queues a receipt's notice, due at `now`, in the caller's transaction: it commits with the receipt or
 * not at all. Keyed by the receipt, so a second enqueue of the same receipt changes nothing.
 */
export async function enqueueReturnNotice(tx: Tx, notice: ReturnNotice, now: Date): Promise<void> {
  await tx
    .insert(t.notifications)
    .values({
      id: notice.receiptId,
      dedupeKey: notificationKeyOf(notice.receiptId),
      kind: 'return.received',
      receiptId: notice.receiptId,
      payload: notice,
      status: 'pending',
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: t.notifications.dedupeKey });
}

/**
 * Queues a shipped parcel's notice for the shop, in the transaction that shipped it. Keyed by the
 * parcel: however many handovers, devices or retries ship it, it is announced once.
 */
export async function enqueueShippedNotice(tx: Tx, notice: ShippedNotice, now: Date): Promise<void> {
  await tx
    .insert(t.notifications)
    .values({
      id: randomUUID(),
      dedupeKey: `parcel.shipped:${notice.shipmentId}`,
      kind: 'parcel.shipped',
      receiptId: null,
      shipmentId: notice.shipmentId,
      payload: notice,
      status: 'pending',
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: t.notifications.dedupeKey });
}

/**
 * Claims up to `limit` due rows for `owner` until `now + leaseMs`: pending rows whose time has come,
 * and rows another dispatcher claimed but never finished (lease expired: it was killed mid-send).
 * Each claim counts as an attempt, so a message that kills its dispatcher still ends dead.
 */
export async function claimDue(database: Database, owner: string, now: Date, leaseMs: number, limit: number): Promise<NotificationRow[]> {
  return database.write(async (tx) => {
    const due = tx
      .select({ id: t.notifications.id })
      .from(t.notifications)
      .where(
        or(
          and(eq(t.notifications.status, 'pending'), lte(t.notifications.nextAttemptAt, now)),
          and(eq(t.notifications.status, 'sending'), lte(t.notifications.leaseUntil, now)),
        ),
      )
      .orderBy(asc(t.notifications.nextAttemptAt), asc(t.notifications.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    return tx
      .update(t.notifications)
      .set({ status: 'sending', claimedBy: owner, leaseUntil: new Date(now.getTime() + leaseMs), attempts: sql`${t.notifications.attempts} + 1` })
      .where(inArray(t.notifications.id, due))
      .returning();
  });
}

/** Only the current holder of a claim may write to the row (a lost lease means someone else has it). */
function heldBy(id: string, owner: string): SQL {
  return and(eq(t.notifications.id, id), eq(t.notifications.claimedBy, owner), eq(t.notifications.status, 'sending'))!;
}

/** Records that one channel went out; false when the claim was lost meanwhile. */
export async function markChannelSent(database: Database, id: string, owner: string, channel: 'mail' | 'webhook', at: Date): Promise<boolean> {
  const set = channel === 'mail' ? { mailSentAt: at } : { webhookSentAt: at };
  const rows = await database.write((tx) => tx.update(t.notifications).set(set).where(heldBy(id, owner)).returning({ id: t.notifications.id }));
  return rows.length > 0;
}

/** Every channel went out: the row is done. */
export async function markSent(database: Database, id: string, owner: string, at: Date): Promise<boolean> {
  const rows = await database.write((tx) =>
    tx.update(t.notifications).set({ status: 'sent', sentAt: at, leaseUntil: null, lastError: null }).where(heldBy(id, owner)).returning({ id: t.notifications.id }),
  );
  return rows.length > 0;
}

/** A send failed: back to pending at `retryAt`, or dead (retryAt null), with the error kept for the admin list. */
export async function markFailed(database: Database, id: string, owner: string, error: string, retryAt: Date | null): Promise<boolean> {
  const rows = await database.write((tx) =>
    tx
      .update(t.notifications)
      .set(retryAt ? { status: 'pending', nextAttemptAt: retryAt, leaseUntil: null, lastError: error } : { status: 'dead', leaseUntil: null, lastError: error })
      .where(heldBy(id, owner))
      .returning({ id: t.notifications.id }),
  );
  return rows.length > 0;
}

/**
 * A dispatcher shutting down hands back the rows it claimed but did not finish: due now, unclaimed,
 * and the claim's attempt not counted (nothing was sent). Channels already recorded stay recorded, so
 * the next dispatcher sends only what is left. Returns how many rows were released.
 */
export async function releaseClaims(database: Database, owner: string, now: Date): Promise<number> {
  const rows = await database.write((tx) =>
    tx
      .update(t.notifications)
      .set({ status: 'pending', claimedBy: null, leaseUntil: null, nextAttemptAt: now, attempts: sql`greatest(${t.notifications.attempts} - 1, 0)` })
      .where(and(eq(t.notifications.claimedBy, owner), eq(t.notifications.status, 'sending')))
      .returning({ id: t.notifications.id }),
  );
  return rows.length;
}

/** Rows for the admin list, newest first. */
export async function listNotifications(database: Database, status: t.NotificationStatus | undefined, limit: number): Promise<NotificationRow[]> {
  return database.read((tx) =>
    tx
      .select()
      .from(t.notifications)
      .where(status ? eq(t.notifications.status, status) : undefined)
      .orderBy(desc(t.notifications.createdAt), asc(t.notifications.id))
      .limit(limit),
  );
}

/**
 * An admin retry: a dead (or waiting) row becomes due now with a fresh set of attempts. A row being
 * sent or already sent is left alone, so a retry can never send a message twice.
 */
export async function retryNotification(database: Database, id: string, now: Date): Promise<'retried' | 'not_found' | 'busy' | 'sent'> {
  return database.write(async (tx) => {
    const [row] = await tx.select({ status: t.notifications.status }).from(t.notifications).where(eq(t.notifications.id, id)).for('update');
    if (!row) return 'not_found';
    if (row.status === 'sent') return 'sent';
    if (row.status === 'sending') return 'busy';
    await tx.update(t.notifications).set({ status: 'pending', attempts: 0, nextAttemptAt: now, claimedBy: null }).where(eq(t.notifications.id, id));
    return 'retried';
  });
}
