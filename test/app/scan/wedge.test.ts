// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEDGE_SETTINGS, WedgeReader, type WedgeKey, type WedgeSettings, type WedgeStep } from '../../../src/app/scan/wedge.js';

/**
 * A browser text field driven by a simulated clock, wired to the reader the way scan-input.tsx is.
 * `browser` says what the browser does with a key nobody cancelled:
 * - 'desktop': inserts printable keys, except with Alt/Ctrl held (Chrome on Linux/Windows),
 * - 'keydownOnly': inserts nothing (keys that arrive only as keydown),
 * - 'softKeyboard': reports every key as "Unidentified" and inserts the character itself.
 */
class Field {
  value = '';
  scans: { text: string; at: number }[] = [];
  now = 0;
  private timerAt: number | null = null;
  readonly reader: WedgeReader;

  constructor(
    settings: Partial<WedgeSettings> = {},
    private readonly browser: 'desktop' | 'keydownOnly' | 'softKeyboard' = 'desktop',
  ) {
    this.reader = new WedgeReader({ ...DEFAULT_WEDGE_SETTINGS, ...settings });
  }

  /** Lets the clock run to `at`, firing the pause timer if it falls due. */
  advance(at: number): void {
    if (this.timerAt !== null && this.timerAt <= at) {
      this.now = this.timerAt;
      this.timerAt = null;
      this.apply(this.reader.pause(this.value, this.now));
    }
    this.now = Math.max(this.now, at);
  }

  /** One keydown at `at` (with the text the key types, for the soft keyboard). */
  key(k: WedgeKey, at: number): void {
    this.advance(at);
    const reported = this.browser === 'softKeyboard' && k.key.length === 1 ? { ...k, key: 'Unidentified' } : k;
    const step = this.reader.keyDown(reported, this.value, this.now);
    this.apply(step);
    if (step.preventDefault) return;
    const inserts =
      k.key.length === 1 && (this.browser === 'softKeyboard' || (this.browser === 'desktop' && !k.altKey && !k.ctrlKey && !k.metaKey));
    if (inserts) {
      this.value += k.key;
      this.apply(this.reader.input(this.value, this.now));
    }
  }

  /**
   * A busy main thread: keys sent at their stamps wait until `handledAt`, then run back to back, each
   * with its own timestamp; the pause timer is checked only after them (what PauseTimer guarantees).
   */
  queuedKeys(keys: [WedgeKey, number][], handledAt: number): void {
    for (const [k, stamp] of keys) {
      const step = this.reader.keyDown(k, this.value, stamp);
      this.apply(step, handledAt);
      if (!step.preventDefault && k.key.length === 1) {
        this.value += k.key;
        this.apply(this.reader.input(this.value, stamp), handledAt);
      }
    }
    this.now = Math.max(this.now, handledAt);
  }

  /** Text arriving through an input event only (IME commit, paste, a LF character). */
  inputText(text: string, at: number): void {
    this.advance(at);
    this.value += text;
    this.apply(this.reader.input(this.value, this.now));
  }

  private apply(step: WedgeStep, handledAt = this.now): void {
    if (step.value !== null) this.value = step.value;
    for (const text of step.scans) this.scans.push({ text, at: handledAt });
    const due = this.reader.pauseDueIn();
    this.timerAt = due === null ? null : handledAt + due + 1;
  }

  texts(): string[] {
    return this.scans.map((s) => s.text);
  }
}

type Suffix = 'Enter' | 'Tab' | 'newline' | 'ctrlJ' | 'lfChar' | 'none';

/** A scanner typing `code` from `start`, one key every `msPerKey`, then its suffix. Returns the end time. */
function scan(field: Field, code: string, start: number, opts: { suffix?: Suffix; msPerKey?: number; alt?: boolean } = {}): number {
  const { suffix = 'Enter', msPerKey = 1, alt = false } = opts;
  let t = start;
  for (const ch of code) {
    if (alt) field.key({ key: 'Alt', altKey: true }, t);
    field.key({ key: ch, altKey: alt }, t);
    t += msPerKey;
  }
  if (suffix === 'Enter' || suffix === 'Tab') field.key({ key: suffix }, t);
  if (suffix === 'newline') field.key({ key: '\n' }, t);
  if (suffix === 'ctrlJ') field.key({ key: 'j', ctrlKey: true }, t);
  if (suffix === 'lfChar') field.inputText('\n', t);
  return t;
}

const JAN = '4912345100015';
const SLIP = 'S0000002';
/** A device set up for a scanner that sends no suffix (the settings screen's "a pause" end). */
const PAUSE: Partial<WedgeSettings> = { pauseEnds: true };

/** Keydowns for `code`, stamped from `start` one `msPerKey` apart. */
function stamped(code: string, start: number, msPerKey = 1): [WedgeKey, number][] {
  return [...code].map((key, i) => [{ key }, start + i * msPerKey]);
}

