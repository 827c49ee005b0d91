/** A gift code's exact instruction (包装, リボン, のし, 名入れ, メッセージ) as a term list: the pack step and the parcel card show it. */
import type { ResolvedGift } from '../../shared/domain/resolve-parcel.js';
import { t } from '../i18n/i18n.js';

/** The gift's instruction; `withDescription` adds the gift code's free description under it. */
export function GiftDetails({ gift, withDescription }: { gift: Extract<ResolvedGift, { status: 'ok' }>; withDescription: boolean }) {
  const g = gift.gift;
  return (
    <>
      <dl class="gift-terms">
        <dt>{t('pack.gift.wrapping')}</dt>
        <dd>{g.wrapping || t('pack.gift.none')}</dd>
        <dt>{t('pack.gift.ribbon')}</dt>
        <dd>{g.ribbon ?? t('pack.gift.none')}</dd>
        <dt>{t('pack.gift.noshi')}</dt>
        <dd>
          {g.noshiInscription ?? t('pack.gift.none')}
          {g.noshiPlacement && <span class="noshi-placement"> · {g.noshiPlacement === 'inner' ? t('pack.gift.inner') : t('pack.gift.outer')}</span>}
        </dd>
        {gift.noshiName && (
          <>
            <dt>{t('pack.gift.noshiName')}</dt>
            <dd>{gift.noshiName}</dd>
          </>
        )}
        {gift.message && (
          <>
            <dt>{t('pack.gift.message')}</dt>
            <dd class="gift-message">{gift.message}</dd>
          </>
        )}
      </dl>
      {withDescription && g.description && <p class="gift-desc">{g.description}</p>}
    </>
  );
}
