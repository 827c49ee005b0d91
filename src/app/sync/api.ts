/**
 * The HTTP client for the sync server (same origin). Every failure becomes one of four typed errors
 * so callers decide without parsing: AuthError (401: credential gone), RetryableError (network,
 * timeout, 5xx, 408/429), HttpError (other 4xx with the server's {error, message}), ProtocolError
 * (a reply that does not match the wire format).
 */
import type { SyncEvent } from '../../shared/protocol/events.js';
import type {
  DeviceInfo,
  EnrolRequest,
  EnrolResponse,
  PullResponse,
  PushResponse,
} from '../../shared/protocol/sync.js';
import { PULL_NEXT_CURSOR_HEADER } from '../../shared/protocol/pull-header.js';
import { APP_VERSION, APP_VERSION_HEADER, PROTOCOL_HEADER, PROTOCOL_VERSION, UPDATE_REQUIRED_STATUS } from '../../shared/protocol/app-version.js';
import { reportUpdateRequired } from './update-required.js';
import type { StuckEvent } from '../store/outbox-retry.js';

/** 401: the device credential is missing, wrong or revoked. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
}
/** Worth trying again later: no network, timeout, 5xx, 408, 429. */
export class RetryableError extends Error {
  override readonly name = 'RetryableError';
  constructor(message: string, readonly status: number | null) {
    super(message);
  }
}
/** A 4xx the server explained: retrying the same request will not help. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}
/** The server answered something that is not the wire format. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

/** How long one request may take before it counts as a network failure. */
export const REQUEST_TIMEOUT_MS = 20_000;
/** Parcels per pull page. */
export const PULL_PAGE_LIMIT = 1000;

/** Prefix of a pull's User Timing measures (-json: body + JSON.parse, -validate, -write): the benchmark's split. */
export const PULL_MEASURE = 'floorpack:pull';

/** What the client needs from its surroundings (tests pass a fake fetch). */
export interface ApiDeps {
  fetch: typeof fetch;
  /** The current device token, or null before enrolment. */
  getToken: () => string | null;
  /** The outbox counts, and the oldest queued event when it will not sync, to report with each pull (the console shows them per device). */
  outboxCounts?: () => { pending: number; rejected: number; stuck?: StuckEvent };
  baseUrl?: string;
}

/** The calls the app makes. */
export interface ApiClient {
  enrol(request: EnrolRequest, signal?: AbortSignal): Promise<EnrolResponse>;
  device(signal?: AbortSignal): Promise<DeviceInfo>;
  /** One pull page; `onNextCursor` hears the next page's cursor from the headers, before the body is read. */
  pull(cursor: string, signal?: AbortSignal, onNextCursor?: (cursor: string) => void): Promise<PullResponse>;
  push(events: SyncEvent[], signal?: AbortSignal): Promise<PushResponse>;
}

/** The reply parsers (validate.ts, loaded on first use). */
interface Parsers {
  enrol: (body: unknown) => EnrolResponse;
  device: (body: unknown) => DeviceInfo;
  pull: (body: unknown) => PullResponse;
  push: (body: unknown) => Promise<PushResponse>;
}

/** Builds the API client over a fetch function. */
export function createApiClient(deps: ApiDeps): ApiClient {
  const base = deps.baseUrl ?? '';

  async function request<K extends keyof Parsers>(
    method: 'GET' | 'POST',
    path: string,
    kind: K,
    opts: { body?: unknown; auth: boolean; signal?: AbortSignal; measure?: string; onHeaders?: (headers: Headers) => void },
  ): Promise<Awaited<ReturnType<Parsers[K]>>> {
    // Every request names the app and its protocol: a server that cannot serve them answers 426.
    const headers: Record<string, string> = { accept: 'application/json', [APP_VERSION_HEADER]: APP_VERSION, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.auth) {
      const token = deps.getToken();
      if (!token) throw new AuthError('not enrolled');
      headers.authorization = `Bearer ${token}`;
    }
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await deps.fetch(base + path, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal,
        cache: 'no-store',
      });
    } catch (error) {
      if (opts.signal?.aborted) throw error;
      throw new RetryableError(error instanceof Error ? error.message : 'network error', null);
    }
    if (response.status === 401) throw new AuthError('unauthorised');
    if (response.status === UPDATE_REQUIRED_STATUS) reportUpdateRequired();
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
      throw new RetryableError(`HTTP ${response.status}`, response.status);
    }
    if (response.ok) opts.onHeaders?.(response.headers);
    let body: unknown;
    const bodyStart = performance.now();
    try {
      body = await response.json();
    } catch {
      throw response.ok ? new ProtocolError('reply is not JSON') : new HttpError(response.status, 'http', `HTTP ${response.status}`);
    }
    if (opts.measure) performance.measure(`${opts.measure}-json`, { start: bodyStart });
    if (!response.ok) {
      const err = body as { error?: unknown; message?: unknown } | null;
      throw new HttpError(response.status, typeof err?.error === 'string' ? err.error : 'http', typeof err?.message === 'string' ? err.message : `HTTP ${response.status}`);
    }
    const { parseReply } = await import('./validate.js');
    const validateStart = performance.now();
    let reply: Awaited<ReturnType<Parsers[K]>>;
    try {
      reply = (await parseReply[kind](body)) as Awaited<ReturnType<Parsers[K]>>;
    } catch (error) {
      throw new ProtocolError(error instanceof Error ? error.message : 'bad reply');
    }
    if (opts.measure) performance.measure(`${opts.measure}-validate`, { start: validateStart });
    return reply;
  }

  return {
    enrol: (body, signal) => request('POST', '/api/enrol', 'enrol', { body, auth: false, signal }),
    device: (signal) => request('GET', '/api/device', 'device', { auth: true, signal }),
    pull: async (cursor, signal, onNextCursor) => {
      const counts = deps.outboxCounts?.();
      // A stuck event is rare: the code that writes it into the query loads only for one.
      const stuck = counts?.stuck ? (await import('./stuck-query.js')).stuckQuery(counts.stuck) : '';
      const report = counts ? `&pending=${counts.pending}&rejected=${counts.rejected}${stuck}` : '';
      const onHeaders = (headers: Headers) => {
        const next = headers.get(PULL_NEXT_CURSOR_HEADER);
        if (next !== null && /^\d+$/.test(next)) onNextCursor?.(next);
      };
      return request('GET', `/api/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=${PULL_PAGE_LIMIT}${report}`, 'pull', { auth: true, signal, measure: PULL_MEASURE, onHeaders });
    },
    push: (events, signal) => request('POST', '/api/sync/push', 'push', { body: { events }, auth: true, signal }),
  };
}
