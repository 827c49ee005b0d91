/** 返品受付: find the parcel (slip, return label, order number, customer name), confirm each item by scan, save. */
import { useMemo, useState } from 'preact/hooks';
import { expectedUnits } from '../../shared/domain/parcel-units.js';
import { missingUnits, reasonsOf, receivedCounts } from '../../shared/flows/return.js';
import type { AppModel } from '../app-model.js';
import { addWords, t, tm } from '../i18n/i18n.js';
import { RETURNS_WORDS } from '../i18n/catalogue-returns.js';
import { searchReturnParcels } from '../returns/search-parcels.js';
import { ScanInput } from '../scan/scan-input.js';
import { useFlowSession } from '../flow/use-flow-session.js';
import { FeedbackBanner } from '../components/feedback-banner.js';
import { FlowAlerts } from '../components/flow-alerts.js';
import { CancelDialog } from '../components/cancel-dialog.js';
import { ReceivedUnits } from './received-units.js';
import { ReturnHead } from './return-head.js';
import { ProgressBar } from '../components/progress-bar.js';
import type { Parcel } from '../../shared/domain/parcel.js';
import { useOpenAtTop } from '../components/open-at-top.js';

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
  const parcel = state.step === 'receiving' && state.progress.shipmentId ? model.state.parcels.get(state.progress.shipmentId) : undefined;
  const reasons = reasonsOf({ index: model.state.index });
  const hits = useMemo(() => (state.step === 'find' ? searchReturnParcels(model.state.parcels.values(), query) : []), [query, state.step, model.state.version]);
  const productName = (code: string) => model.state.index.productByCode.get(code)?.name ?? code;
  const dispatch = session.dispatch.bind(session);
  const overlayOpen = confirmCancel || session.failure !== null;
  useOpenAtTop(state.step);

  return (
    <div class={`pack returns ${tone === 'error' ? 'is-error' : ''}`} data-testid="returns-screen" data-step={state.step}>
      <div class="pack-top">
        <button class="btn btn-small" onClick={() => model.state.navigate('home')} data-testid="returns-back">
          ←
        </button>
        <ScanInput onScan={(text) => dispatch({ type: 'scan', text })} keepFocus={!overlayOpen} label={t('returns.title')} placeholder={t(state.step === 'find' ? 'returns.waiting' : 'returns.waitingItems')} />
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
          {state.lastSaved && (
            <div class="return-saved" data-testid="return-last-saved" data-sent={String(model.state.counts.pending === 0)}>
              <p>{t('returns.saved', { id: state.lastSaved })}</p>
              {/* The receipt mail is sent by the server once the event arrives: nothing waiting here means it arrived. */}
              <p class="return-next" data-testid="return-next">
                {model.state.counts.pending === 0 ? `✓ ${t('returns.sent')}` : t('returns.mailOnSync')}
              </p>
            </div>
          )}
        </div>
      ) : (
        <>
          {parcel && <ReturnProgress parcel={parcel} received={state.progress.units.length} />}
          <div class="pack-body">
            <article class="parcel-card" data-testid="return-card" data-shipment={state.progress.shipmentId ?? ''} data-order={state.progress.orderNumber}>
              <ReturnHead parcel={parcel} shipmentId={state.progress.shipmentId} orderNumber={state.progress.orderNumber} index={model.state.index} />

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

/** Units received so far against units shipped: the count under the feedback line. */
function ReturnProgress({ parcel, received }: { parcel: Parcel; received: number }) {
  const shipped = [...expectedUnits(parcel).values()].reduce((sum, n) => sum + n, 0);
  return (
    <div class="progress" data-testid="return-progress" data-received={received} data-shipped={shipped}>
      <ProgressBar done={Math.min(received, shipped)} total={shipped} />
      <span class="progress-text">{t('returns.progress', { received, shipped })}</span>
    </div>
  );
}
