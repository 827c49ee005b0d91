/** The server's environment, parsed once with zod; a bad value stops the process with one clear line. */
import { z } from 'zod';

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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

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
  const shown = value === undefined || /TOKEN|URL/.test(name) ? '' : ` (got ${JSON.stringify(value)})`;
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
