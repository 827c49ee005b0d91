/** The head of a return receipt: customer, rank badge, ids, and the 初回返品 banner with the returns bench's own instruction. */
import { badgeTextColour } from '../../shared/domain/contrast.js';
import type { HumanTouchFlag, HumanTouchRule } from '../../shared/domain/catalogue.js';
import type { CatalogueIndex } from '../../shared/domain/catalogue-index.js';
import type { Parcel } from '../../shared/domain/parcel.js';
import { firstReturnOf, rankOf, returnInstructionOf } from '../../shared/flows/return.js';
import { getLang, t, type UiKey } from '../i18n/i18n.js';

/** What the returns bench does for a flag: the rule's returns instruction, else this screen's default for the flag. */
function returnInstruction(flag: HumanTouchFlag, rule: HumanTouchRule | null): string {
  return returnInstructionOf(rule, getLang() === 'en') ?? t(`returns.instruction.${flag}` as UiKey);
}

/** The receipt's head. */
export function ReturnHead({ parcel, shipmentId, orderNumber, index }: { parcel: Parcel | undefined; shipmentId: string | null; orderNumber: string; index: CatalogueIndex }) {
  const rank = parcel ? rankOf(parcel, index) : null;
  const first = firstReturnOf(parcel, index);
  return (
    <>
      <header class="card-head">
        <div class="customer">
          <span class="customer-name" data-testid="customer-name">
            {parcel?.customerName ?? '—'}
          </span>
          {parcel && (
            <span class="rank-badge" data-testid="rank-badge" data-rank={parcel.rankCode} style={rank ? { background: rank.color, color: badgeTextColour(rank.color) } : undefined}>
              {rank?.label ?? t('rank.unknown', { code: parcel.rankCode })}
            </span>
          )}
        </div>
        <div class="card-ids">
          <span>{shipmentId ?? ''}</span>
          <span>{t('returns.order', { order: orderNumber })}</span>
        </div>
        {!parcel && <p class="hint">{t('returns.unresolved')}</p>}
      </header>
      {first && (
        <section class="flags">
          <div class="flag-banner flag-FIRST_RETURN" data-testid="flag-banner" data-flag="FIRST_RETURN">
            <div class="flag-title">{t('returns.firstReturn')}</div>
            <div class="flag-instruction" data-testid="flag-instruction">
              {returnInstruction('FIRST_RETURN', first.rule)}
            </div>
          </div>
        </section>
      )}
    </>
  );
}
