/** How notifications go out: SMTP and/or a webhook, or .eml files when neither is configured. */
import path from 'node:path';
import type { BackoffPolicy } from '../../shared/notify/backoff.js';
import type { Env } from '../env.js';

/** The dispatcher's configuration (parsed from the environment by `notifyConfigFromEnv`). */
export interface NotifyConfig {
  /** smtp:// or smtps:// URL; null = no SMTP. */
  smtpUrl: string | null;
  mailFrom: string;
  webhookUrl: string | null;
  /** Standard Webhooks secret (whsec_…); required with webhookUrl. */
  webhookSecret: string | null;
  /** The shop's own addresses that get a mail per shipped parcel (SHIPPED_MAIL_TO); absent or empty: none. */
  shippedMailTo?: string[];
  /** Where .eml files go when neither SMTP nor a webhook is configured (DATA_DIR/outbox-mail). */
  mailDir: string | null;
  /** Attempts before a notification is dead. */
  maxAttempts: number;
  /** How long a claim holds; a dispatcher killed mid-send leaves the row for another after this. */
  leaseMs: number;
  backoff: BackoffPolicy;
  /** How often the dispatcher looks for due rows when nothing wakes it. */
  pollMs: number;
}

/** The mail transport in use: real SMTP, .eml files, or none (webhook only). */
export function mailMode(config: NotifyConfig): 'smtp' | 'file' | 'none' {
  if (config.smtpUrl) return 'smtp';
  if (!config.webhookUrl && config.mailDir) return 'file';
  return 'none';
}

/** Builds the dispatcher configuration from the parsed environment. */
export function notifyConfigFromEnv(env: Env): NotifyConfig {
  return {
    smtpUrl: env.SMTP_URL ?? null,
    mailFrom: env.MAIL_FROM,
    webhookUrl: env.WEBHOOK_URL ?? null,
    webhookSecret: env.WEBHOOK_SECRET ?? null,
    shippedMailTo: env.SHIPPED_MAIL_TO,
    mailDir: path.join(env.DATA_DIR, 'outbox-mail'),
    maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
    leaseMs: env.NOTIFY_LEASE_SEC * 1000,
    backoff: { baseMs: env.NOTIFY_RETRY_BASE_SEC * 1000, maxMs: 3_600_000 },
    pollMs: 2000,
  };
}
