/** The human-touch rule form: what the supervisor types becomes the rules saved, and reloads as typed. */
import { describe, expect, it } from 'vitest';
import { draftFromRules, RULE_FLAGS, rulesFromDraft, splitInsertCodes, type RuleDraft } from '../../src/console/rules-draft.js';
import type { HumanTouchRulesResponse } from '../../src/shared/protocol/admin-console.js';
import { useConsoleServer } from '../helpers/console-server.js';

const EMPTY = { instruction: '', instructionEn: '', returnInstruction: '', returnInstructionEn: '', inserts: '' };

describe('the rule form', () => {
  it('has one fieldset per flag, empty for a flag without a rule', () => {
    const draft = draftFromRules([
      { flag: 'SECOND_PURCHASE', instruction: '手書きカード', instructionEn: null, returnInstruction: '理由を聞く', insertCodes: ['INS-01', 'INS-02'] },
    ]);
    expect(Object.keys(draft)).toEqual(RULE_FLAGS.map(([flag]) => flag));
    expect(draft).toEqual({
      FIRST_PURCHASE: EMPTY,
      SECOND_PURCHASE: { instruction: '手書きカード', instructionEn: '', returnInstruction: '理由を聞く', returnInstructionEn: '', inserts: 'INS-01, INS-02' },
      FIRST_RETURN: EMPTY,
    });
  });

  it.each([
    ['INS-01, INS-02', ['INS-01', 'INS-02']],
    ['INS-01、INS-02;INS-03', ['INS-01', 'INS-02', 'INS-03']],
    ['  INS-01 \n INS-02 ,', ['INS-01', 'INS-02']],
    ['', []],
  ])('reads the insert codes %j as %j', (text, codes) => {
    expect(splitInsertCodes(text)).toEqual(codes);
  });

  it('saves only the flags with a Japanese packing instruction, trimmed; any other empty text is null', () => {
    const draft: RuleDraft = {
      FIRST_PURCHASE: { ...EMPTY, instruction: '  サンプルを同梱  ', instructionEn: ' ', inserts: 'SMP-1' },
      SECOND_PURCHASE: { ...EMPTY, instruction: '   ', instructionEn: 'ignored without Japanese', returnInstruction: 'ignored too', inserts: 'INS-9' },
      FIRST_RETURN: { instruction: 'お詫びカード', instructionEn: 'Apology card', returnInstruction: ' 丁寧に検品 ', returnInstructionEn: 'Inspect with care', inserts: '' },
    };
    expect(rulesFromDraft(draft)).toEqual([
      { flag: 'FIRST_PURCHASE', instruction: 'サンプルを同梱', instructionEn: null, returnInstruction: null, returnInstructionEn: null, insertCodes: ['SMP-1'] },
      { flag: 'FIRST_RETURN', instruction: 'お詫びカード', instructionEn: 'Apology card', returnInstruction: '丁寧に検品', returnInstructionEn: 'Inspect with care', insertCodes: [] },
    ]);
  });
});

describe('saving the rules on the server', () => {
  const server = useConsoleServer();

  it('a save is a new version, and the form reloads with what was typed', async () => {
    const before = await server().admin<HumanTouchRulesResponse>('GET', '/api/admin/human-touch-rules');
    const draft: RuleDraft = {
      ...draftFromRules(before.rules),
      FIRST_RETURN: { instruction: 'お詫びカードを入れる', instructionEn: 'Add an apology card', returnInstruction: '返品理由を必ず記録', returnInstructionEn: '', inserts: 'L01、L05' },
    };
    const saved = await server().admin<HumanTouchRulesResponse>('PUT', '/api/admin/human-touch-rules', { rules: rulesFromDraft(draft), note: '返品対応' });
    expect(saved.version).toBe(before.version + 1);
    expect(saved.history.map((h) => h.note)).toContain('返品対応');

    const reloaded = await server().admin<HumanTouchRulesResponse>('GET', '/api/admin/human-touch-rules');
    expect(draftFromRules(reloaded.rules)).toEqual({ ...draft, FIRST_RETURN: { ...draft.FIRST_RETURN, inserts: 'L01, L05' } });
  });

  it('a returns instruction left empty comes back with the default words for the returns bench', async () => {
    const before = await server().admin<HumanTouchRulesResponse>('GET', '/api/admin/human-touch-rules');
    const draft: RuleDraft = { ...draftFromRules(before.rules), FIRST_RETURN: { ...draftFromRules(before.rules).FIRST_RETURN, returnInstruction: '', returnInstructionEn: '' } };
    const saved = await server().admin<HumanTouchRulesResponse>('PUT', '/api/admin/human-touch-rules', { rules: rulesFromDraft(draft), note: null });
    expect(draftFromRules(saved.rules).FIRST_RETURN).toMatchObject({ returnInstruction: '初めての返品です。丁寧に検品し、気になる点はメモに残してください', returnInstructionEn: expect.stringMatching(/first return/) });
  });

  it('an insert code the catalogue does not know is refused with the code named, and nothing is saved', async () => {
    const before = await server().admin<HumanTouchRulesResponse>('GET', '/api/admin/human-touch-rules');
    const draft: RuleDraft = { ...draftFromRules(before.rules), FIRST_PURCHASE: { ...EMPTY, instruction: 'サンプル', inserts: 'L01, X99' } };
    await expect(server().admin('PUT', '/api/admin/human-touch-rules', { rules: rulesFromDraft(draft), note: null })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('X99') });
    expect((await server().admin<HumanTouchRulesResponse>('GET', '/api/admin/human-touch-rules')).version).toBe(before.version);
  });
});
