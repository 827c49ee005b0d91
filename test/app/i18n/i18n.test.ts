// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS } from '../../../src/shared/flows/feedback.js';
import { rejectCodeSchema } from '../../../src/shared/protocol/sync.js';
import { FLOW_MESSAGES, UI } from '../../../src/app/i18n/catalogue.js';
import { PICK_WORDS } from '../../../src/app/i18n/catalogue-pick.js';
import { RETURNS_WORDS } from '../../../src/app/i18n/catalogue-returns.js';
import { SETTINGS_WORDS } from '../../../src/app/i18n/catalogue-settings.js';
import { SYNC_WORDS } from '../../../src/app/i18n/catalogue-sync.js';
import { addWords, describeRejection, render, t, tm } from '../../../src/app/i18n/i18n.js';

// The main bundle's words and those each lazily loaded screen brings, as the app has them once all loaded.
const PARTS = [PICK_WORDS, RETURNS_WORDS, SYNC_WORDS, SETTINGS_WORDS];
const ALL_FLOW: Record<string, (typeof FLOW_MESSAGES)[keyof typeof FLOW_MESSAGES]> = { ...FLOW_MESSAGES, ...PICK_WORDS.flow, ...RETURNS_WORDS.flow };
const REJECT_MESSAGES = SYNC_WORDS.reject;

describe('i18n catalogue', () => {
  it.each(MESSAGE_KEYS)('flow message %s has Japanese and English', (key) => {
    const entry = ALL_FLOW[key];
    expect(entry).toBeDefined();
    for (const lang of ['ja', 'en'] as const) {
      const text = render(entry, { shipmentId: 'S0700001', name: '煎茶', code: 'X', done: 1, qty: 2, total: 3, remaining: 2 }, lang);
      expect(text.trim().length).toBeGreaterThan(0);
      expect(text).not.toMatch(/\{\w+\}|undefined/);
    }
  });

  it('has no flow messages beyond the shared keys', () => {
    expect(Object.keys(ALL_FLOW).sort()).toEqual([...MESSAGE_KEYS].sort());
  });

  it('gives every key to one part only, so a screen loading its words never changes another one', () => {
    const keys = [UI, FLOW_MESSAGES, ...PARTS.flatMap((p) => ['flow' in p ? p.flow : {}, p.ui])].flatMap((words) => Object.keys(words));
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('shows a lazily loaded screen’s words once its module has added them', () => {
    expect(t('settings.title', {}, 'en')).toBe('settings.title');
    addWords(SETTINGS_WORDS);
    expect(t('settings.title', {}, 'en')).toBe('Scan settings');
  });

  it('every UI string and reject code has both languages', () => {
    for (const entry of [...Object.values(UI), ...PARTS.flatMap((p) => Object.values(p.ui)), ...Object.values(REJECT_MESSAGES)]) {
      expect(render(entry, {}, 'ja').length).toBeGreaterThan(0);
      expect(render(entry, {}, 'en').length).toBeGreaterThan(0);
    }
    // The server's codes, and the one this device gives an event it keeps back as unreadable.
    expect(Object.keys(REJECT_MESSAGES).sort()).toEqual([...rejectCodeSchema.options, 'unreadable'].sort());
  });

  it('interpolates values and renders missing ones as nothing', () => {
    expect(tm({ key: 'pack.complete.ok', params: { shipmentId: 'S0700001' } }, 'ja')).toBe('梱包完了 S0700001');
    expect(tm({ key: 'pack.complete.notReady' }, 'en')).not.toContain('undefined');
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
