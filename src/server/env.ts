/** The server's environment, parsed once with zod; a bad value stops the process with one clear line. */
import { isIP } from 'node:net';
import { z } from 'zod';
import { compileLocationFormat, LocationFormatError } from '../shared/picking/location.js';
import { DEFAULT_PICK_SETTINGS, type PickSettings } from '../shared/picking/pick-settings.js';
import type { OpenDatabaseOptions } from './db/client.js';
import { isPlainMailAddress } from './notify/mail-address.js';

const envSchema = z.object({
  PORT: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be 1..65535').max(65535, 'must be 1..65535').default(8080),
  HOST: z.string().min(1, 'must not be empty').default('0.0.0.0'),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  DEMO: z.enum(['0', '1'], { error: 'must be "0" or "1"' }).default('1'),
  ENROL_CODE_TTL_MIN: z.coerce.number({ error: 'must be a number' }).int('must be a whole number of minutes').min(1, 'must be at least 1').max(60 * 24 * 30, 'must be at most 43200 (30 days)').default(60),
  ENROL_RATE_LIMIT_PER_MIN: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(10_000, 'must be at most 10000').default(10),
  TRUST_PROXY: z
    .string()
    .transform((list) => list.split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''))
    .superRefine((entries, ctx) => {
      const bad = entries.find((entry) => !isProxyAddress(entry));
      if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(bad)} is not an address, a CIDR range (10.0.0.0/8) or loopback, linklocal, uniquelocal` });
    })
    .optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // --- picking ---
  PICK_BATCH_SIZE: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').default(DEFAULT_PICK_SETTINGS.batchSize),
  PICK_LOCATION_FORMAT: z
    .string()
    .default(DEFAULT_PICK_SETTINGS.locationFormat)
    .superRefine((pattern, ctx) => {
      try {
        compileLocationFormat(pattern);
      } catch (error) {
        if (!(error instanceof LocationFormatError)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message });
      }
    }),
  PICK_LOCATION_SCAN: z.enum(['required', 'optional', 'off'], { error: 'must be required, optional or off' }).default(DEFAULT_PICK_SETTINGS.locationScan),
  PICK_TOP_RANK_ORDER: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').default(DEFAULT_PICK_SETTINGS.topRankSortOrder),
  PICK_SHORTAGE_RULE: z.enum(['newestOrderFirst', 'lowestRankFirst'], { error: 'must be newestOrderFirst or lowestRankFirst' }).default(DEFAULT_PICK_SETTINGS.shortageRule),
  // --- return notifications ---
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().regex(/@/, 'must be an e-mail address, optionally with a name: Shop <returns@example.jp>').default('floorpack <returns@floorpack.invalid>'),
  WEBHOOK_URL: z.string().regex(/^https?:\/\//, 'must be an http:// or https:// URL').optional(),
  SHIPPED_MAIL_TO: z
    .string()
    .transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
    .refine((list) => list.every(isPlainMailAddress), 'must be plain addresses separated by commas: ops@shop.example,cs@shop.example')
    .optional(),
  WEBHOOK_SECRET: z.string().regex(/^whsec_[A-Za-z0-9+/=]{16,}$/, 'must be a Standard Webhooks secret: whsec_ followed by base64').optional(),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(8),
  NOTIFY_LEASE_SEC: z.coerce.number({ error: 'must be a number' }).int('must be a whole number of seconds').min(60, 'must be at least 60 (longer than one send)').max(86_400, 'must be at most 86400').default(300),
  NOTIFY_RETRY_BASE_SEC: z.coerce.number({ error: 'must be a number' }).int('must be a whole number of seconds').min(1, 'must be at least 1').max(3600, 'must be at most 3600').default(30),
}).superRefine((env, ctx) => {
  if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET) ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'must be set when WEBHOOK_URL is set' });
});

/** Names proxy-addr (Fastify's trustProxy) knows for the usual private ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * One trusted proxy: an address, a CIDR range or a range name. Never "everyone" (true, *): a client
 * reaching the server directly could then write any address into X-Forwarded-For.
 */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** The picking settings in the environment. */
export function pickSettingsOf(env: Env): PickSettings {
  return {
    batchSize: env.PICK_BATCH_SIZE,
    locationFormat: env.PICK_LOCATION_FORMAT,
    locationScan: env.PICK_LOCATION_SCAN,
    topRankSortOrder: env.PICK_TOP_RANK_ORDER,
    shortageRule: env.PICK_SHORTAGE_RULE,
  };
}

/** Where the data lives: PostgreSQL when DATABASE_URL is set, else the embedded PGlite in DATA_DIR. */
export function databaseOptionsOf(env: Env, postgres: { maxConnections?: number } = {}): OpenDatabaseOptions {
  return env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL, ...postgres } : { kind: 'pglite', dataDir: env.DATA_DIR };
}

/** The parsed, typed server configuration. */
export type Env = z.infer<typeof envSchema>;

/** A bad environment; `message` is one line naming the variable and what is wrong. */
export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

/** Parses the environment; empty strings count as unset so `PORT=` falls back to the default. */
export function parseEnv(raw: NodeJS.ProcessEnv): Env {
  const known = Object.keys(envSchema.shape);
  const input = Object.fromEntries(known.map((key) => [key, raw[key] === '' ? undefined : raw[key]]));
  const parsed = envSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = String(issue.path[0] ?? 'environment');
  const value = raw[name];
  // Never echo secrets back into logs.
  const shown = value === undefined || /TOKEN|URL|SECRET/.test(name) ? '' : ` (got ${JSON.stringify(value)})`;
  throw new EnvError(`Invalid environment variable ${name}: ${issue.message}${shown}`);
}

/** Parses process.env, or prints the one-line reason and exits with code 1. */
export function loadEnvOrExit(raw: NodeJS.ProcessEnv = process.env): Env {
  try {
    return parseEnv(raw);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
