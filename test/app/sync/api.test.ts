// @vitest-environment node
/** The API client: bearer token, reply checking, and which failures are retried. */
import { describe, expect, it, vi } from 'vitest';
import { AuthError, HttpError, ProtocolError, RetryableError, createApiClient } from '../../../src/app/sync/api.js';
import { parcel } from '../../helpers/fixtures/device.js';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('api client', () => {
  const client = (fetch: typeof globalThis.fetch, token: string | null = 'tok') => createApiClient({ fetch, getToken: () => token });

  it('sends the bearer token and parses a pull page', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => json(200, { cursor: '5', more: false, catalogue: null, parcels: [parcel()] }));
    const page = await client(fetch).pull('0');
    expect(page.cursor).toBe('5');
    const [url, init] = fetch.mock.calls[0];
    expect(String(url)).toBe('/api/sync/pull?cursor=0&limit=1000');
    expect((init?.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('turns 401 into AuthError, 5xx and network failures into RetryableError, other 4xx into HttpError', async () => {
    await expect(client(async () => json(401, { error: 'unauthorised', message: 'revoked' })).device()).rejects.toBeInstanceOf(AuthError);
    await expect(client(async () => json(503, { error: 'x', message: 'y' })).device()).rejects.toBeInstanceOf(RetryableError);
    await expect(client(async () => json(429, {})).device()).rejects.toBeInstanceOf(RetryableError);
    await expect(
      client(async () => {
        throw new TypeError('Failed to fetch');
      }).device(),
    ).rejects.toBeInstanceOf(RetryableError);
    const err = await client(async () => json(400, { error: 'bad_code', message: 'Unknown enrolment code' }))
      .enrol({ code: 'ABCD', deviceName: 'pack-01' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 400, code: 'bad_code' });
  });

  it('refuses a reply that is not the wire format', async () => {
    await expect(client(async () => json(200, { cursor: 'abc', more: 'yes' })).pull('0')).rejects.toBeInstanceOf(ProtocolError);
  });

  it('does not call the server without a credential', async () => {
    const fetch = vi.fn();
    await expect(client(fetch, null).pull('0')).rejects.toBeInstanceOf(AuthError);
    expect(fetch).not.toHaveBeenCalled();
  });
});

