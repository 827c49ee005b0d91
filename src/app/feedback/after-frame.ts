/** Deferring work past the frame that shows a scan's answer (benchmark scan_to_feedback_ms_p95). */

/** Runs fn in a task `delayMs` after the next frame has been rendered (at once where there are no frames). */
export function afterNextFrame(fn: () => void, delayMs = 0): void {
  if (typeof requestAnimationFrame !== 'function') return fn();
  requestAnimationFrame(() => setTimeout(fn, delayMs));
}
