/** The units confirmed so far on a return receipt, each with its condition and reason (returns screen). */
import type { ReturnReason } from '../../shared/domain/catalogue.js';
import type { ReturnAction } from '../../shared/flows/return.js';
import type { ReceivedCondition, ReturnUnit } from '../../shared/flows/return-state.js';
import { getLang, t, type UiKey } from '../i18n/i18n.js';

const CONDITIONS: ReceivedCondition[] = ['unopened', 'opened', 'damaged'];

/** A focused select would swallow the next wedge scan (keys change its choice): hand the focus back. */
function backToScan(el: HTMLElement): void {
  el.blur();
  document.querySelector<HTMLInputElement>('[data-testid="scan-input"]')?.focus({ preventScroll: true });
}

/** The received units with their condition and reason selects and a remove button each. */
export function ReceivedUnits({
  units,
  reasons,
  productName,
  dispatch,
}: {
  units: ReturnUnit[];
  reasons: ReturnReason[];
  productName: (code: string) => string;
  dispatch: (action: ReturnAction) => void;
}) {
  const lang = getLang();
  return (
    <section class="return-units">
      <h3>{t('returns.received')}</h3>
      {reasons.length === 0 && <p class="form-error">{t('returns.noReasons')}</p>}
      <ul>
        {units.map((u, i) => (
          <li class="return-unit" data-testid={`return-unit-${i}`} data-product={u.productCode} data-condition={u.condition} key={i}>
            <div class="line-name">{productName(u.productCode)}</div>
            <div class="row">
              <label class="field">
                <span>{t('returns.condition')}</span>
                <select
                  data-testid={`unit-condition-${i}`}
                  value={u.condition}
                  onChange={(e) => {
                    dispatch({ type: 'setCondition', unit: i, condition: (e.currentTarget as HTMLSelectElement).value as ReceivedCondition });
                    backToScan(e.currentTarget as HTMLElement);
                  }}
                >
                  {CONDITIONS.map((c) => (
                    <option value={c} key={c}>
                      {t(`returns.condition.${c}` as UiKey)}
                    </option>
                  ))}
                </select>
              </label>
              <label class="field">
                <span>{t('returns.reason')}</span>
                <select
                  data-testid={`unit-reason-${i}`}
                  value={u.reasonCode ?? ''}
                  onChange={(e) => {
                    dispatch({ type: 'setReason', unit: i, reasonCode: (e.currentTarget as HTMLSelectElement).value });
                    backToScan(e.currentTarget as HTMLElement);
                  }}
                >
                  <option value="" disabled>
                    {t('returns.reasonChoose')}
                  </option>
                  {reasons.map((r) => (
                    <option value={r.code} key={r.code}>
                      {lang === 'en' ? (r.labelEn ?? r.label) : r.label}
                    </option>
                  ))}
                </select>
              </label>
              <button class="btn btn-small" data-testid={`unit-remove-${i}`} onClick={() => dispatch({ type: 'removeUnit', unit: i })}>
                {t('returns.remove')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
