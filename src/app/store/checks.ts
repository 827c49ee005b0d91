/**
 * The checks of records read back from IndexedDB, as one lazily loaded chunk (with zod, which it
 * shares with sync/validate.ts; both precached, so they run offline): boot.ts and outbox.ts import it
 * on demand, never on the scan path.
 */
export { checkBoot } from './boot-checks.js';
export { keepBackUnreadable } from './push-checks.js';
