/**
 * The progress bar of a flow screen. The fill is scaled, not resized, and not animated: a width
 * transition re-ran layout and paint in every frame of it (benchmark scan_to_feedback_ms_p95).
 */

/** A bar filled to done / total. */
export function ProgressBar({ done, total }: { done: number; total: number }) {
  const fraction = Math.min(1, done / Math.max(1, total));
  return (
    <div class="progress-bar">
      <div class="progress-fill" style={{ transform: `scaleX(${fraction})` }} />
    </div>
  );
}
