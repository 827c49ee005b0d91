/**
 * The outbox entries about to be pushed, checked against the event schema (part of the lazily loaded
 * checks chunk). An event that fails would be refused, or fail the whole push and hold up every event
 * queued behind it, so it is not sent: it is marked refused on this device with what the check found,
 * and kept, never deleted.
 */
import type { LocalStore } from './local-store.js';
import { outboxEntryProblem } from './record-checks.js';
import { STORES, type OutboxEntry } from './schema.js';

/** Returns the entries of `batch` that read as events; marks the others refused by this device. */
export async function keepBackUnreadable(store: LocalStore, batch: OutboxEntry[]): Promise<OutboxEntry[]> {
  const sendable: OutboxEntry[] = [];
  const problems = new Map<string, string>();
  for (const entry of batch) {
    const problem = outboxEntryProblem(entry);
    if (problem === null) sendable.push(entry);
    else problems.set(entry.id, problem);
  }
  if (problems.size > 0) await markUnreadable(store, problems);
  return sendable;
}

/** Marks pending entries refused by this device, with the check's finding as the detail. */
function markUnreadable(store: LocalStore, problems: Map<string, string>): Promise<void> {
  return store.tx(
    'readwrite',
    [STORES.outbox],
    async (tx) => {
      const outbox = tx.objectStore(STORES.outbox);
      for (const [id, problem] of problems) {
        const entry = await outbox.get(id);
        if (!entry || entry.status !== 'pending') continue;
        const rejection = { code: 'unreadable' as const, message: `not sent: the stored event does not read as an event (${problem})`, detail: { problem } };
        await outbox.put({ ...entry, status: 'rejected', rejection });
      }
    },
    { durability: 'strict' },
  );
}
