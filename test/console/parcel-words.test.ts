/** The parcel page's words: why a parcel has its flags, the gift instruction, and each timeline entry. */
import { describe, expect, it } from 'vitest';
import { flagBasisText, giftInstructionText, timelineDevice, timelineOutcome, timelineWhat, timelineWho } from '../../src/console/parcel-words.js';
import { DEMO_GIFT_CODES } from '../../src/server/demo/demo-data.js';

describe('why a parcel has its flags', () => {
  it('names the purchase count, the returns, the parcels since the first return and the rule edition', () => {
    expect(flagBasisText({ purchaseCount: 2, returnCount: 1, parcelsSinceFirstReturn: 0, ruleVersion: 3 })).toBe('購入 2 回目 · 返品 1 回 · 返品後の出荷 0 件 · ルール v3');
    expect(flagBasisText({ purchaseCount: 1, returnCount: 0, parcelsSinceFirstReturn: 0, ruleVersion: null })).toContain('初期ルール');
  });
});

describe('the gift', () => {
  it('spells out the code’s exact wrapping: paper, ribbon, noshi placement and inscription', () => {
    const n10 = DEMO_GIFT_CODES.find((g) => g.code === 'N10')!;
    expect(giftInstructionText({ code: 'N10', instruction: n10, noshiName: '田中', message: null })).toBe('包装紙(白) · 外のし「御祝」 · 紅白蝶結び 外のし 名入れあり');
    const g02 = DEMO_GIFT_CODES.find((g) => g.code === 'G02')!;
    expect(giftInstructionText({ code: 'G02', instruction: g02, noshiName: null, message: 'x' })).toBe('包装紙(赤) · 金リボン · バースデー包装+メッセージカード');
  });

  it('an unknown code says packing is blocked and what to do, never a guess', () => {
    expect(giftInstructionText({ code: 'X99', instruction: null, noshiName: null, message: null })).toMatch(/X99.*未登録.*梱包できません.*取り込んで/);
  });
});

describe('the timeline', () => {
  const entry = { type: 'parcel.packed', outcome: 'rejected', code: 'parcel_held', message: '出荷停止中です', staffId: 'staff-001', staffName: '佐藤 美咲', deviceId: 'dev-1', deviceName: 'pack-01' };

  it('a refused event says so with the server’s reason and its code', () => {
    expect(timelineWhat(entry)).toBe('梱包完了');
    expect(timelineOutcome(entry)).toBe('却下：出荷停止中です（parcel_held）');
    expect(timelineWho(entry)).toBe('佐藤 美咲');
    expect(timelineDevice(entry)).toBe('pack-01');
  });

  it('an applied event, an open supervisor flag and an unknown type read plainly; nobody recorded is a dash', () => {
    expect(timelineOutcome({ outcome: 'applied', code: null, message: null })).toBe('反映');
    expect(timelineWhat({ type: 'packed_while_held' })).toBe('出荷停止中に梱包');
    expect(timelineOutcome({ outcome: 'open', code: null, message: '箱をラインから外してください' })).toBe('要確認：箱をラインから外してください');
    expect(timelineWhat({ type: 'label.scanned' })).toBe('label.scanned');
    expect(timelineWho({ staffId: null, staffName: null })).toBe('—');
    expect(timelineDevice({ deviceId: 'dev-9', deviceName: null })).toBe('dev-9');
  });
});
