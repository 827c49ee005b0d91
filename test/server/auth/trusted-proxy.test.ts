/**
 * Behind a TLS proxy every handheld reaches the server from the proxy's address: unless the proxy is
 * trusted, one guesser's bad enrolment codes use up the rate limit of the whole floor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoApp, type DemoApp } from '../../../src/server/demo/demo-app.js';
import { parseEnv } from '../../../src/server/env.js';

const PROXY = '10.20.0.5';
const LIMIT = 3;

describe('enrolment rate limit behind a trusted proxy', () => {
  let demo: DemoApp;
  beforeAll(async () => {
    demo = await buildDemoApp({ enrolRateLimitPerMin: LIMIT, trustProxy: parseEnv({ TRUST_PROXY: `${PROXY}, 192.168.50.0/24` }).TRUST_PROXY });
  });
  afterAll(() => demo?.close());

  /** One wrong-code attempt from `peer` (the TCP address) claiming to be `forwardedFor`. */
  const attempt = (peer: string, forwardedFor?: string) =>
    demo.app.inject({
      method: 'POST',
      url: '/api/enrol',
      remoteAddress: peer,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
      payload: { code: 'ZZZZ-ZZZZ-ZZZZ', deviceName: 'guess' },
    });

  it('gives two clients behind the trusted proxy their own buckets', async () => {
    for (let i = 0; i < LIMIT; i += 1) expect((await attempt(PROXY, '203.0.113.10')).statusCode).toBe(401);
    const locked = await attempt(PROXY, '203.0.113.10');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toBe('rate_limited');
    // The next handheld behind the same proxy still enrols (a wrong code is 401, not 429).
    expect((await attempt(PROXY, '203.0.113.11')).statusCode).toBe(401);
    // A second proxy in a trusted range is believed too.
    expect((await attempt('192.168.50.9', '203.0.113.12')).statusCode).toBe(401);
  });

  it('does not let an untrusted peer escape its bucket by writing X-Forwarded-For', async () => {
    const attacker = '198.51.100.7';
    for (let i = 0; i < LIMIT; i += 1) expect((await attempt(attacker, `203.0.113.${100 + i}`)).statusCode).toBe(401);
    expect((await attempt(attacker, '203.0.113.200')).statusCode).toBe(429);
    expect((await attempt(attacker)).statusCode).toBe(429);
    // The guesser's bucket is its own: a handheld behind the proxy still gets through.
    expect((await attempt(PROXY, '203.0.113.50')).statusCode).toBe(401);
  });

  it('refuses a TRUST_PROXY entry that is not an address, a range or a range name, and trusting everyone', () => {
    expect(parseEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8, ::1, fd00::/8' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8', '::1', 'fd00::/8']);
    expect(parseEnv({}).TRUST_PROXY).toBeUndefined();
    for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.local', '10.0.0.1/8/1', '::1/129']) {
      expect(() => parseEnv({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });
});

describe('enrolment rate limit with no trusted proxy (the default)', () => {
  let demo: DemoApp;
  beforeAll(async () => {
    demo = await buildDemoApp({ enrolRateLimitPerMin: LIMIT });
  });
  afterAll(() => demo?.close());

  it('keys on the TCP peer and ignores X-Forwarded-For', async () => {
    const enrol = (forwardedFor: string) =>
      demo.app.inject({ method: 'POST', url: '/api/enrol', remoteAddress: PROXY, headers: { 'x-forwarded-for': forwardedFor }, payload: { code: 'ZZZZ-ZZZZ-ZZZZ', deviceName: 'x' } });
    for (let i = 0; i < LIMIT; i += 1) expect((await enrol(`203.0.113.${i}`)).statusCode).toBe(401);
    expect((await enrol('203.0.113.99')).statusCode).toBe(429);
  });
});
