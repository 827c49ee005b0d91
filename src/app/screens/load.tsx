/**
 * 積込検品 / 出荷確定: choose the carrier whose truck is at the dock, scan each box's label as it goes on,
 * close the handover when the driver leaves. At 360×640 the prompt, the feedback, the count still on
 * the shelf and the one button the step needs are all in view without scrolling.
 */
import { useMemo, useState } from 'preact/hooks';
import { CARRIER_IDS } from '../../shared/domain/carrier-ids.js';
import { carrierBacklog } from '../../shared/domain/loading.js';
import type { AppModel } from '../app-model.js';
import { CancelDialog } from '../components/cancel-dialog.js';
import { FeedbackBanner } from '../components/feedback-banner.js';
import { FlowAlerts } from '../components/flow-alerts.js';
import { useFlowSession } from '../flow/use-flow-session.js';
import { LOAD_WORDS } from '../i18n/catalogue-load.js';
import { addWords, t, tm, type UiKey } from '../i18n/i18n.js';
import { ScanInput } from '../scan/scan-input.js';

// This screen's words come with its chunk.
addWords(LOAD_WORDS);

/** The loading screen. */
export function LoadScreen({ model }: { model: AppModel }) {
  const session = model.flows.get('load')!;
  // A scan re-renders this screen, not the app around it (flow/flow-session.ts).
  useFlowSession(session);
  const state = session.state;
  const [confirmClose, setConfirmClose] = useState(false);
  const dispatch = session.dispatch.bind(session);
  const loadedHere = model.state.loadedLabels;
  const loadedCount = state.step === 'loading' ? state.handover.loaded.length : 0;
  // Recounted when the parcels change (a pull, a commit) or this truck takes a box.
  const backlogs = useMemo(
    () => new Map(CARRIER_IDS.map((c) => [c, carrierBacklog(model.state.parcels.values(), c, loadedHere)])),
    [model.state.version, loadedCount],
  );
  const tone = session.feedback?.tone ?? null;

  return (
    <div class={`pack load ${tone === 'error' ? 'is-error' : ''}`} data-testid="load-screen" data-step={state.step}>
      <div class="pack-top">
        <button class="btn btn-small" onClick={() => model.state.navigate('home')} data-testid="load-back">
          ←
        </button>
        <ScanInput onScan={(text) => dispatch({ type: 'scan', text })} keepFocus={!confirmClose && session.failure === null} label={t('load.title')} placeholder={t('load.waiting')} />
      </div>

      <FeedbackBanner session={session} prompt={tm(session.prompt())} />

      {state.step === 'chooseCarrier' ? (
        <div class="load-carriers">
          {CARRIER_IDS.map((c) => {
            const backlog = backlogs.get(c)!;
            return (
              <button class="btn load-carrier" data-testid={`load-carrier-${c}`} data-boxes={backlog.boxes} key={c} onClick={() => dispatch({ type: 'start', carrierId: c })}>
                <span class="load-carrier-name">{t(`load.carrier.${c}` as UiKey)}</span>
                <span class="load-carrier-count">{t('load.backlog', { ...backlog })}</span>
              </button>
            );
          })}
          {state.last && <p class="hint" data-testid="load-last">{t('load.last', { carrier: state.last.carrierId, boxes: state.last.boxesLoaded })}</p>}
        </div>
      ) : (
        (() => {
          const { handover } = state;
          const backlog = backlogs.get(handover.carrierId)!;
          return (
            <>
              <div class="load-count" data-testid="load-count" data-carrier={handover.carrierId} data-left={backlog.boxes} data-loaded={handover.loaded.length}>
                <div class="load-count-carrier">{t(`load.carrier.${handover.carrierId}` as UiKey)}</div>
                <div class="load-count-left" data-testid="load-left">
                  {t('load.backlog', { ...backlog })}
                </div>
                <div class="load-count-loaded" data-testid="load-loaded">
                  {t('load.loadedNow', { boxes: handover.loaded.length })}
                </div>
              </div>
              <div class="pack-actions load-actions">
                <button class="btn btn-cancel" data-testid="load-cancel" disabled={handover.loaded.length > 0} onClick={() => dispatch({ type: 'cancel' })}>
                  {t('load.cancel')}
                </button>
                <button
                  class="btn btn-complete"
                  data-testid="load-close"
                  onClick={() => (backlog.boxes > 0 && handover.loaded.length > 0 ? setConfirmClose(true) : dispatch({ type: 'close' }))}
                >
                  {t('load.close')}
                </button>
              </div>
            </>
          );
        })()
      )}

      <FlowAlerts session={session} />

      {confirmClose && state.step === 'loading' && (
        <CancelDialog
          question={t('load.closeConfirm', { boxes: backlogs.get(state.handover.carrierId)?.boxes ?? 0 })}
          testId="load-close-dialog"
          confirmTestId="load-close-confirm"
          onNo={() => setConfirmClose(false)}
          onYes={() => {
            setConfirmClose(false);
            dispatch({ type: 'close' });
          }}
        />
      )}
    </div>
  );
}
