/** Picks the language and renders catalogue entries with their values. */
import type { Message } from '../../shared/flows/feedback.js';
import type { RejectCode } from '../../shared/protocol/sync.js';
import { FLOW_MESSAGES, REJECT_MESSAGES, UI, type Entry, type Lang, type Params, type UiKey } from './catalogue.js';

export type { Lang, UiKey } from './catalogue.js';

const LANG_KEY = 'floorpack.lang';
let current: Lang = readStoredLang();

function readStoredLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}

/** The current UI language (Japanese unless switched). */
export function getLang(): Lang {
  return current;
}

/** Switches the UI language and remembers it on this device. */
export function setLang(lang: Lang): void {
  current = lang;
  try {
    globalThis.localStorage?.setItem(LANG_KEY, lang);
  } catch {
    // Private mode: the choice lasts until reload.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** Renders one entry in a language; missing values render as empty text. */
export function render(entry: Entry, params: Params = {}, lang: Lang = current): string {
  const text = entry[lang];
  if (typeof text === 'function') return text(params);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === undefined ? '' : String(params[name])));
}

/** A UI string. */
export function t(key: UiKey, params?: Params, lang: Lang = current): string {
  return render(UI[key], params, lang);
}

/** A flow message (the feedback of a scan or tap). */
export function tm(message: Message, lang: Lang = current): string {
  return render(FLOW_MESSAGES[message.key], message.params, lang);
}

/** The server's reason for refusing an event, in words; falls back to the server's own message. */
export function describeRejection(
  rejection: { code: RejectCode | string; message: string; detail?: Record<string, string> },
  lang: Lang = current,
): string {
  const entry = REJECT_MESSAGES[rejection.code as RejectCode];
  if (!entry) return rejection.message;
  const d = rejection.detail ?? {};
  const params: Params = {
    ...d,
    staff: d.staffName ?? d.staff ?? d.packedBy ?? '',
    device: d.deviceName ?? d.device ?? '',
    at: d.at ?? d.packedAt ?? '',
    reason: d.holdReason ?? d.reason ?? '',
  };
  return render(entry, params, lang);
}
