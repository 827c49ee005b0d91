import { describe, expect, it } from 'vitest';
import { resolveCarrier } from '../../../src/shared/domain/carrier-mapping.js';

describe('carrier mapping', () => {
  it.each([
    ['宅急便', 'yamato', '宅急便'],
    ['ネコポス', 'yamato', 'ネコポス'],
    ['クール宅急便', 'yamato', 'クール宅急便(冷蔵)'],
    ['飛脚宅配便', 'sagawa', '飛脚宅配便'],
    ['ゆうパケット', 'japanpost', 'ゆうパケット'],
    ['クリックポスト', 'japanpost', 'クリックポスト'],
  ])('%s names its own carrier whatever the default', (method, carrier, service) => {
    expect(resolveCarrier(method, [], 'sagawa')).toEqual({ carrierId: carrier, service });
  });

  it('generic names take the warehouse default, in that carrier’s words, full-width brackets too', () => {
    expect(resolveCarrier('宅配便', [], 'sagawa')).toEqual({ carrierId: 'sagawa', service: '飛脚宅配便' });
    expect(resolveCarrier('宅配便（クール）', [], 'yamato')).toEqual({ carrierId: 'yamato', service: 'クール宅急便(冷蔵)' });
    expect(resolveCarrier('宅配便(日時指定)', [], 'japanpost')).toEqual({ carrierId: 'japanpost', service: 'ゆうパック' });
  });

  it('a generic name without a default, or an unknown name, has no carrier', () => {
    expect(resolveCarrier('宅配便', [], null).carrierId).toBeNull();
    expect(resolveCarrier('メール便X', [], 'yamato')).toEqual({ carrierId: null, service: null });
  });

  it('the warehouse’s own mapping wins over the defaults', () => {
    expect(resolveCarrier('宅急便', [{ method: '宅急便', carrierId: 'other', service: '自社便' }], null)).toEqual({ carrierId: 'other', service: '自社便' });
    expect(resolveCarrier('メール便X', [{ method: 'メール便X', carrierId: 'japanpost', service: 'ゆうパケット' }], null).carrierId).toBe('japanpost');
  });
});
