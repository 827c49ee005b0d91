/**
 * The one module that talks to the service worker (and the only importer of workbox-window).
 * Registers /sw.js, reports when a new version is waiting, and applies it only when asked.
 * Part of the main bundle (workbox-window is ~3 kB gzip).
 */
import { Workbox } from 'workbox-window';

/** The Background Sync tag shared with src/sw/sw.ts. */
const OUTBOX_SYNC_TAG = 'floorpack-outbox';

let wb: Workbox | null = null;
let waiting = false;
const listeners = new Set<(waiting: boolean) => void>();

/** Registers the service worker (production builds only); calls onWake when Background Sync fires. */
export function registerServiceWorker(onWake: () => void): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    waiting = true;
    for (const l of listeners) l(true);
  });
  wb.addEventListener('message', (event) => {
    if ((event.data as { type?: string } | null)?.type === 'SYNC_WAKE') onWake();
  });
  void wb.register().catch(() => {
    // No service worker (e.g. plain http on a LAN IP): the app still works online.
  });
}

/** Subscribes to "a new version is waiting"; returns the unsubscribe function. */
export function onUpdateWaiting(listener: (waiting: boolean) => void): () => void {
  listeners.add(listener);
  listener(waiting);
  return () => listeners.delete(listener);
}

/** Activates the waiting version and reloads once it controls the page. Call only from a user tap. */
export function applyUpdate(): void {
  if (!wb || !waiting) return;
  wb.addEventListener('controlling', () => window.location.reload());
  wb.messageSkipWaiting();
}

/**
 * Looks for a new version now (the server said this one is too old): the waiting worker is applied
 * when one arrives; with no service worker (plain http) a reload fetches the new app.
 */
export async function fetchUpdate(): Promise<void> {
  if (!wb) return window.location.reload();
  wb.addEventListener('waiting', () => applyUpdate());
  await wb.update().catch(() => undefined);
  if (waiting) applyUpdate();
}

/** Asks for a Background Sync wake-up (Chrome only); harmless where unsupported. */
export async function requestBackgroundSync(): Promise<void> {
  try {
    const reg = await navigator.serviceWorker?.getRegistration();
    const sync = (reg as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync;
    await sync?.register(OUTBOX_SYNC_TAG);
  } catch {
    // Not supported or not allowed: the page's own scheduler still retries.
  }
}
