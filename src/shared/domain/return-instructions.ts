/**
 * What returns staff are asked to do when they log the return of a customer who carries a human-touch
 * flag, until the brand writes its own: the packing instruction is for the customer's next parcel, so
 * the returns bench needs words of its own. The server fills rules without one from here, and the
 * migration that added the column wrote the same texts (keep them in step).
 */
import type { HumanTouchFlag, HumanTouchRule } from './catalogue.js';

/** The default returns-bench instruction per flag, Japanese and English. */
export const DEFAULT_RETURN_INSTRUCTIONS: Record<HumanTouchFlag, { ja: string; en: string }> = {
  FIRST_PURCHASE: {
    ja: '初めてのご購入品の返品です。状態を丁寧に確かめ、返品理由を必ず選んでください',
    en: 'A return of their first purchase: check its state with care and always choose the reason.',
  },
  SECOND_PURCHASE: {
    ja: '2回目のご購入品の返品です。返品理由を必ず選び、気になる点はメモに残してください',
    en: 'A return of their second purchase: always choose the reason and note anything that concerns you.',
  },
  FIRST_RETURN: {
    ja: '初めての返品です。丁寧に検品し、気になる点はメモに残してください',
    en: 'Their first return: inspect with care and note anything that concerns you.',
  },
};

/** The rule with its returns-bench words: its own when it has them, else the defaults (English only beside our Japanese). */
export function withReturnInstruction(rule: HumanTouchRule): HumanTouchRule & { returnInstruction: string; returnInstructionEn: string | null } {
  const fallback = DEFAULT_RETURN_INSTRUCTIONS[rule.flag];
  const returnInstruction = rule.returnInstruction?.trim() || fallback.ja;
  // A brand's own Japanese words are never paired with our English default.
  const returnInstructionEn = rule.returnInstructionEn?.trim() || (returnInstruction === fallback.ja ? fallback.en : null);
  return { ...rule, returnInstruction, returnInstructionEn };
}
