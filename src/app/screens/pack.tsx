/** Pack-time verification (梱包時検品): wedge scans drive the shared pack state table. */
import { useCallback, useMemo, useState } from 'preact/hooks';
import { resolveParcel } from '../../shared/domain/resolve-parcel.js';
import { outstandingSteps, verifiedUnits, type PackAction } from '../../shared/flows/pack.js';
import type { AppModel } from '../app-model.js';
import { FeedbackBanner } from '../components/feedback-banner.js';
import { FlowAlerts } from '../components/flow-alerts.js';
import { CancelDialog } from '../components/cancel-dialog.js';
import { memo } from '../components/memo.js';
import { ProgressBar } from '../components/progress-bar.js';
import { useFlowSession } from '../flow/use-flow-session.js';
import { t, tm } from '../i18n/i18n.js';
import { ScanInput } from '../scan/scan-input.js';
import { LabelStepSlot } from './label-step-slot.js';
import { ParcelCard } from './parcel-card.js';

/** The scan input, re-rendered only when its props change (not on every scan). */
const StableScanInput = memo(ScanInput);

/** The pack screen. */
export function PackScreen({ model }: { model: AppModel }) {
  const pack = model.flows.pack;
  // An item scan re-renders this screen, not the app around it (flow/flow-session.ts).
  useFlowSession(pack);
  const state = pack.state;
  const [manual, setManual] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const parcel = state.step === 'verifying' ? model.state.parcels.get(state.progress.shipmentId) : undefined;
  // Resolved once per parcel/catalogue change, not per scan.
  const resolved = useMemo(() => (parcel ? resolveParcel(parcel, model.state.index) : null), [parcel, model.state.index]);
  // Stable, so the card's memoised sections skip re-rendering on a scan that did not change them.
  const dispatch = useCallback((action: PackAction) => pack.dispatch(action), [pack]);
  const onScan = useCallback((text: string) => pack.dispatch({ type: 'scan', text }), [pack]);
  const feedback = pack.feedback;
  const tone = feedback?.tone ?? null;
  const outstanding = state.step === 'verifying' && resolved ? outstandingSteps(state.progress, resolved) : null;
  const overlayOpen = manual || confirmCancel || pack.failure !== null;

  return (
    <div class={`pack ${tone === 'error' ? 'is-error' : ''}`} data-testid="pack-screen" data-step={state.step}>
      <div class="pack-top">
        <button class="btn btn-small" onClick={() => model.state.navigate('home')} data-testid="pack-back">
          ←
        </button>
        <StableScanInput onScan={onScan} keepFocus={!overlayOpen} label={t('pack.title')} placeholder={t('pack.waiting')} />
        <button class="btn btn-small" data-testid="manual-entry" onClick={() => setManual(true)}>
          {t('pack.manual')}
        </button>
      </div>

      <FeedbackBanner
        session={pack}
        prompt={tm(pack.prompt())}
        onErrorTap={() => pack.clearFeedback()}
      />

      {state.step === 'verifying' && resolved ? (
        <>
          <div class="progress" data-testid="progress" data-verified={verifiedUnits(state.progress)} data-total={resolved.totalUnits}>
            <ProgressBar done={verifiedUnits(state.progress)} total={resolved.totalUnits} />
            <span class="progress-text">{t('pack.progress', { verified: verifiedUnits(state.progress), total: resolved.totalUnits })}</span>
          </div>
          <LabelStepSlot key={state.progress.shipmentId} parcel={resolved.parcel} progress={state.progress} contentDone={!outstanding?.some((s) => !s.startsWith('label:') && s !== 'boxes')} dispatch={dispatch} />
          <div class="pack-body">
            <ParcelCard resolved={resolved} progress={state.progress} dispatch={dispatch} />
          </div>
          <div class="pack-actions">
            <button class="btn btn-cancel" data-testid="cancel-button" onClick={() => setConfirmCancel(true)}>
              {t('pack.cancel')}
            </button>
            <button
              class="btn btn-complete"
              data-testid="complete-button"
              disabled={!outstanding || outstanding.length > 0}
              data-outstanding={outstanding?.length ?? 0}
              onClick={() => pack.dispatch({ type: 'complete' })}
            >
              {t('pack.complete')}
            </button>
          </div>
        </>
      ) : (
        <div class="pack-idle">
          {state.step === 'awaitSlip' && state.lastPacked && tone === 'complete' ? (
            <div class="packed-banner" data-testid="packed-banner">
              <div class="packed-title">✓ {t('pack.packedBanner')}</div>
              <div class="packed-id">{state.lastPacked}</div>
            </div>
          ) : (
            <div class="await-slip">
              <div class="await-icon" aria-hidden="true">
                ▥
              </div>
              <p>{t('pack.waiting')}</p>
            </div>
          )}
          {state.step === 'awaitSlip' && state.lastPacked && <p class="hint">{t('pack.lastPacked', { shipmentId: state.lastPacked })}</p>}
        </div>
      )}

      <FlowAlerts session={pack} />

      {manual && (
        <div class="modal-backdrop">
          <form
            class="modal"
            data-testid="manual-dialog"
            onSubmit={(e) => {
              e.preventDefault();
              const input = e.currentTarget.elements.namedItem('code') as HTMLInputElement;
              const text = input.value.trim();
              setManual(false);
              if (text) pack.dispatch({ type: 'scan', text });
            }}
          >
            <h2>{t('pack.manualTitle')}</h2>
            <input
              name="code"
              class="text-input big-input"
              data-testid="manual-input"
              inputMode="text"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              placeholder={t('pack.manualPlaceholder')}
              ref={(el) => {
                if (el && document.activeElement !== el) setTimeout(() => el.focus(), 0);
              }}
            />
            <div class="row">
              <button type="button" class="btn" onClick={() => setManual(false)}>
                {t('common.cancel')}
              </button>
              <button type="submit" class="btn btn-primary" data-testid="manual-submit">
                {t('pack.manualSubmit')}
              </button>
            </div>
          </form>
        </div>
      )}

      {confirmCancel && state.step === 'verifying' && (
        <CancelDialog
          question={t('pack.cancelConfirm', { shipmentId: state.progress.shipmentId })}
          testId="cancel-dialog"
          confirmTestId="cancel-confirm"
          onNo={() => setConfirmCancel(false)}
          onYes={() => {
            setConfirmCancel(false);
            pack.dispatch({ type: 'cancel' });
          }}
        />
      )}
    </div>
  );
}
