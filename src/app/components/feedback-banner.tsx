/**
 * The banner under the scan input of every flow screen: the latest feedback in words and colour, a
 * flash on each action, and whether the latest change is on disk. Built for the frame after a scan
 * (benchmark scan_to_feedback_ms_p95): the banner is one stable node; the flash is an opacity
 * animation of a layer of its own (run by the compositor: nothing repaints but the words), restarted
 * by switching between two keyframe names (element.animate() would force a style update in the middle
 * of the scan's render); and "saved" re-renders the indicator alone.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { FlowSession, SaveState } from '../flow/flow-session.js';
import { t, tm, type UiKey } from '../i18n/i18n.js';

/** The banner: `prompt` is shown until the first feedback; a tap on a red banner calls onErrorTap. */
export function FeedbackBanner({ session, prompt, onErrorTap }: { session: FlowSession<unknown, unknown>; prompt: string; onErrorTap?: () => void }) {
  const feedback = session.feedback;
  const tone = feedback?.tone ?? null;
  // Each new feedback flips the flash between its two keyframe names, which restarts it (styles.css).
  const flips = useRef({ seq: 0, count: 0 });
  const seq = feedback?.seq ?? 0;
  if (seq !== flips.current.seq) flips.current = { seq, count: flips.current.count + 1 };
  const flash = feedback ? (flips.current.count % 2 === 1 ? 'flash-a' : 'flash-b') : '';
  return (
    <div
      class={`feedback tone-${tone ?? 'none'}`}
      data-testid="feedback"
      data-tone={tone ?? ''}
      role="status"
      aria-live="assertive"
      onClick={onErrorTap && (() => tone === 'error' && onErrorTap())}
    >
      <div class={`feedback-flash ${flash}`} aria-hidden="true" />
      <span class="feedback-text">{feedback ? tm(feedback.message) : prompt}</span>
      <SavedIndicator session={session} />
    </div>
  );
}

const SAVE_LABELS: Record<SaveState, UiKey | null> = { idle: null, saving: 'pack.saving', saved: 'pack.saved', error: 'pack.notSaved' };

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
