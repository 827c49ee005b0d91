/** The pack screen's label step (送り状照合), in Japanese and English: loaded with the step's controls when a parcel needing a label is opened. */
import type { MessageKey } from '../../shared/flows/feedback.js';
import type { Entry, PackLabelKey } from './catalogue.js';

/** Everything the label step adds to the catalogue. */
export const PACK_LABEL_WORDS = {
  /** Messages of the pack flow's label step (src/shared/flows/pack-label.ts). */
  flow: {
    'pack.prompt.boxes': { ja: '箱数を確認してください（{boxes} 箱）', en: 'Confirm the number of boxes ({boxes})' },
    'pack.prompt.label': { ja: '{box}/{boxes} 箱目の送り状をスキャンしてください', en: 'Scan the label of box {box}/{boxes}' },
    'pack.boxes.ok': { ja: '{boxes} 箱で確定。送り状をスキャンしてください', en: '{boxes} boxes confirmed. Scan the labels' },
    'pack.boxes.invalid': { ja: '箱数は {min}〜{max} で選んでください', en: 'Choose {min} to {max} boxes' },
    'pack.label.ok': { ja: '送り状OK {box}/{boxes} 箱。次の箱の送り状をスキャンしてください', en: 'Label OK, box {box}/{boxes}. Scan the next box’s label' },
    'pack.label.allDone': { ja: '送り状 {boxes}/{boxes} 箱 そろいました。完了を押してください', en: 'All {boxes} labels scanned. Press Done' },
    'pack.label.wrong': { ja: '別のお客様の送り状です — 貼り直してください', en: 'This label is another customer’s — take it off and stick on the right one' },
    'pack.label.same': { ja: 'この送り状（{number}）はスキャン済みです。次の箱の送り状をスキャンしてください', en: 'Label {number} is already scanned. Scan the next box’s label' },
    'pack.label.notYet': { ja: '先に商品・同梱物・ギフトの確認を終えてから送り状をスキャンしてください', en: 'Finish the items, inserts and gift first, then scan the label' },
    'pack.label.boxesFirst': { ja: '先に箱数（{boxes} 箱）を確認してください', en: 'Confirm the number of boxes ({boxes}) first' },
    'pack.label.tooMany': { ja: '{boxes} 箱分の送り状はスキャン済みです。箱数を確かめてください', en: 'All {boxes} boxes have their label. Check the number of boxes' },
    'pack.label.required': { ja: 'この配送会社は送り状照合が必須です。送り状をスキャンしてください', en: 'This carrier needs the label scanned. Scan the label' },
    'pack.label.skipped': { ja: '送り状照合を省略しました。完了を押してください', en: 'Label check skipped. Press Done' },
  } satisfies Record<Extract<MessageKey, PackLabelKey>, Entry>,
  /** The label step's strings. */
  ui: {
    'pack.boxes': { ja: '箱数', en: 'Boxes' },
    'pack.boxesConfirm': { ja: '確定', en: 'OK' },
    'pack.labels': { ja: '送り状 {done}/{boxes}', en: 'Labels {done}/{boxes}' },
    'pack.skipLabels': { ja: '省略', en: 'Skip' },
  } satisfies Record<string, Entry>,
};
