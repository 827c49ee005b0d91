/** What each demo slip sets up, in the floor's words: printed beside its barcode on the practice sheet. */
import { DEMO_SCENARIOS } from './demo-data.js';

const NOTES: Partial<Record<keyof typeof DEMO_SCENARIOS, string>> = {
  singleItem: '1点・同梱物あり / one item, one insert',
  multiItemGiftFirstPurchase: 'ギフト 外のし・初回購入 / gift, first purchase',
  secondPurchase: '2回目購入 / second purchase',
  firstReturn: '初回返品後 / first parcel after a return',
  twoFlags: 'フラグ2つ / two flags',
  held: '出荷停止（拒否される）/ held: refused',
  unknownGift: '未登録ギフトコード（拒否される）/ unknown gift code: refused',
  innerNoshi: '内のし / inner noshi',
  diamond: 'ダイヤモンド・リボン / diamond rank, ribbon',
  returnFirst: '返品の練習 / practise a return',
};

/** Shipment id → its note, for the slips that set up a situation. */
export const DEMO_SCENARIO_NOTES: Record<string, string | undefined> = Object.fromEntries(
  Object.entries(NOTES).map(([scenario, note]) => [DEMO_SCENARIOS[scenario as keyof typeof DEMO_SCENARIOS], note]),
);
