/** A notification configuration for tests: nothing sent anywhere unless the patch says where. */
import type { NotifyConfig } from '../../src/server/notify/config.js';

/** The test defaults (shop sender, 3 attempts, 1–10 min backoff) with `patch` over them. */
export function testNotifyConfig(patch: Partial<NotifyConfig> = {}): NotifyConfig {
  return {
    smtpUrl: null,
    mailFrom: 'Floorpack Shop <returns@shop.example>',
    webhookUrl: null,
    webhookSecret: null,
    mailDir: null,
    maxAttempts: 3,
    leaseMs: 300_000,
    backoff: { baseMs: 60_000, maxMs: 600_000 },
    pollMs: 60_000,
    ...patch,
  };
}
