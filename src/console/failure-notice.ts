/** What the supervisor reads when a call fails, and when the console must ask for the token again. */
import { ApiError } from './api.js';

/** Shown when the server refuses a token that used to work (it was rotated, or the server restarted with another). */
export const TOKEN_REFUSED_NOTICE = '管理トークンが無効になりました。もう一度サインインしてください / The admin token was refused; sign in again';

/** Shown on the sign-in form when the token typed is not the server's. */
export const WRONG_TOKEN_NOTICE = '管理トークンが違います / Wrong admin token';

/** The notice for a failed call; a 401 also signs the tab out, since every later call would fail too. */
export function failureNotice(error: unknown): { notice: string; signOut: boolean } {
  if (error instanceof ApiError && error.status === 401) return { notice: TOKEN_REFUSED_NOTICE, signOut: true };
  return { notice: error instanceof Error ? error.message : String(error), signOut: false };
}

/** The sign-in form's message for a token that did not work. */
export function signInFailure(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return WRONG_TOKEN_NOTICE;
  return String((error as Error).message);
}
