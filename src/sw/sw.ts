/**
 * The service worker: precaches the whole app shell and serves navigations from it when offline.
 * /api and /healthz are never cached here: the IndexedDB outbox is the record, the network the truth.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

/** The tag the page registers for Background Sync; it only wakes the page, which does the push itself. */
const OUTBOX_SYNC_TAG = 'floorpack-outbox';

precacheAndRoute(self.__WB_MANIFEST);
// Safe only because a new version activates when the worker taps "update" and the page reloads at once.
cleanupOutdatedCaches();

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    // /console is the desktop console, a page of its own: never answer it with the handheld's shell.
    denylist: [/^\/api(\/|$)/, /^\/healthz/, /^\/console(\/|$)/],
  }),
);

// No skipWaiting on install: the page asks for it (SKIP_WAITING) when the worker chooses to update.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// First install only has no old controller to displace; later activations happen after the user's tap.
clientsClaim();

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

// Background Sync is a wake-up call only: tell open pages to run their own sync.
self.addEventListener('sync' as keyof ServiceWorkerGlobalScopeEventMap, (event) => {
  const e = event as unknown as SyncEvent;
  if (e.tag !== OUTBOX_SYNC_TAG) return;
  e.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      for (const client of clients) client.postMessage({ type: 'SYNC_WAKE' });
    }),
  );
});
