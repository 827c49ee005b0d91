// @vitest-environment node
/** The API client: bearer token, reply checking, and which failures are retried. */
import { describe, expect, it, vi } from 'vitest';
import { pullQuerySchema } from '../../../src/shared/protocol/sync.js';
import { AuthError, HttpError, ProtocolError, RetryableError, createApiClient } from '../../../src/app/sync/api.js';
import { stuckQuery } from '../../../src/app/sync/stuck-query.js';
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

  it('reports the stuck event with the outbox counts on pull, in a shape the server takes', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => json(200, { cursor: '0', more: false, catalogue: null, parcels: [] }));
    const stuck = { id: '00000000-0000-4000-8000-000000000001', type: 'parcel.packed', recordedAt: '2026-11-24T09:00:00.000Z', attempts: 5, reason: 'parcel row locked & busy' };
    await createApiClient({ fetch, getToken: () => 't', outboxCounts: () => ({ pending: 3, rejected: 1, stuck }) }).pull('0');
    const query = Object.fromEntries(new URL(String(fetch.mock.calls[0][0]), 'http://x').searchParams);
    expect(query).toMatchObject({ pending: '3', rejected: '1', stuckId: stuck.id, stuckType: 'parcel.packed', stuckSince: stuck.recordedAt, stuckAttempts: '5', stuckReason: 'parcel row locked & busy' });
    expect(pullQuerySchema.safeParse(query).success).toBe(true);
  });

  it('never sends a stuck report the server would refuse (which would fail the pull itself)', () => {
    const odd = { id: '00000000-0000-4000-8000-000000000001', type: 'parcel.packed', recordedAt: 'yesterday', attempts: Number.NaN, reason: `${'理'.repeat(299)}😀 tail` };
    const query = Object.fromEntries(new URLSearchParams(stuckQuery(odd).slice(1)));
    expect(pullQuerySchema.safeParse({ cursor: '0', ...query }).success).toBe(true);
    expect(query.stuckSince).toBeUndefined();
    expect(stuckQuery({ ...odd, id: 'not-a-uuid' })).toBe('');
  });
});
