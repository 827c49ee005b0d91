/**
 * Keyboard-wedge scans, the pure part: hardware scanners type the code into a focused input and
 * end it with Enter, Tab or nothing. We read the input's value on the suffix (never assemble key
 * events: Android may report "Unidentified" keys), and drop the second copy of a scan delivered
 * twice within a few tens of milliseconds (intent + keystroke output both on).
 */

/** Keys that end a scan. */
export const WEDGE_SUFFIX_KEYS: readonly string[] = ['Enter', 'Tab'];
/** Identical scans closer than this are one scan delivered twice. */
export const DUPLICATE_SCAN_WINDOW_MS = 60;
/** A suffix-less scanner: submit when a burst stops for this long. */
export const WEDGE_IDLE_SUBMIT_MS = 150;
/** A burst is at most this many ms per character on average (people type slower). */
export const WEDGE_BURST_MS_PER_CHAR = 25;
/** Shortest value submitted on idle (barcodes are longer than a stray key). */
export const WEDGE_IDLE_MIN_LENGTH = 4;

/** What the input should do after an event: submit this text (and clear), or nothing. */
export type WedgeDecision = { submit: string } | null;

/** Tracks one input's scans; feed it the input's events and the current time. */
export class WedgeReader {
  private burstStartedAt: number | null = null;
  private lastAccepted: { text: string; at: number } | null = null;

  /** Call on every `input` event with the input's current value. */
  onInput(value: string, now: number): void {
    if (value === '') this.burstStartedAt = null;
    else if (this.burstStartedAt === null) this.burstStartedAt = now;
  }

  /** Call on keydown: Enter or Tab ends the scan. Returns the text to submit, if any. */
  onKey(key: string, value: string, now: number): WedgeDecision {
    if (!WEDGE_SUFFIX_KEYS.includes(key)) return null;
    return this.finish(value, now);
  }

  /**
   * Call WEDGE_IDLE_SUBMIT_MS after the last input: submits only what arrived as a scanner burst
   * (fast, long enough), so a person typing on a hardware keyboard is never cut short.
   */
  onIdle(value: string, now: number): WedgeDecision {
    const text = value.trim();
    if (this.burstStartedAt === null || text.length < WEDGE_IDLE_MIN_LENGTH) return null;
    const burstMs = now - WEDGE_IDLE_SUBMIT_MS - this.burstStartedAt;
    if (burstMs > text.length * WEDGE_BURST_MS_PER_CHAR) return null;
    return this.finish(value, now);
  }

  private finish(value: string, now: number): WedgeDecision {
    this.burstStartedAt = null;
    const text = value.trim();
    if (text === '') return null;
    if (this.lastAccepted && this.lastAccepted.text === text && now - this.lastAccepted.at < DUPLICATE_SCAN_WINDOW_MS) {
      // Same scan delivered twice: swallow it (the caller still clears the input).
      return { submit: '' };
    }
    this.lastAccepted = { text, at: now };
    return { submit: text };
  }
}
