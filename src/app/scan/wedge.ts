/**
 * Keyboard-wedge scans, the pure part: hardware scanners type the code into a focused input as a
 * burst of keys and end it with Enter, Tab or a newline, or — when the device is set up for a scanner
 * that sends no suffix — with nothing (then a pause ends it). Feed the reader the input's keydown and
 * input events with their own timestamps (when the key was sent, not when a busy page got round to
 * it); it says which keys to cancel, what the input should show and which scans are complete. No
 * DOM, no clock: tests drive it with a simulated clock.
 *
 * Why it inserts printable keys itself (cancelling the browser's default): firmware that sets Alt on
 * every key gets no character inserted by the browser, and some Android builds deliver keys as
 * keydown only; appending the key ourselves makes every such path type the same text. Keys the
 * browser cannot name ("Unidentified"/"Process" from soft keyboards and IMEs) are left to the browser
 * and read back from the input's value on the input event.
 */

/** What may end a scan: Enter (CR), Tab, or a line feed (LF sent as a character or as Ctrl+J). */
export type WedgeEndKey = 'Enter' | 'Tab' | 'newline';

/** The wedge rule and its timings (persisted in the device settings; see README "Scanning"). */
export interface WedgeSettings {
  /** Keys that end a scan. */
  endKeys: WedgeEndKey[];
  /**
   * The scanner sends no suffix, so a pause ends a scan. Off by default: most wedge scanners send Enter,
   * and a pause can only guess where a scan ends — a busy or slow handheld stalls mid-burst.
   */
  pauseEnds: boolean;
  /** With pauseEnds, a scanner-speed burst whose keys pause this long is a complete scan. */
  pauseMs: number;
  /** A burst is at most this many ms per character on average; people type slower and are never cut short. */
  burstMsPerChar: number;
  /** Shortest text ended by a pause (a barcode is longer than a stray key). */
  minLength: number;
  /** Stripped from the start of a scan when present (scanner-configured prefix). */
  prefix: string;
  /** Stripped from the end of a scan; when set, it also ends the scan. */
  suffix: string;
  /** The same text again within this many ms is one scan delivered twice (double trigger); 0 = off. */
  duplicateWindowMs: number;
}

/** Defaults: any suffix key ends a scan, a pause never does; 40 ms double-trigger window (below the 50 ms between scans at 20/s). */
export const DEFAULT_WEDGE_SETTINGS: WedgeSettings = {
  endKeys: ['Enter', 'Tab', 'newline'],
  pauseEnds: false,
  pauseMs: 30,
  burstMsPerChar: 25,
  minLength: 4,
  prefix: '',
  suffix: '',
  duplicateWindowMs: 40,
};

/** Identical scans closer than this (default) are one scan delivered twice. */
export const DUPLICATE_SCAN_WINDOW_MS = DEFAULT_WEDGE_SETTINGS.duplicateWindowMs;

/** The parts of a keydown event the reader needs. */
export interface WedgeKey {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  isComposing?: boolean;
  /** False when the caret is not at the end (a person editing): the browser inserts the key. */
  caretAtEnd?: boolean;
}

/** What the input should do after an event. */
export interface WedgeStep {
  /** Cancel the browser's default action for this key. */
  preventDefault: boolean;
  /** The value the input must now show, or null to leave it as it is. */
  value: string | null;
  /** Complete scans, oldest first. */
  scans: string[];
}

const GS = '\u001d';
const NONE: WedgeStep = { preventDefault: false, value: null, scans: [] };

/** Tracks one input's scans. */
export class WedgeReader {
  private buffer = '';
  private burstStartedAt: number | null = null;
  private lastKeyAt: number | null = null;
  private lastAccepted: { text: string; at: number } | null = null;

  constructor(public settings: WedgeSettings = DEFAULT_WEDGE_SETTINGS) {}

  /** Call on keydown with the input's value before the key and the event's own timestamp. */
  keyDown(k: WedgeKey, value: string, now: number): WedgeStep {
    this.buffer = value;
    const scans: string[] = [];
    let changed = false;
    const end = this.endKeyOf(k);
    const insert = end ? null : this.insertedText(k);
    if ((end || insert !== null || isUnnamed(k.key)) && this.pausedBurstEnded(now)) {
      // The previous scan had no suffix and this key starts the next one: hand the previous on first.
      this.finishInto(scans, this.lastKeyAt ?? now, true);
      changed = true;
    }
    if (end === 'end') {
      this.finishInto(scans, now, false);
      return { preventDefault: true, value: '', scans };
    }
    if (end === 'swallow') return { preventDefault: true, value: changed ? this.buffer : null, scans };
    if (insert !== null) {
      this.append(insert, now);
      const ended = this.suffixEnded();
      if (ended) this.finishInto(scans, now, false);
      return { preventDefault: true, value: this.buffer, scans };
    }
    if (isControlChord(k)) {
      // Ctrl+J (LF) and friends open browser menus: never let a scanner's control character through.
      return { preventDefault: true, value: changed ? this.buffer : null, scans };
    }
    if (isUnnamed(k.key) || (k.key.length === 1 && !k.ctrlKey && !k.metaKey)) this.touch(now);
    return { preventDefault: false, value: changed ? this.buffer : null, scans };
  }

