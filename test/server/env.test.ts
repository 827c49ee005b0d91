/** Environment parsing: defaults, and a bad value stops the server with one line naming the variable. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../../src/server/env.js';

describe('parseEnv', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(parseEnv({})).toEqual({
      PORT: 8080, HOST: '0.0.0.0', DATA_DIR: './data', DEMO: '1', ENROL_CODE_TTL_MIN: 60, ENROL_RATE_LIMIT_PER_MIN: 10, LOG_LEVEL: 'info',
      PICK_BATCH_SIZE: 30, PICK_LOCATION_FORMAT: '{zone}-{aisle}-{bay}-{level}', PICK_LOCATION_SCAN: 'optional', PICK_TOP_RANK_ORDER: 1, PICK_SHORTAGE_RULE: 'newestOrderFirst',
      MAIL_FROM: 'floorpack <returns@floorpack.invalid>', NOTIFY_MAX_ATTEMPTS: 8, NOTIFY_LEASE_SEC: 300, NOTIFY_RETRY_BASE_SEC: 30,
    });
  });

  it.each([
    { env: { SMTP_URL: 'http://mail' }, name: 'SMTP_URL', says: 'smtp://' },
    { env: { WEBHOOK_URL: 'https://crm.example/hook' }, name: 'WEBHOOK_SECRET', says: 'must be set when WEBHOOK_URL is set' },
    { env: { WEBHOOK_SECRET: 'not-a-secret' }, name: 'WEBHOOK_SECRET', says: 'whsec_' },
    { env: { NOTIFY_LEASE_SEC: '5' }, name: 'NOTIFY_LEASE_SEC', says: 'at least 60' },
  ])('refuses a bad notification setting: $name', ({ env, name, says }) => {
    expect(() => parseEnv(env)).toThrow(new RegExp(`${name}.*${says.replace(/[/.]/g, '\\$&')}`));
    expect(() => parseEnv(env)).not.toThrow(/not-a-secret/);
  });

  it('reads every variable', () => {
    const env = parseEnv({ PORT: '3000', HOST: '127.0.0.1', DATA_DIR: '/var/lib/fp', DATABASE_URL: 'postgres://u@db/fp', ADMIN_TOKEN: 'x'.repeat(32), DEMO: '0', ENROL_CODE_TTL_MIN: '15', LOG_LEVEL: 'warn' });
    expect(env).toMatchObject({ PORT: 3000, DATABASE_URL: 'postgres://u@db/fp', DEMO: '0', ENROL_CODE_TTL_MIN: 15, LOG_LEVEL: 'warn' });
  });

  it('reads the picking settings, and refuses a location format without every field', () => {
    const env = parseEnv({ PICK_BATCH_SIZE: '12', PICK_LOCATION_FORMAT: '{zone:1}{aisle:2}{bay:2}{level:1}', PICK_LOCATION_SCAN: 'required', PICK_SHORTAGE_RULE: 'lowestRankFirst' });
    expect(env).toMatchObject({ PICK_BATCH_SIZE: 12, PICK_LOCATION_SCAN: 'required', PICK_SHORTAGE_RULE: 'lowestRankFirst' });
    expect(() => parseEnv({ PICK_LOCATION_FORMAT: '{zone}-{aisle}' })).toThrow(/PICK_LOCATION_FORMAT: .*lacks \{bay\}/);
    expect(() => parseEnv({ PICK_BATCH_SIZE: '0' })).toThrow(/PICK_BATCH_SIZE/);
  });

  it('treats an empty value as unset', () => {
    expect(parseEnv({ PORT: '' }).PORT).toBe(8080);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DEMO: 'yes' }, 'DEMO'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ ENROL_CODE_TTL_MIN: '0' }, 'ENROL_CODE_TTL_MIN'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN'],
  ])('refuses %o with one line naming %s', (raw, name) => {
    let error: unknown;
    try {
      parseEnv(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).toContain(name);
    expect(message).not.toContain('\n');
  });

  it('never echoes a secret back', () => {
    expect(() => parseEnv({ ADMIN_TOKEN: 'secret' })).toThrow(/^(?!.*secret).*$/);
  });
});

describe('the server process with a bad environment', () => {
  it('exits with code 1 and prints exactly one line naming PORT', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: 'eighty', DATA_DIR: '/nonexistent/never-created' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/PORT/);
  });
});
