/** 返品受付: find the parcel (slip, return label, order number, customer name), confirm each item by scan, save. */
import { useMemo, useState } from 'preact/hooks';
import { expectedUnits } from '../../shared/domain/parcel-units.js';
import { firstReturnOf, missingUnits, rankOf, reasonsOf, receivedCounts } from '../../shared/flows/return.js';
import type { AppModel } from '../app-model.js';
import { addWords, getLang, t, tm } from '../i18n/i18n.js';
import { RETURNS_WORDS } from '../i18n/catalogue-returns.js';
import { searchReturnParcels } from '../returns/search-parcels.js';
import { ScanInput } from '../scan/scan-input.js';
import { useFlowSession } from '../flow/use-flow-session.js';
import { FeedbackBanner } from '../components/feedback-banner.js';
import { FlowAlerts } from '../components/flow-alerts.js';
import { CancelDialog } from '../components/cancel-dialog.js';
import { ReceivedUnits } from './received-units.js';

// This screen's words come with its chunk.
addWords(RETURNS_WORDS);

/** The returns screen. */
export function ReturnsScreen({ model }: { model: AppModel }) {
  const session = model.flows.get('returns')!;
  // A scan re-renders this screen, not the app around it (flow/flow-session.ts).
  useFlowSession(session);
  const state = session.state;
  const [query, setQuery] = useState('');
  const [confirmCancel, setConfirmCancel] = useState(false);
  const feedback = session.feedback;
  const tone = feedback?.tone ?? null;
  const lang = getLang();
  const parcel = state.step === 'receiving' && state.progress.shipmentId ? model.state.parcels.get(state.progress.shipmentId) : undefined;
  const reasons = reasonsOf({ index: model.state.index });
  const hits = useMemo(() => (state.step === 'find' ? searchReturnParcels(model.state.parcels.values(), query) : []), [query, state.step, model.state.version]);
  const productName = (code: string) => model.state.index.productByCode.get(code)?.name ?? code;
  const dispatch = session.dispatch.bind(session);
  const overlayOpen = confirmCancel || session.failure !== null;

  return (
    <div class={`pack returns ${tone === 'error' ? 'is-error' : ''}`} data-testid="returns-screen" data-step={state.step}>
      <div class="pack-top">
        <button class="btn btn-small" onClick={() => model.state.navigate('home')} data-testid="returns-back">
          ←
        </button>
        <ScanInput onScan={(text) => dispatch({ type: 'scan', text })} keepFocus={!overlayOpen} label={t('returns.title')} placeholder={t('returns.waiting')} />
      </div>

      <FeedbackBanner session={session} prompt={tm(session.prompt())} />

      {state.step === 'find' ? (
        <div class="pack-body returns-find">
          <input
            class="text-input big-input"
            data-testid="return-search"
            type="search"
            inputMode="text"
            autocomplete="off"
            placeholder={t('returns.search')}
            value={query}
            onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          />
          {query.trim().length >= 2 && (
            <ul class="return-hits">
              {hits.map((p) => {
                const left = p.status === 'packed' || p.status === 'shipped';
                return (
                  <li key={p.shipmentId}>
                    <button
                      class="btn btn-block return-hit"
                      data-testid={`return-pick-${p.shipmentId}`}
                      disabled={!left}
                      onClick={() => {
                        setQuery('');
                        dispatch({ type: 'open', shipmentId: p.shipmentId });
                      }}
                    >
                      <span class="customer-name">{p.customerName}</span>
                      <span class="line-meta">
                        {t('returns.order', { order: p.orderNumber })} · {p.shipmentId}
                        {left ? '' : ` · ${t('returns.notShipped')}`}
                      </span>
                    </button>
                  </li>
                );
              })}
              {hits.length === 0 && <li class="hint">{t('returns.noMatch')}</li>}
              {!hits.some((h) => h.orderNumber === query.trim()) && /^[0-9A-Za-z-]{4,64}$/.test(query.trim()) && (
                <li>
                  <button
                    class="btn btn-block"
                    data-testid="return-by-order"
                    onClick={() => {
                      const order = query.trim();
                      setQuery('');
                      dispatch({ type: 'openByOrder', orderNumber: order });
                    }}
                  >
                    {t('returns.byOrder', { order: query.trim() })}
                  </button>
                </li>
              )}
            </ul>
          )}
          {state.lastSaved && <p class="hint" data-testid="return-last-saved">{t('returns.saved', { id: state.lastSaved })}</p>}
        </div>
      ) : (
        <>
          <div class="pack-body">
            <article class="parcel-card" data-testid="return-card" data-shipment={state.progress.shipmentId ?? ''} data-order={state.progress.orderNumber}>
              <header class="card-head">
                <div class="customer">
                  <span class="customer-name" data-testid="customer-name">
                    {parcel?.customerName ?? '—'}
                  </span>
                  {parcel &&
                    (() => {
                      const rank = rankOf(parcel, model.state.index);
                      return (
                        <span class="rank-badge" data-testid="rank-badge" data-rank={parcel.rankCode} style={rank ? { background: rank.color, color: '#fff' } : undefined}>
                          {rank?.label ?? t('rank.unknown', { code: parcel.rankCode })}
                        </span>
                      );
                    })()}
                </div>
                <div class="card-ids">
                  <span>{state.progress.shipmentId ?? ''}</span>
                  <span>{t('returns.order', { order: state.progress.orderNumber })}</span>
                </div>
                {!parcel && <p class="hint">{t('returns.unresolved')}</p>}
              </header>

              {(() => {
                const first = firstReturnOf(parcel, model.state.index);
                if (!first) return null;
                const instruction = lang === 'en' ? (first.rule?.instructionEn ?? first.rule?.instruction) : first.rule?.instruction;
                return (
                  <section class="flags">
                    <div class="flag-banner flag-FIRST_RETURN" data-testid="flag-banner" data-flag="FIRST_RETURN">
                      <div class="flag-title">{t('returns.firstReturn')}</div>
                      {instruction && <div class="flag-instruction">{instruction}</div>}
                    </div>
                  </section>
                );
              })()}

              {parcel && (
                <section class="lines">
                  <h3>{t('returns.lines')}</h3>
                  <ul>
                    {[...expectedUnits(parcel)].map(([code, qty]) => {
                      const got = receivedCounts(state.progress).get(code) ?? 0;
                      return (
                        <li class={`line ${got >= qty ? 'is-done' : got > 0 ? 'is-partial' : ''}`} data-testid={`return-line-${code}`} data-received={got} data-expected={qty} key={code}>
                          <div class="line-text">
                            <div class="line-name">{productName(code)}</div>
                            <div class="line-meta">{code}</div>
                          </div>
                          <div class="line-count">
                            <span class="count-done">{got}</span>
                            <span class="count-sep">/</span>
                            <span class="count-expected">{qty}</span>
                          </div>
                        </li>
                      );
                    })}
                  </ul>
                </section>
              )}

              <ReceivedUnits units={state.progress.units} reasons={reasons} productName={productName} dispatch={dispatch} />

              {parcel && (
                <section class="return-missing" data-testid="return-missing">
                  <h3>{t('returns.missing')}</h3>
                  <ul>
                    {[...missingUnits(state.progress, parcel)].map(([code, qty]) => (
                      <li class="line is-missing" data-testid={`return-missing-${code}`} data-qty={qty} key={code}>
                        {productName(code)} × {qty}
                      </li>
                    ))}
                  </ul>
                  {missingUnits(state.progress, parcel).size === 0 && <p class="hint">{t('returns.none')}</p>}
                </section>
              )}

              {state.progress.unexpected.length > 0 && (
                <section class="return-unexpected" data-testid="return-unexpected">
                  <h3>⚠ {t('returns.unexpected')}</h3>
                  <ul>
                    {state.progress.unexpected.map((u, i) => (
                      <li class="line is-unexpected" data-testid={`return-unexpected-${i}`} key={u.code}>
                        <span>
                          {u.productCode ? productName(u.productCode) : u.code} × {u.qty}
                        </span>
                        <button class="btn btn-small" onClick={() => dispatch({ type: 'removeUnexpected', item: i })}>
                          {t('returns.remove')}
                        </button>
                      </li>
                    ))}
                  </ul>
                </section>
              )}

              <label class="field">
                <span>{t('returns.note')}</span>
                <textarea
                  class="text-input"
                  data-testid="return-note"
                  rows={2}
                  maxLength={1000}
                  value={state.progress.note}
                  onChange={(e) => dispatch({ type: 'setNote', note: (e.currentTarget as HTMLTextAreaElement).value })}
                />
              </label>
            </article>
          </div>
          <div class="pack-actions">
            <button class="btn btn-cancel" data-testid="return-cancel" onClick={() => setConfirmCancel(true)}>
              {t('returns.cancel')}
            </button>
            <button class="btn btn-complete" data-testid="return-save" onClick={() => dispatch({ type: 'save' })}>
              {t('returns.save')}
            </button>
          </div>
        </>
      )}

      <FlowAlerts session={session} />

      {confirmCancel && state.step === 'receiving' && (
        <CancelDialog
          question={t('returns.cancelConfirm', { id: state.progress.shipmentId ?? state.progress.orderNumber })}
          testId="return-cancel-dialog"
          confirmTestId="return-cancel-confirm"
          onNo={() => setConfirmCancel(false)}
          onYes={() => {
            setConfirmCancel(false);
            dispatch({ type: 'cancel' });
          }}
        />
      )}
    </div>
  );
}
