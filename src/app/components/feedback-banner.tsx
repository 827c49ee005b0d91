/**
 * The banner under the scan input of every flow screen: the latest feedback in words and colour, a
 * flash on each action, and whether the latest change is on disk. Built for the frame after a scan
 * (benchmark scan_to_feedback_ms_p95): the banner is one stable node, the flash is an opacity
 * animation of a layer of its own (run by the compositor, restarted with the Web Animations API; no
 * node is recreated, nothing repaints but the text), and "saved" re-renders the indicator alone.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Tone } from '../../shared/flows/feedback.js';
import type { FlowSession, SaveState } from '../flow/flow-session.js';
import { t, tm, type UiKey } from '../i18n/i18n.js';

/** The flash of each tone: the layer's opacity over time (its colour is in styles.css). Errors show the red overlay instead. */
const FLASHES: Partial<Record<Tone, { keyframes: Keyframe[]; ms: number }>> = {
  ok: { keyframes: [{ opacity: 1 }, { opacity: 0 }], ms: 350 },
  warning: { keyframes: [{ opacity: 1 }, { opacity: 1, offset: 0.5 }, { opacity: 0 }], ms: 500 },
  complete: { keyframes: [{ opacity: 1 }, { opacity: 0 }], ms: 600 },
};

/**
 * Starts the tone's flash on the layer, ending the one before (a no-op where the Web Animations API is
 * missing). The running animation is remembered, not looked up: getAnimations() forces a style update.
 */
function flash(layer: HTMLElement | null, tone: Tone, previous: Animation | null): Animation | null {
  previous?.cancel();
  const spec = FLASHES[tone];
  if (!spec || typeof layer?.animate !== 'function') return null;
  return layer.animate(spec.keyframes, { duration: spec.ms, easing: 'ease-out' });
}

/** The banner: `prompt` is shown until the first feedback; a tap on a red banner calls onErrorTap. */
export function FeedbackBanner({ session, prompt, onErrorTap }: { session: FlowSession<unknown, unknown>; prompt: string; onErrorTap?: () => void }) {
  const feedback = session.feedback;
  const tone = feedback?.tone ?? null;
  const layer = useRef<HTMLDivElement>(null);
  const running = useRef<Animation | null>(null);
  const seq = feedback?.seq ?? 0;
  // A layout effect: the flash starts in the same frame as the words.
  useLayoutEffect(() => {
    if (feedback) running.current = flash(layer.current, feedback.tone, running.current);
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
