/**
 * The console's only way to the server: the admin token lives in sessionStorage (gone when the tab
 * closes) and travels as a Bearer header, never in a URL.
 */

const TOKEN_KEY = 'floorpack.console.adminToken';

/** An API answer that was not 2xx; status 401 means the token is wrong or missing. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The stored admin token, or null when signed out. */
export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Keeps the admin token for this tab only. */
export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** Calls an admin route; `body` is JSON unless it is a Blob (an import file, sent as raw bytes). */
export async function api<T>(method: string, path: string, body?: unknown, token = getToken()): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${token ?? ''}` };
  let payload: BodyInit | undefined;
  if (body instanceof Blob) {
    headers['content-type'] = 'application/octet-stream';
    payload = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers, body: payload });
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) throw new ApiError(res.status, (data as { message?: string } | null)?.message ?? `HTTP ${res.status}`);
  return data as T;
}
