/** Picks the language and renders catalogue entries with their values. */
import type { Message, MessageKey } from '../../shared/flows/feedback.js';
import type { RejectCode } from '../../shared/protocol/sync.js';
import { FLOW_MESSAGES, UI, type CoreUiKey, type Entry, type Lang, type Params, type Words } from './catalogue.js';
import type { PICK_WORDS } from './catalogue-pick.js';
import type { RETURNS_WORDS } from './catalogue-returns.js';
import type { SETTINGS_WORDS } from './catalogue-settings.js';
import type { SYNC_WORDS } from './catalogue-sync.js';

export type { Lang } from './catalogue.js';

/** Keys of every UI string, the main bundle's and those the lazily loaded screens bring. */
export type UiKey =
  | CoreUiKey
  | keyof (typeof PICK_WORDS)['ui']
  | keyof (typeof RETURNS_WORDS)['ui']
  | keyof (typeof SYNC_WORDS)['ui']
  | keyof (typeof SETTINGS_WORDS)['ui'];

// The words in force: the main bundle's, joined by each lazily loaded screen's when its chunk loads.
const ui: Partial<Record<string, Entry>> = { ...UI };
const flow: Partial<Record<MessageKey, Entry>> = { ...FLOW_MESSAGES };
const rejects: Partial<Record<RejectCode, Entry>> = {};

/** Takes in the words a lazily loaded screen brings; its module calls this when it loads, before it renders. */
export function addWords(words: Words): void {
  Object.assign(ui, words.ui);
  Object.assign(flow, words.flow);
  Object.assign(rejects, words.reject);
}

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

/** A UI string (its key, should the screen's words not have loaded: never blank, never a crash). */
export function t(key: UiKey, params?: Params, lang: Lang = current): string {
  const entry = ui[key];
  return entry ? render(entry, params, lang) : key;
}

/** A flow message (the feedback of a scan or tap). */
export function tm(message: Message, lang: Lang = current): string {
  const entry = flow[message.key];
  return entry ? render(entry, message.params, lang) : message.key;
}

/** The server's reason for refusing an event, in words; falls back to the server's own message. */
export function describeRejection(
  rejection: { code: RejectCode | string; message: string; detail?: Record<string, string> },
  lang: Lang = current,
): string {
  const entry = rejects[rejection.code as RejectCode];
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
