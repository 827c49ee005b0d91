/**
 * "This server no longer serves this app": set when a sync request is answered 426. The update bar
 * listens and asks the worker to update; nothing is lost meanwhile (the outbox keeps every event).
 * Part of the main bundle (a few lines).
 */

let required = false;
const listeners = new Set<(required: boolean) => void>();

/** Marks the app as too old for its server (api.ts calls it on a 426). */
export function reportUpdateRequired(): void {
  if (required) return;
  required = true;
  for (const listener of listeners) listener(true);
}

/** Subscribes to "an update is required"; returns the unsubscribe function. */
export function onUpdateRequired(listener: (required: boolean) => void): () => void {
  listeners.add(listener);
  listener(required);
  return () => listeners.delete(listener);
}
