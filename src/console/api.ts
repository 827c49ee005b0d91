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

/** What a section does with a failed call: show it, or sign out when the token stopped working. */
export type OnError = (error: unknown) => void;

/** The stored admin token, or null when signed out. */
export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Keeps the admin token for this tab only. */
export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** The fetch options of an admin call; `body` is JSON unless it is a Blob (an import file, sent as raw bytes). */
export function adminRequestInit(method: string, body: unknown, token: string | null): RequestInit {
  const headers: Record<string, string> = { authorization: `Bearer ${token ?? ''}` };
  if (body instanceof Blob) return { method, headers: { ...headers, 'content-type': 'application/octet-stream' }, body };
  if (body === undefined) return { method, headers };
  return { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** The JSON of an admin answer (null when it is empty), or an ApiError with the server's message. */
export async function readAnswer<T>(res: Response): Promise<T> {
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) throw new ApiError(res.status, (data as { message?: string } | null)?.message ?? `HTTP ${res.status}`);
  return data as T;
}

/** Calls the admin route at `url` (absolute, or relative to the page) with `token`. */
export async function requestAdmin<T>(url: string, method: string, body: unknown, token: string | null): Promise<T> {
  return readAnswer<T>(await fetch(url, adminRequestInit(method, body, token)));
}

/** Calls an admin route with this tab's token, or with `token` to try one before keeping it. */
export function api<T>(method: string, path: string, body?: unknown, token = getToken()): Promise<T> {
  return requestAdmin<T>(path, method, body, token);
}
