/**
 * The notification dispatcher: after the receipt's transaction has committed, it claims due rows,
 * sends each channel not sent yet, records it at once, and retries failures with backoff and jitter
 * until the row is sent or dead. Several dispatchers (processes) may share one PostgreSQL database.
 */
import { randomUUID } from 'node:crypto';
import { nextAfterFailure } from '../../shared/notify/backoff.js';
import type { Database } from '../db/client.js';
import { CHANNELS_OF_KIND, channelsOf, PermanentNotifyError, type Channel } from './channels.js';
import type { NotifyConfig } from './config.js';
import { claimDue, markChannelSent, markFailed, markSent, releaseClaims, type NotificationRow } from './outbox.js';
import type { ReturnNotice } from './return-notice.js';
import type { ShippedNotice } from './shipped-notice.js';

/** Rows one pass claims at most. */
const CLAIM_BATCH = 20;

/** How long a shutdown waits for the send in progress before aborting it (well inside the server's shutdown deadline). */
const DRAIN_SEND_GRACE_MS = 10_000;

/** What the dispatcher needs besides its configuration. */
export interface DispatcherDeps {
  database: Database;
  config: NotifyConfig;
  now?: () => Date;
  random?: () => number;
  /** Overrides the configured channels (tests). */
  channels?: Channel[];
  log?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** Identifies this dispatcher's claims (defaults to a random id per process). */
  owner?: string;
  /** Hears each channel's send and its outcome (the metrics count them). */
  observe?: (channel: string, outcome: 'sent' | 'failed') => void;
}

/** Sends the notification outbox; `runOnce` for one pass, `start`/`drain` for the background loop. */
export class Dispatcher {
  readonly owner: string;
  private readonly channels: Channel[];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = true;
  private readonly abort = new AbortController();
  private draining = false;

  constructor(private readonly deps: DispatcherDeps) {
    this.owner = deps.owner ?? `dispatcher-${randomUUID()}`;
    this.channels = deps.channels ?? channelsOf(deps.config);
  }

  /** One pass: claim what is due, send it, record the outcome. Returns the number of rows handled. */
  async runOnce(): Promise<number> {
    let handled = 0;
    for (;;) {
      const rows = await claimDue(this.deps.database, this.owner, this.now(), this.deps.config.leaseMs, CLAIM_BATCH);
      for (const row of rows) {
        // Draining: the rest of the claimed rows are released for another server, not sent from here.
        if (this.draining) return handled;
        await this.deliver(row);
        handled += 1;
      }
      if (rows.length < CLAIM_BATCH || this.abort.signal.aborted || this.draining) return handled;
    }
  }

  /** Wakes the loop now (after a push recorded a receipt). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.runOnce()
      .catch((error: unknown) => {
        this.deps.log?.error({ err: error }, 'notification dispatcher pass failed');
        return 0;
      })
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.kick();
        } else {
          this.timer = setTimeout(() => this.kick(), this.deps.config.pollMs);
        }
      });
  }

  /** Starts polling every `pollMs` (and at once). */
  start(): void {
    this.stopped = false;
    this.kick();
  }

  /**
   * Stops the loop (graceful shutdown): lets the send in progress finish (aborting it could leave a
   * message delivered but unrecorded; one still hanging after DRAIN_SEND_GRACE_MS is aborted and retried
   * later), stops before the next one, and hands every row still claimed back as due now, so another
   * server sends it at once instead of after the lease. Resolves to the rows released.
   */
  async drain(): Promise<number> {
    this.draining = true;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const giveUp = setTimeout(() => this.abort.abort(), DRAIN_SEND_GRACE_MS);
    try {
      await this.running;
    } finally {
      clearTimeout(giveUp);
    }
    return releaseClaims(this.deps.database, this.owner, this.now());
  }

  /** Sends one row's message on one channel, in the shape its kind has. */
  private async sendOne(channel: Channel, row: NotificationRow): Promise<void> {
    if (row.kind === 'parcel.shipped') {
      if (!channel.sendShipped) throw new PermanentNotifyError(`the ${channel.name} channel cannot carry ${row.kind}`);
      await channel.sendShipped(row.payload as ShippedNotice, this.abort.signal);
      return;
    }
    await channel.send(row.payload as ReturnNotice, this.abort.signal);
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private async deliver(row: NotificationRow): Promise<void> {
    try {
      const wanted = CHANNELS_OF_KIND[row.kind] ?? [];
      // A shipped parcel goes only where a recipient for it is configured (the webhook, the SHIPPED_MAIL_TO list).
      const channels = this.channels.filter((c) => wanted.includes(c.name) && (row.kind === 'return.received' || c.sendShipped));
      // A shipped parcel with no shop webhook configured has nobody to tell: dead, with the reason, in the console.
      if (channels.length === 0 && row.kind !== 'return.received') throw new PermanentNotifyError(`no recipient for ${row.kind} is configured (set WEBHOOK_URL and WEBHOOK_SECRET, or SHIPPED_MAIL_TO)`);
      for (const channel of channels) {
        const already = channel.name === 'mail' ? row.mailSentAt : row.webhookSentAt;
        if (already) continue; // sent on an earlier attempt: a retry never repeats a channel
        try {
          await this.sendOne(channel, row);
        } catch (error) {
          this.deps.observe?.(channel.name, 'failed');
          throw error;
        }
        this.deps.observe?.(channel.name, 'sent');
        // Recorded at once, in its own transaction: the window in which a crash resends is one send wide.
        if (!(await markChannelSent(this.deps.database, row.id, this.owner, channel.name, this.now()))) {
          this.deps.log?.warn({ id: row.id }, 'notification claim lost during send (lease expired)');
          return;
        }
      }
      await markSent(this.deps.database, row.id, this.owner, this.now());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const next =
        error instanceof PermanentNotifyError
          ? ({ status: 'dead' } as const)
          : nextAfterFailure(row.attempts, this.deps.config.maxAttempts, this.deps.random?.() ?? Math.random(), this.deps.config.backoff);
      const retryAt = next.status === 'retry' ? new Date(this.now().getTime() + next.delayMs) : null;
      this.deps.log?.warn({ id: row.id, attempts: row.attempts, error: message, retryAt }, 'notification send failed');
      await markFailed(this.deps.database, row.id, this.owner, message, retryAt);
    }
  }
}
