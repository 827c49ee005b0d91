// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_KEYS } from '../../../src/shared/flows/feedback.js';
import { rejectCodeSchema } from '../../../src/shared/protocol/sync.js';
import { CORE_JA, formatTime, type CoreWords, type Lang, type Text } from '../../../src/app/i18n/catalogue.js';
import { buildEnglishCore } from '../../../src/app/i18n/catalogue-en.js';
import { LOAD_WORDS } from '../../../src/app/i18n/catalogue-load.js';
import { PACK_LABEL_WORDS } from '../../../src/app/i18n/catalogue-pack-label.js';
import { PICK_WORDS } from '../../../src/app/i18n/catalogue-pick.js';
import { RETURNS_WORDS } from '../../../src/app/i18n/catalogue-returns.js';
import { SETTINGS_WORDS } from '../../../src/app/i18n/catalogue-settings.js';
import { SYNC_WORDS } from '../../../src/app/i18n/catalogue-sync.js';
import { addWords, describeRejection, renderText, setLang, t, tm } from '../../../src/app/i18n/i18n.js';

// The main bundle's words (each language its own module) and those each lazily loaded screen brings in
// both, as the app has them once all loaded.
const CORE: Record<Lang, CoreWords> = { ja: CORE_JA, en: buildEnglishCore(formatTime) };
const PARTS = [PICK_WORDS, RETURNS_WORDS, LOAD_WORDS, PACK_LABEL_WORDS, SYNC_WORDS, SETTINGS_WORDS];
const REJECT_MESSAGES = SYNC_WORDS.reject;

/** Every flow message in one language. */
function allFlow(lang: Lang): Record<string, Text> {
  const parts = { ...PICK_WORDS.flow, ...RETURNS_WORDS.flow, ...LOAD_WORDS.flow, ...PACK_LABEL_WORDS.flow };
  return { ...CORE[lang].flow, ...Object.fromEntries(Object.entries(parts).map(([key, entry]) => [key, entry[lang]])) };
}

describe('i18n catalogue', () => {
  // The main bundle's English loads when a device first switches to it; these tests render both languages.
  beforeAll(async () => {
    expect(await setLang('en')).toBe('en');
    await setLang('ja');
  });

  it.each(MESSAGE_KEYS)('flow message %s has Japanese and English', (key) => {
    for (const lang of ['ja', 'en'] as const) {
      const entry = allFlow(lang)[key];
      expect(entry).toBeDefined();
      const text = renderText(entry, { shipmentId: 'S0700001', name: '煎茶', code: 'X', done: 1, qty: 2, total: 3, remaining: 2 });
      expect(text.trim().length).toBeGreaterThan(0);
      expect(text).not.toMatch(/\{\w+\}|undefined/);
    }
  });

  it('has no flow messages beyond the shared keys', () => {
    for (const lang of ['ja', 'en'] as const) expect(Object.keys(allFlow(lang)).sort()).toEqual([...MESSAGE_KEYS].sort());
  });

  it('gives the main bundle’s English exactly the Japanese keys', () => {
    expect(Object.keys(CORE.en.ui).sort()).toEqual(Object.keys(CORE.ja.ui).sort());
    expect(Object.keys(CORE.en.flow).sort()).toEqual(Object.keys(CORE.ja.flow).sort());
    // The compiler holds English to the same keys: one left out does not compile.
    // @ts-expect-error: the English UI strings lack every key but one
    const incomplete: CoreWords = { flow: CORE.en.flow, ui: { 'app.title': 'FloorPack' } };
    expect(incomplete.ui).toBeDefined();
  });

  it('gives every key to one part only, so a screen loading its words never changes another one', () => {
    const keys = [CORE_JA.ui, CORE_JA.flow, ...PARTS.flatMap((p) => ['flow' in p ? p.flow : {}, p.ui])].flatMap((words) => Object.keys(words));
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('shows a lazily loaded screen’s words once its module has added them', () => {
    expect(t('settings.title', {}, 'en')).toBe('settings.title');
    addWords(SETTINGS_WORDS);
    expect(t('settings.title', {}, 'en')).toBe('Scan settings');
  });

  it('every UI string and reject code has both languages', () => {
    for (const lang of ['ja', 'en'] as const) {
      for (const text of Object.values(CORE[lang].ui)) expect(renderText(text).length).toBeGreaterThan(0);
    }
    for (const entry of [...PARTS.flatMap((p) => Object.values(p.ui)), ...Object.values(REJECT_MESSAGES)]) {
      expect(renderText(entry.ja).length).toBeGreaterThan(0);
      expect(renderText(entry.en).length).toBeGreaterThan(0);
    }
    // The server's codes, and the one this device gives an event it keeps back as unreadable.
    expect(Object.keys(REJECT_MESSAGES).sort()).toEqual([...rejectCodeSchema.options, 'unreadable'].sort());
  });

  it('interpolates values and renders missing ones as nothing', () => {
    expect(tm({ key: 'pack.complete.ok', params: { shipmentId: 'S0700001' } }, 'ja')).toBe('梱包完了 S0700001');
    expect(tm({ key: 'pack.complete.notReady' }, 'en')).not.toContain('undefined');
    expect(tm({ key: 'pack.complete.notReady' }, 'en')).toMatch(/^Not ready yet\./);
    expect(t('status.pending', { n: 3 }, 'ja')).toBe('未送信 3');
  });

  it('errors say what to do next', () => {
    expect(tm({ key: 'pack.slip.unknown', params: { shipmentId: 'S0700001' } }, 'ja')).toContain('同期');
    expect(tm({ key: 'pack.slip.held', params: { shipmentId: 'S0700001', reason: '前日キャンセル' } }, 'ja')).toContain('責任者');
  });

  it('describes a rejection in words with who packed it first', () => {
    addWords(SYNC_WORDS);
    const text = describeRejection(
      { code: 'already_packed', message: 'already packed', detail: { staffName: '佐藤', deviceName: 'pack-01', at: '2026-11-24T09:00:00.000Z' } },
      'en',
    );
    expect(text).toMatch(/Already packed by 佐藤 on pack-01 at/);
    expect(describeRejection({ code: 'something_new', message: 'server words' }, 'ja')).toBe('server words');
  });
});