describe('wedge: suffix modes', () => {
  it.each<Suffix>(['Enter', 'Tab', 'newline', 'ctrlJ', 'lfChar'])('a scan ending in %s is one scan and the field is cleared', (suffix) => {
    const f = new Field();
    scan(f, JAN, 0, { suffix });
    expect(f.texts()).toEqual([JAN]);
    expect(f.value).toBe('');
  });

  it('a scan with no suffix ends when its keys pause, on a device set up for such a scanner', () => {
    const f = new Field(PAUSE);
    const end = scan(f, JAN, 0, { suffix: 'none' });
    f.advance(end + 5);
    expect(f.texts()).toEqual([]); // not yet: the scanner may still be typing
    f.advance(end + DEFAULT_WEDGE_SETTINGS.pauseMs + 5);
    expect(f.texts()).toEqual([JAN]);
    expect(f.value).toBe('');
  });

  it('a suffix key that is switched off neither ends the scan nor types anything', () => {
    const f = new Field({ endKeys: ['Enter'] });
    scan(f, JAN, 0, { suffix: 'Tab' });
    expect(f.texts()).toEqual([]);
    expect(f.value).toBe(JAN);
    f.key({ key: 'Enter' }, 100);
    expect(f.texts()).toEqual([JAN]);
  });

  it('strips a configured prefix and suffix, and the suffix ends the scan on its own', () => {
    const f = new Field({ prefix: ']E0', suffix: '#' });
    scan(f, `]E0${JAN}#`, 0, { suffix: 'none' });
    expect(f.texts()).toEqual([JAN]);
    scan(f, `${SLIP}`, 500, { suffix: 'Enter' }); // no prefix on this one: nothing to strip
    expect(f.texts()).toEqual([JAN, SLIP]);
  });

  it('never cuts short a person typing slowly, nor a value too short to be a barcode', () => {
    const slow = new Field(PAUSE);
    scan(slow, 'S07', 0, { suffix: 'none', msPerKey: 200 });
    slow.advance(5000);
    expect(slow.texts()).toEqual([]);
    expect(slow.value).toBe('S07');
    const short = new Field(PAUSE);
    scan(short, '12', 0, { suffix: 'none' });
    short.advance(5000);
    expect(short.texts()).toEqual([]);
  });

  it('Ctrl+] types the GS1 group separator (FNC1) instead of opening a browser shortcut', () => {
    const f = new Field();
    scan(f, '0114912345100012', 0, { suffix: 'none' });
    f.key({ key: ']', ctrlKey: true }, 20);
    scan(f, '10LOT1', 21);
    expect(f.texts()).toEqual(['0114912345100012\u001d10LOT1']);
  });
});

describe('wedge: a scanner that sends a suffix (the default)', () => {
  it('a stall of any length inside a burst never splits the scan', () => {
    const f = new Field();
    for (const stall of [31, 60, 200, 5000]) {
      const start = f.now + 1000;
      scan(f, JAN.slice(0, 6), start, { suffix: 'none' });
      f.advance(start + 6 + stall);
      scan(f, JAN.slice(6), start + 6 + stall);
    }
    expect(f.texts()).toEqual([JAN, JAN, JAN, JAN]);
  });

  it('keys stamped with a 60 ms gap and handled in a lump behind a busy main thread are one scan', () => {
    const f = new Field();
    f.queuedKeys([...stamped('ST00', 0), ...stamped('2', 64), [{ key: 'Enter' }, 65]], 150);
    expect(f.texts()).toEqual(['ST002']);
  });

  it('no pause timer is ever armed, so nothing can end a scan but its suffix', () => {
    const f = new Field();
    scan(f, JAN, 0, { suffix: 'none' });
    expect(f.reader.pauseDueIn()).toBeNull();
    f.advance(60_000);
    expect(f.texts()).toEqual([]);
    expect(f.value).toBe(JAN);
  });

  it('the scan is answered at its suffix key, not a pause later', () => {
    const f = new Field();
    const end = scan(f, JAN, 0);
    expect(f.scans).toEqual([{ text: JAN, at: end }]);
  });

  it('a person typing by hand, slowly, and pressing Enter makes one scan', () => {
    const f = new Field();
    const end = scan(f, 'ST001', 0, { msPerKey: 400 });
    expect(f.scans).toEqual([{ text: 'ST001', at: end }]);
  });
});

