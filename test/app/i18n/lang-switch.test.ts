// @vitest-environment node
/**
 * Switching language: the main bundle's English words load before the switch (and before the first
 * render of a device left in English), a Japanese device never loads them, and when they cannot load
 * the device stays in Japanese rather than showing raw keys or crashing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const ENGLISH_MODULE = '../../../src/app/i18n/catalogue-en.js';

/** This device's remembered settings, as a browser keeps them across reloads. */
function storage(initial: Record<string, string> = {}): Storage {
  const values = new Map(Object.entries(initial));
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, value),
  };
}

/** A freshly started app's i18n module, as after a reload; `english` says whether its chunk can load. */
async function startApp(english: 'loads' | 'unavailable', stored: Storage) {
  vi.resetModules();
  vi.stubGlobal('localStorage', stored);
  const loads = { count: 0 };
  vi.doMock(ENGLISH_MODULE, async (importOriginal) => {
    loads.count += 1;
    // What a browser offline with a cache that lacks the chunk answers.
    if (english === 'unavailable') throw new TypeError('Failed to fetch dynamically imported module');
    return importOriginal();
  });
  const i18n = await import('../../../src/app/i18n/i18n.js');
  return { i18n, loads };
}

afterEach(() => {
  vi.doUnmock(ENGLISH_MODULE);
  vi.unstubAllGlobals();
});

describe('switching language', () => {
  it('starts a Japanese device in Japanese without loading the English words', async () => {
    const { i18n, loads } = await startApp('loads', storage());
    expect(await i18n.restoreLang()).toBe('ja');
    expect(i18n.t('home.pack')).toBe('検品');
    expect(loads.count).toBe(0);
  });

  it('shows English after the switch and after a reload, the words loaded before either', async () => {
    const stored = storage();
    const first = await startApp('loads', stored);
    await first.i18n.restoreLang();
    const switching = first.i18n.setLang('en');
    // Until the words are in, the screen keeps its Japanese: never a raw key, never a mix.
    expect(first.i18n.getLang()).toBe('ja');
    expect(first.i18n.t('home.pack')).toBe('検品');
    expect(await switching).toBe('en');
    expect(first.i18n.t('home.pack')).toBe('Pack');
    expect(first.i18n.tm({ key: 'pack.complete.ok', params: { shipmentId: 'S0700001' } })).toBe('Packed S0700001');

    const reloaded = await startApp('loads', stored);
    // Before the first render the app awaits restoreLang; nothing is English before it resolves.
    expect(reloaded.i18n.getLang()).toBe('ja');
    expect(await reloaded.i18n.restoreLang()).toBe('en');
    expect(reloaded.i18n.t('home.pack')).toBe('Pack');
    expect(reloaded.loads.count).toBe(1);

    expect(await reloaded.i18n.setLang('ja')).toBe('ja');
    expect(reloaded.i18n.t('home.pack')).toBe('検品');
    expect(stored.getItem('floorpack.lang')).toBe('ja');
  });

  it('stays in Japanese, and keeps the choice for later, when the English words cannot load', async () => {
    const stored = storage({ 'floorpack.lang': 'en' });
    const { i18n, loads } = await startApp('unavailable', stored);
    expect(await i18n.restoreLang()).toBe('ja');
    expect(i18n.t('home.pack')).toBe('検品');
    expect(i18n.tm({ key: 'scan.misread' })).toBe('読み取りエラー。もう一度スキャンしてください');
    // The toggle asks again: another try, still Japanese, no crash.
    expect(await i18n.setLang('en')).toBe('ja');
    expect(loads.count).toBe(2);
    expect(stored.getItem('floorpack.lang')).toBe('en');
  });

  it('lets the later of two overlapping switches win', async () => {
    const { i18n } = await startApp('loads', storage());
    const toEnglish = i18n.setLang('en');
    expect(await i18n.setLang('ja')).toBe('ja');
    expect(await toEnglish).toBe('ja');
    expect(i18n.getLang()).toBe('ja');
  });
});
