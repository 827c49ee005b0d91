/** The human-touch rule form: what the editor holds for each flag, from and back to the rules the server keeps. */
import type { HumanTouchFlag, HumanTouchRule } from '../shared/domain/catalogue.js';

/** The flags a rule can be written for, with when each applies, in the order of the form. */
export const RULE_FLAGS: readonly [HumanTouchFlag, string][] = [
  ['FIRST_PURCHASE', '初回購入 — 購入回数が 1'],
  ['SECOND_PURCHASE', '2回目購入 — 購入回数が 2'],
  ['FIRST_RETURN', '初回返品 — 返品 1 回、その後はじめての荷物'],
];

/** One flag's fields as typed: the packing and the returns-bench instructions; the insert codes are one text. */
export interface RuleFields {
  instruction: string;
  instructionEn: string;
  returnInstruction: string;
  returnInstructionEn: string;
  inserts: string;
}

/** The form: the fields of every flag. */
export type RuleDraft = Record<HumanTouchFlag, RuleFields>;

/** The form filled from the rules in force; a flag without a rule has empty fields. */
export function draftFromRules(rules: readonly HumanTouchRule[]): RuleDraft {
  const fieldsOf = (flag: HumanTouchFlag): RuleFields => {
    const rule = rules.find((r) => r.flag === flag);
    return {
      instruction: rule?.instruction ?? '',
      instructionEn: rule?.instructionEn ?? '',
      returnInstruction: rule?.returnInstruction ?? '',
      returnInstructionEn: rule?.returnInstructionEn ?? '',
      inserts: (rule?.insertCodes ?? []).join(', '),
    };
  };
  return Object.fromEntries(RULE_FLAGS.map(([flag]) => [flag, fieldsOf(flag)])) as RuleDraft;
}

/** Insert codes as a supervisor types them: separated by commas (also 、), semicolons or spaces. */
export function splitInsertCodes(text: string): string[] {
  return text.split(/[\s,;、]+/).filter(Boolean);
}

/**
 * The rules to save: a flag whose Japanese packing instruction is empty has no rule; any other empty
 * text is null (the server gives an empty returns instruction its default words).
 */
export function rulesFromDraft(draft: RuleDraft): HumanTouchRule[] {
  return RULE_FLAGS.filter(([flag]) => draft[flag].instruction.trim()).map(([flag]) => ({
    flag,
    instruction: draft[flag].instruction.trim(),
    instructionEn: draft[flag].instructionEn.trim() || null,
    returnInstruction: draft[flag].returnInstruction.trim() || null,
    returnInstructionEn: draft[flag].returnInstructionEn.trim() || null,
    insertCodes: splitInsertCodes(draft[flag].inserts),
  }));
}