describe('wedge: a scanner that sends no suffix (pause mode), timed by the keys\' own timestamps', () => {
  it('keys sent back to back but handled late behind a busy main thread are one scan', () => {
    const f = new Field(PAUSE);
    f.queuedKeys(stamped(JAN, 0), 150);
    f.advance(400);
    expect(f.texts()).toEqual([JAN]);
  });

  it('two codes 60 ms apart, handled together after a busy main thread, are two scans', () => {
    const f = new Field(PAUSE);
    f.queuedKeys([...stamped(SLIP, 0), ...stamped(JAN, 8 + 60)], 200);
    expect(f.texts()).toEqual([SLIP]); // the gap in the stamps ended the slip when the JAN's first key came
    f.advance(400);
    expect(f.texts()).toEqual([SLIP, JAN]);
  });

  it('a gap just under the pause does not end the scan; one just over does', () => {
    const { pauseMs } = DEFAULT_WEDGE_SETTINGS;
    const under = new Field(PAUSE);
    under.queuedKeys([...stamped('S000', 0), ...stamped('0002', 3 + pauseMs - 1)], 100);
    under.advance(300);
    expect(under.texts()).toEqual([SLIP]);
    const over = new Field(PAUSE);
    over.queuedKeys([...stamped(JAN, 0), ...stamped(SLIP, 12 + pauseMs)], 100);
    over.advance(300);
    expect(over.texts()).toEqual([JAN, SLIP]);
  });

  it('after a busy spell the pause is counted from when the page caught up, so keys still on their way are not cut off', () => {
    const f = new Field(PAUSE);
    const { pauseMs } = DEFAULT_WEDGE_SETTINGS;
    // Sent 1 ms apart; the page handles the first half at 300 and the rest trickles in 20 ms later.
    f.queuedKeys(stamped(JAN.slice(0, 6), 0), 300);
    f.advance(300 + 20);
    f.queuedKeys(stamped(JAN.slice(6), 6), 320);
    expect(f.texts()).toEqual([]);
    f.advance(320 + pauseMs + 1);
    expect(f.texts()).toEqual([JAN]);
  });

  it('Enter still ends a scan at once', () => {
    const f = new Field(PAUSE);
    const end = scan(f, JAN, 0);
    expect(f.scans).toEqual([{ text: JAN, at: end }]);
  });
});

describe('wedge: double trigger', () => {
  it('the same code twice within the window counts once; a deliberate second scan counts', () => {
    const f = new Field();
    let end = scan(f, JAN, 0);
    end = scan(f, JAN, end + 5); // intent + keystroke output: a second copy right behind
    expect(f.texts()).toEqual([JAN]);
    scan(f, JAN, end + 600); // the worker scans the second unit
    expect(f.texts()).toEqual([JAN, JAN]);
  });

  it('a double trigger with no suffix and no gap (the code twice in one burst) counts once', () => {
    const f = new Field(PAUSE);
    const end = scan(f, JAN + JAN, 0, { suffix: 'none' });
    f.advance(end + 100);
    expect(f.texts()).toEqual([JAN]);
  });

  it('a different code right behind is never swallowed', () => {
    const f = new Field();
    const end = scan(f, SLIP, 0);
    scan(f, JAN, end + 1);
    expect(f.texts()).toEqual([SLIP, JAN]);
  });

  it('the window is configurable (0 turns the rule off)', () => {
    const f = new Field({ duplicateWindowMs: 0 });
    const end = scan(f, JAN, 0);
    scan(f, JAN, end + 1);
    expect(f.texts()).toEqual([JAN, JAN]);
  });
});

describe('wedge: device quirks', () => {
  it('firmware that holds Alt on every key still types the code (the browser inserts nothing)', () => {
    const f = new Field();
    scan(f, SLIP, 0, { alt: true });
    expect(f.texts()).toEqual([SLIP]);
  });

  it.each([
    ['keys that arrive only as keydown (no input event) still make the scan', 'keydownOnly'],
    ['"Unidentified" keys from a soft keyboard are read from the input value', 'softKeyboard'],
  ] as const)('%s', (_, browser) => {
    const withSuffix = new Field({}, browser);
    const end = scan(withSuffix, JAN, 0, { suffix: 'Enter' });
    scan(withSuffix, SLIP, end + 100, { suffix: 'Tab' });
    expect(withSuffix.texts()).toEqual([JAN, SLIP]);
    const noSuffix = new Field(PAUSE, browser);
    const end2 = scan(noSuffix, SLIP, 0, { suffix: 'none' });
    noSuffix.advance(end2 + 100);
    expect(noSuffix.texts()).toEqual([SLIP]);
  });

  it('an IME commit with a line break ends the scan', () => {
    const f = new Field();
    f.inputText(`${JAN}\n${SLIP}`, 0);
    expect(f.texts()).toEqual([JAN]);
    expect(f.value).toBe(SLIP);
  });
});

describe('wedge: a burst of 20 scans per second', () => {
  // Same code adjacent on purpose: two units of one item, 50 ms apart, are two scans.
  const codes = Array.from({ length: 60 }, (_, i) => [JAN, JAN, SLIP, '4912345100022', 'A-01-03-2', '4912345100039'][i % 6]);

  it.each<[Suffix, 'desktop' | 'keydownOnly' | 'softKeyboard', boolean]>([
    ['Enter', 'desktop', false],
    ['Tab', 'desktop', false],
    ['newline', 'keydownOnly', false],
    ['Enter', 'desktop', true],
    ['Enter', 'softKeyboard', false],
    ['none', 'desktop', false],
    ['none', 'softKeyboard', false],
  ])('suffix %s, %s browser, Alt=%s: every scan once, none merged', (suffix, browser, alt) => {
    const f = new Field(suffix === 'none' ? PAUSE : {}, browser);
    codes.forEach((code, i) => scan(f, code, i * 50, { suffix, alt, msPerKey: 1 }));
    f.advance(codes.length * 50 + 200);
    expect(f.texts()).toEqual(codes);
  });
});
