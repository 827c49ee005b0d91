/**
 * Picks the language and renders catalogue entries with their values. `t` and `tm` are synchronous
 * (screens call them while rendering, the scan path on every scan): a language's words are loaded
 * before it is switched to, never while a screen asks for them.
 */
import type { Message } from '../../shared/flows/feedback.js';
import type { RejectCode } from '../../shared/protocol/sync.js';
import { CORE_JA, formatTime, type CoreUiKey, type Entry, type Lang, type Params, type Text, type Words } from './catalogue.js';
import type { PICK_WORDS } from './catalogue-pick.js';
import type { LOAD_WORDS } from './catalogue-load.js';
import type { PACK_LABEL_WORDS } from './catalogue-pack-label.js';
import type { RETURNS_WORDS } from './catalogue-returns.js';
import type { SETTINGS_WORDS } from './catalogue-settings.js';
import type { SYNC_WORDS } from './catalogue-sync.js';

export type { Lang } from './catalogue.js';

/** Keys of every UI string, the main bundle's and those the lazily loaded screens bring. */
export type UiKey =
  | CoreUiKey
  | keyof (typeof PICK_WORDS)['ui']
  | keyof (typeof RETURNS_WORDS)['ui']
  | keyof (typeof LOAD_WORDS)['ui']
  | keyof (typeof PACK_LABEL_WORDS)['ui']
  | keyof (typeof SYNC_WORDS)['ui']
  | keyof (typeof SETTINGS_WORDS)['ui'];

/** One language's words in force, by kind. */
type Table = Record<'ui' | 'flow' | 'reject', Partial<Record<string, Text>>>;

// The words in force. Japanese starts with the main bundle's; English gets the main bundle's words when
// loadEnglish brings them; both gain each lazily loaded screen's words when its chunk loads.
const words: Record<Lang, Table> = {
  ja: { ui: { ...CORE_JA.ui }, flow: { ...CORE_JA.flow }, reject: {} },
  en: { ui: {}, flow: {}, reject: {} },
};

/** Takes in the words a lazily loaded screen brings; its module calls this when it loads, before it renders. */
export function addWords(added: Words): void {
  const kinds = { ui: added.ui, flow: added.flow, reject: added.reject };
  for (const [kind, entries] of Object.entries(kinds) as [keyof Table, Partial<Record<string, Entry>> | undefined][]) {
    for (const [key, entry] of Object.entries(entries ?? {})) {
      if (!entry) continue;
      words.ja[kind][key] = entry.ja;
      words.en[kind][key] = entry.en;
    }
  }
}

let english: Promise<boolean> | null = null;

/**
 * Loads the main bundle's English words, a chunk of their own so that a Japanese device never fetches
 * them (the service worker precaches it, so it loads offline too). Resolves false when the chunk
 * cannot load, as when a stale cache lacks it offline; the next call tries again.
 */
function loadEnglish(): Promise<boolean> {
  english ??= import('./catalogue-en.js').then(
    ({ buildEnglishCore }) => {
      const core = buildEnglishCore(formatTime);
      Object.assign(words.en.ui, core.ui);
      Object.assign(words.en.flow, core.flow);
      return true;
    },
    () => {
      english = null;
      return false;
    },
  );
  return english;
}

const LANG_KEY = 'floorpack.lang';
// Japanese until restoreLang or setLang has loaded another language's words.
let current: Lang = 'ja';
// Counts the switches asked for, so that of two overlapping ones the later wins.
let switches = 0;

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

/**
 * Switches the UI language once its words are loaded, and remembers it on this device. Resolves to
 * the language in force: Japanese stays when the English words cannot load (no screen then shows a
 * raw key or a mix of both), and the stored choice is left as it was.
 */
export async function setLang(lang: Lang): Promise<Lang> {
  const asked = ++switches;
  const ready = lang === 'ja' || (await loadEnglish());
  if (!ready || asked !== switches) return current;
  current = lang;
  try {
    globalThis.localStorage?.setItem(LANG_KEY, lang);
  } catch {
    // Private mode: the choice lasts until reload.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  return current;
}

/** Brings back the language this device was left in, its words loaded first: the app awaits it before the first render. */
export function restoreLang(): Promise<Lang> {
  return setLang(readStoredLang());
}

/** Renders one message with its values; missing values render as empty text. */
export function renderText(text: Text, params: Params = {}): string {
  if (typeof text === 'function') return text(params);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === undefined ? '' : String(params[name])));
}

/** A language's words of one kind for a key; Japanese if that language lacks it (never blank, never a crash). */
function lookUp(kind: keyof Table, key: string, lang: Lang): Text | undefined {
  return words[lang][kind][key] ?? words.ja[kind][key];
}

/** A UI string (its key, should the screen's words not have loaded). */
export function t(key: UiKey, params?: Params, lang: Lang = current): string {
  const text = lookUp('ui', key, lang);
  return text === undefined ? key : renderText(text, params);
}

/** A flow message (the feedback of a scan or tap). */
export function tm(message: Message, lang: Lang = current): string {
  const text = lookUp('flow', message.key, lang);
  return text === undefined ? message.key : renderText(text, message.params);
}

/** The server's reason for refusing an event, in words; falls back to the server's own message. */
export function describeRejection(
  rejection: { code: RejectCode | string; message: string; detail?: Record<string, string> },
  lang: Lang = current,
): string {
  const text = lookUp('reject', rejection.code, lang);
  if (text === undefined) return rejection.message;
  const d = rejection.detail ?? {};
  const params: Params = {
    ...d,
    staff: d.staffName ?? d.staff ?? d.packedBy ?? '',
    device: d.deviceName ?? d.device ?? '',
    at: d.at ?? d.packedAt ?? '',
    reason: d.holdReason ?? d.reason ?? '',
  };
  return renderText(text, params);
}
