/**
 * The returns screen's engine: the shared flow session driving the returns state table, committing
 * through the same strict one-transaction path as packing (commitFlow, state key returnState).
 */
import type { Parcel } from '../../shared/domain/parcel.js';
import type { Feedback } from '../../shared/flows/feedback.js';
import { applyReturnAction, type ReturnAction, type ReturnContext, type ReturnState } from '../../shared/flows/return.js';
import { FlowSession, type FlowIdentity } from '../flow/flow-session.js';
import { commitFlow } from '../store/flow-commit.js';
import type { LocalStore } from '../store/local-store.js';
import type { OutboxEntry } from '../store/schema.js';

/** The returns session type the screen drives. */
export type ReturnSession = FlowSession<ReturnState, ReturnAction>;

/** What the returns session needs from the app. */
export interface ReturnSessionDeps {
  store: LocalStore;
  context: (now: string) => ReturnContext;
  identity: () => FlowIdentity | null;
  onFeedback: (feedback: Feedback) => void;
  onCommitted: (parcels: Parcel[], entries: OutboxEntry[]) => void;
  onChange: () => void;
  now?: () => string;
  newId?: () => string;
}

/** Builds the returns session over the device store. */
export function createReturnSession(initial: ReturnState, deps: ReturnSessionDeps): ReturnSession {
  return new FlowSession<ReturnState, ReturnAction>(initial, {
    apply: (state, action, now) => applyReturnAction(state, action, deps.context(now)),
    commit: (commit) => commitFlow(deps.store, 'returnState', commit),
    identity: deps.identity,
    onFeedback: deps.onFeedback,
    onCommitted: deps.onCommitted,
    onChange: deps.onChange,
    now: deps.now,
    newId: deps.newId,
  });
}

/** Local parcels matching a typed search: order number (prefix) or customer name (spaces ignored), shipped ones first. */
export function searchReturnParcels(parcels: Iterable<Parcel>, query: string, limit = 20): Parcel[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (q.length < 2) return [];
  const hits: Parcel[] = [];
  for (const p of parcels) {
    if (p.orderNumber.toLowerCase().startsWith(q) || p.shipmentId.toLowerCase() === q || p.customerName.toLowerCase().replace(/\s+/g, '').includes(q)) hits.push(p);
  }
  const left = (p: Parcel) => (p.status === 'packed' || p.status === 'shipped' ? 0 : 1);
  return hits.sort((a, b) => left(a) - left(b) || b.orderDate.localeCompare(a.orderDate) || a.shipmentId.localeCompare(b.shipmentId)).slice(0, limit);
}
