// @vitest-environment node
/** The handheld names its app and protocol versions on every request, and a 426 raises "update the app". */
import { describe, expect, it, vi } from 'vitest';
import { APP_VERSION, PROTOCOL_VERSION } from '../../../src/shared/protocol/app-version.js';
import { HttpError, createApiClient } from '../../../src/app/sync/api.js';
import { onUpdateRequired } from '../../../src/app/sync/update-required.js';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('app and protocol versions', () => {
  it('sends the app version and the protocol version with a push', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => json(200, { results: [] }));
    await createApiClient({ fetch, getToken: () => 'tok' }).push([]);
    const headers = fetch.mock.calls[0][1]?.headers as Record<string, string>;
    expect(headers['x-floorpack-app-version']).toBe(APP_VERSION);
    expect(headers['x-floorpack-protocol']).toBe(String(PROTOCOL_VERSION));
  });

  it('on 426 tells the update bar and fails the request as refused, not as retried', async () => {
    const heard: boolean[] = [];
    const unsubscribe = onUpdateRequired((required) => heard.push(required));
    const fetch = async () => json(426, { error: 'app_update_required', message: 'update the app' });
    const error = await createApiClient({ fetch, getToken: () => 'tok' })
      .pull('0')
      .catch((e: unknown) => e);
    unsubscribe();
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 426, code: 'app_update_required' });
    expect(heard).toEqual([false, true]);
  });
});
