/**
 * The banner under the scan input of every flow screen: the latest feedback in words and colour, a
 * flash on each action, and whether the latest change is on disk. Built for the frame after a scan
 * (benchmark bench/scan-latency.ts): the banner is one stable node; "saved" re-renders the
 * indicator alone; and the flash is a layer of its own whose opacity changes on the compositor
 * (nothing repaints but the words). The scan's frame shows the layer lit, with no animation, and the
 * fade starts FLASH_HOLD_MS later: whatever dirties the page right after the scan's frame gets a frame
 * of its own, and the browser runs that frame ahead of the commit's `complete` event (two IndexedDB
 * messages, each dispatched in a task of its own), which "saved" and the benchmark wait for.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Tone } from '../../shared/flows/feedback.js';
import { afterNextFrame } from '../feedback/after-frame.js';
import type { FlowSession, SaveState } from '../flow/flow-session.js';
import { t, tm, type UiKey } from '../i18n/i18n.js';

/** How long the flash stays fully lit after the frame that shows it, before its fade (styles.css). */
const FLASH_HOLD_MS = 50;

/** Tones that flash (an error shows the red overlay instead); their fade is in styles.css. */
const FLASHING: ReadonlySet<Tone> = new Set(['ok', 'warning', 'complete']);

/** The banner: `prompt` is shown until the first feedback; a tap on a red banner calls onErrorTap. */
export function FeedbackBanner({ session, prompt, onErrorTap }: { session: FlowSession<unknown, unknown>; prompt: string; onErrorTap?: () => void }) {
  const feedback = session.feedback;
  const tone = feedback?.tone ?? null;
  const seq = feedback?.seq ?? 0;
  // Preact never touches the layer's class (it is constant in the markup): the flash is set here.
  const layer = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = layer.current;
    if (!el) return;
    const flashes = feedback !== null && FLASHING.has(feedback.tone);
    el.classList.toggle('is-lit', flashes);
    // Only the newest feedback fades its flash: a scan during a fade lights the layer again.
    if (flashes) afterNextFrame(() => seq === (session.feedback?.seq ?? 0) && el.classList.remove('is-lit'), FLASH_HOLD_MS);
  }, [seq]);
  return (
    <div
      class={`feedback tone-${tone ?? 'none'}`}
      data-testid="feedback"
      data-tone={tone ?? ''}
      role="status"
      aria-live="assertive"
      onClick={onErrorTap && (() => tone === 'error' && onErrorTap())}
    >
      <div class="feedback-flash" ref={layer} aria-hidden="true" />
      <span class="feedback-text">{feedback ? tm(feedback.message) : prompt}</span>
      <SavedIndicator session={session} />
    </div>
  );
}

const SAVE_LABELS: Record<SaveState, UiKey | null> = { idle: null, saving: 'flow.saving', saved: 'flow.saved', error: 'flow.notSaved' };

/** "Saving…" / "Saved" / "Not saved": follows the session's save state on its own, without the screen. */
function SavedIndicator({ session }: { session: FlowSession<unknown, unknown> }) {
  const [, setTick] = useState(0);
  const state = session.saveState;
  // A layout effect, so a commit that completes before the first paint is not missed.
  useLayoutEffect(() => {
    const rerender = () => setTick((n) => n + 1);
    const off = session.onSaveState(rerender);
    if (session.saveState !== state) rerender();
    return off;
  }, [session]);
  const label = SAVE_LABELS[state];
  return (
    <span class={`saved-indicator save-${state}`} data-testid="saved-indicator" data-state={state}>
      {label ? t(label) : ''}
    </span>
  );
}
