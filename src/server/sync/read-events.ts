/**
 * The events of a push, each checked against the event schema on its own. An event that does not
 * read is answered `rejected` (`invalid`) with what the check found, alone: the events around it are
 * still applied, so a device whose queue holds one such event (a bug, an older or newer app) is never
 * jammed behind it. It is not recorded: a resend is checked again and gets the same answer.
 */
import { syncEventSchema, type SyncEvent } from '../../shared/protocol/events.js';
import type { EventResult } from '../../shared/protocol/sync.js';

/** The events of a push that read, with their places in it, and the answer for each place that does not. */
export interface ReadEvents {
  events: SyncEvent[];
  /** The index in the push of each of `events`. */
  places: number[];
  /** One answer per place; filled for the events that did not read. */
  answers: (EventResult | undefined)[];
}

/** The longest finding quoted back to a device. */
const MAX_FINDING_CHARS = 300;

/** Checks each pushed body on its own. */
export function readPushedEvents(bodies: unknown[]): ReadEvents {
  const read: ReadEvents = { events: [], places: [], answers: new Array(bodies.length) };
  bodies.forEach((body, place) => {
    const parsed = syncEventSchema.safeParse(body);
    if (parsed.success) {
      read.events.push(parsed.data);
      read.places.push(place);
      return;
    }
    const issue = parsed.error.issues[0];
    const finding = `${issue?.path.map(String).join('.') || '(event)'}: ${issue?.message ?? 'invalid'}`.slice(0, MAX_FINDING_CHARS);
    read.answers[place] = {
      id: idOf(body),
      status: 'rejected',
      code: 'invalid',
      message: `This event does not read as an event the server takes, so it was not applied (${finding}).`,
      detail: { finding },
    };
  });
  return read;
}

/** The id a device gave an event, as sent (it matches answers by it), or '' when it gave none. */
function idOf(body: unknown): string {
  const id = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 200) : '';
}
