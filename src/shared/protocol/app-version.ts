/**
 * Which app speaks which sync protocol. The handheld names its app version and protocol version on
 * every sync request; a server that can no longer serve that protocol answers 426 with
 * UPDATE_REQUIRED_CODE, and the app asks the worker to update (「アプリを更新してください」).
 */

/** This release of the app (package.json's version; test/shared/protocol/app-version.test.ts keeps them equal). */
export const APP_VERSION = '0.1.0';

/** The sync protocol this code speaks. Raise it only with a change an older app cannot read. */
export const PROTOCOL_VERSION = 1;

/** The oldest protocol the server still serves; an app below it must update. Apps that send no header speak 1. */
export const MIN_SUPPORTED_PROTOCOL = 1;

/** Request header with the app's version (package.json version at build time). */
export const APP_VERSION_HEADER = 'x-floorpack-app-version';

/** Request header with the app's sync protocol version (a whole number). */
export const PROTOCOL_HEADER = 'x-floorpack-protocol';

/** The `error` of the 426 answer to an app too old for this server. */
export const UPDATE_REQUIRED_CODE = 'app_update_required';

/** HTTP status of that answer (426 Upgrade Required). */
export const UPDATE_REQUIRED_STATUS = 426;

/** The protocol an app speaks, from its header: 1 when absent (apps older than the header); null when unreadable. */
export function protocolOf(header: string | undefined): number | null {
  if (header === undefined || header === '') return 1;
  return /^\d{1,6}$/.test(header) ? Number(header) : null;
}
