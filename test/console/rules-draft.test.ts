/** The human-touch rule form: what the supervisor types becomes the rules saved, and reloads as typed. */
import { describe, expect, it } from 'vitest';
import { draftFromRules, RULE_FLAGS, rulesFromDraft, splitInsertCodes, type RuleDraft } from '../../src/console/rules-draft.js';
import type { HumanTouchRulesResponse } from '../../src/shared/protocol/admin-console.js';
import { useConsoleServer } from '../helpers/console-server.js';

const EMPTY = { instruction: '', instructionEn: '', inserts: '' };

describe('the rule form', () => {
  it('has one fieldset per flag, empty for a flag without a rule', () => {
    const draft = draftFromRules([{ flag: 'SECOND_PURCHASE', instruction: '手書きカード', instructionEn: null, insertCodes: ['INS-01', 'INS-02'] }]);
    expect(Object.keys(draft)).toEqual(RULE_FLAGS.map(([flag]) => flag));
    expect(draft).toEqual({ FIRST_PURCHASE: EMPTY, SECOND_PURCHASE: { instruction: '手書きカード', instructionEn: '', inserts: 'INS-01, INS-02' }, FIRST_RETURN: EMPTY });
  });

  it.each([
    ['INS-01, INS-02', ['INS-01', 'INS-02']],
    ['INS-01、INS-02;INS-03', ['INS-01', 'INS-02', 'INS-03']],
    ['  INS-01 \n INS-02 ,', ['INS-01', 'INS-02']],
    ['', []],
  ])('reads the insert codes %j as %j', (text, codes) => {
    expect(splitInsertCodes(text)).toEqual(codes);
  });

  it('saves only the flags with a Japanese instruction, trimmed; an empty English one is null', () => {
    const draft: RuleDraft = {
      FIRST_PURCHASE: { instruction: '  サンプルを同梱  ', instructionEn: ' ', inserts: 'SMP-1' },
      SECOND_PURCHASE: { instruction: '   ', instructionEn: 'ignored without Japanese', inserts: 'INS-9' },
      FIRST_RETURN: { instruction: 'お詫びカード', instructionEn: 'Apology card', inserts: '' },
    };
    expect(rulesFromDraft(draft)).toEqual([
      { flag: 'FIRST_PURCHASE', instruction: 'サンプルを同梱', instructionEn: null, insertCodes: ['SMP-1'] },
      { flag: 'FIRST_RETURN', instruction: 'お詫びカード', instructionEn: 'Apology card', insertCodes: [] },
    ]);
  });
});

describe('saving the rules on the server', () => {
  const server = useConsoleServer();

  it('a save is a new version, and the form reloads with what was typed', async () => {
    const before = await server().admin<HumanTouchRulesResponse>('GET', '/api/admin/human-touch-rules');
    const draft: RuleDraft = {
      ...draftFromRules(before.rules),
      FIRST_RETURN: { instruction: 'お詫びカードを入れる', instructionEn: 'Add an apology card', inserts: 'L01、L05' },
    };
    const saved = await server().admin<HumanTouchRulesResponse>('PUT', '/api/admin/human-touch-rules', { rules: rulesFromDraft(draft), note: '返品対応' });
    expect(saved.version).toBe(before.version + 1);
    expect(saved.history.map((h) => h.note)).toContain('返品対応');

    const reloaded = await server().admin<HumanTouchRulesResponse>('GET', '/api/admin/human-touch-rules');
    expect(draftFromRules(reloaded.rules)).toEqual({ ...draft, FIRST_RETURN: { ...draft.FIRST_RETURN, inserts: 'L01, L05' } });
  });

  it('an insert code the catalogue does not know is refused with the code named, and nothing is saved', async () => {
    const before = await server().admin<HumanTouchRulesResponse>('GET', '/api/admin/human-touch-rules');
    const draft: RuleDraft = { ...draftFromRules(before.rules), FIRST_PURCHASE: { instruction: 'サンプル', instructionEn: '', inserts: 'L01, X99' } };
    await expect(server().admin('PUT', '/api/admin/human-touch-rules', { rules: rulesFromDraft(draft), note: null })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('X99') });
    expect((await server().admin<HumanTouchRulesResponse>('GET', '/api/admin/human-touch-rules')).version).toBe(before.version);
  });
});
