/** The hook a flow screen uses to re-render on its session's screen-only changes (see FlowSession.subscribe). */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { FlowSession } from './flow-session.js';

/** Re-renders the calling component whenever `session` reports a change to its screen. */
export function useFlowSession(session: FlowSession<unknown, unknown>): void {
  const [, setTick] = useState(0);
  // A layout effect: subscribed before the first paint, so no scan's change can slip past.
  useLayoutEffect(() => session.subscribe(() => setTick((n) => n + 1)), [session]);
}