  /** Call on every input event with the input's value (soft keyboards, IMEs, paste). */
  input(value: string, now: number): WedgeStep {
    const scans: string[] = [];
    const parts = value.split(/\r\n|\r|\n/);
    // A line break typed as a character ends every scan before it, whatever the settings.
    for (const part of parts.slice(0, -1)) {
      this.buffer = part;
      this.finishInto(scans, now, false);
    }
    const rest = parts[parts.length - 1];
    if (rest !== this.buffer || parts.length > 1) {
      if (rest === '') this.reset();
      else {
        if (this.buffer === '' || this.burstStartedAt === null) this.burstStartedAt = now;
        this.buffer = rest;
        this.lastKeyAt = now;
      }
    }
    if (this.suffixEnded()) this.finishInto(scans, now, false);
    if (scans.length === 0 && parts.length === 1) return NONE;
    return { preventDefault: false, value: this.buffer, scans };
  }

  /** Call when the pause timer fires (see pauseDueIn), once every key sent before `now` has been fed in. */
  pause(value: string, now: number): WedgeStep {
    this.buffer = value;
    if (!this.pausedBurstEnded(now)) return NONE;
    const scans: string[] = [];
    this.finishInto(scans, this.lastKeyAt ?? now, true);
    return { preventDefault: false, value: '', scans };
  }

  /**
   * Milliseconds from now (the page has just handled an event) until pause() should be asked, or null
   * when nothing waits. A full pause from now rather than from the last key's timestamp: after a busy
   * spell the page handles keys long after they were sent, and keys still on their way must not be cut
   * off. Whether the burst really paused is then decided by the timestamps alone.
   */
  pauseDueIn(): number | null {
    const { pauseEnds, pauseMs } = this.settings;
    if (!pauseEnds || pauseMs <= 0 || this.buffer === '' || this.lastKeyAt === null) return null;
    return pauseMs;
  }

  /** 'end' ends the scan; 'swallow' is a suffix key turned off in the settings (still never typed or obeyed). */
  private endKeyOf(k: WedgeKey): 'end' | 'swallow' | null {
    const ctrl = k.ctrlKey && !k.altKey;
    const key = k.key.length === 1 ? k.key.toLowerCase() : k.key;
    let which: WedgeEndKey | null = null;
    if (key === 'Enter' || (ctrl && key === 'm')) which = 'Enter';
    else if (key === 'Tab' || (ctrl && key === 'i')) which = 'Tab';
    else if (key === '\n' || key === '\r' || key === 'Linefeed' || (ctrl && key === 'j')) which = 'newline';
    if (which === null) return null;
    return this.settings.endKeys.includes(which) ? 'end' : 'swallow';
  }

  /** The text this key types, when we insert it ourselves; null when the browser handles it. */
  private insertedText(k: WedgeKey): string | null {
    if (k.isComposing) return null;
    if (k.key === GS || (k.ctrlKey && k.key === ']')) return GS; // FNC1 of GS1-128, sent as Ctrl+]
    if (k.key.length !== 1 || k.ctrlKey || k.metaKey) return null;
    if (k.caretAtEnd === false) return null;
    return k.key;
  }

  private append(text: string, now: number): void {
    if (this.buffer === '' || this.burstStartedAt === null) this.burstStartedAt = now;
    this.buffer += text;
    this.lastKeyAt = now;
  }

  private touch(now: number): void {
    if (this.burstStartedAt === null) this.burstStartedAt = now;
    this.lastKeyAt = now;
  }

  private suffixEnded(): boolean {
    const s = this.settings.suffix;
    return s !== '' && this.buffer.length > s.length && this.buffer.endsWith(s);
  }

  /** True when the text so far came as a scanner burst and its keys have paused long enough. */
  private pausedBurstEnded(now: number): boolean {
    const { pauseEnds, pauseMs, minLength } = this.settings;
    if (!pauseEnds || pauseMs <= 0 || this.lastKeyAt === null || this.burstStartedAt === null) return false;
    const text = this.buffer.trim();
    if (text.length < minLength || now - this.lastKeyAt < pauseMs) return false;
    return this.isBurst();
  }

  /** The text so far arrived at scanner speed (a person types slower). */
  private isBurst(): boolean {
    if (this.lastKeyAt === null || this.burstStartedAt === null) return false;
    const text = this.buffer.trim();
    return text.length >= this.settings.minLength && this.lastKeyAt - this.burstStartedAt <= text.length * this.settings.burstMsPerChar;
  }

  private finishInto(scans: string[], at: number, byPause: boolean): void {
    let text = this.buffer.trim();
    this.reset();
    const { prefix, suffix, duplicateWindowMs } = this.settings;
    if (prefix && text.startsWith(prefix)) text = text.slice(prefix.length);
    if (suffix && text.endsWith(suffix)) text = text.slice(0, -suffix.length);
    text = text.trim();
    // Without a suffix, a double trigger with no gap arrives as the code twice in one burst.
    if (byPause && text.length >= 2 * this.settings.minLength && text.length % 2 === 0) {
      const half = text.slice(0, text.length / 2);
      if (text === half + half) text = half;
    }
    if (text === '') return;
    const last = this.lastAccepted;
    this.lastAccepted = { text, at };
    if (last && last.text === text && at - last.at < duplicateWindowMs) return; // delivered twice: swallow
    scans.push(text);
  }

  private reset(): void {
    this.buffer = '';
    this.burstStartedAt = null;
    this.lastKeyAt = null;
  }
}

/** Keys a soft keyboard or IME reports without a name: the character arrives through the input event. */
function isUnnamed(key: string): boolean {
  return key === 'Unidentified' || key === 'Process';
}

/** Ctrl+letter that a scanner may send as a control character; Ctrl+C/V/X/A/Z stay with the person. */
function isControlChord(k: WedgeKey): boolean {
  return !!k.ctrlKey && !k.altKey && k.key.length === 1 && !'cvxazy'.includes(k.key.toLowerCase());
}
