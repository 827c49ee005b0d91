/** The two blocking alerts every flow screen shows: the red "refused" overlay and the "not saved" storage dialog. */
import type { FlowSession } from '../flow/flow-session.js';
import { t, tm } from '../i18n/i18n.js';

/** Red overlay for a refused scan (until a tap or the next good scan) and the dialog for a write that failed. */
export function FlowAlerts({ session }: { session: FlowSession<unknown, unknown> }) {
  const feedback = session.feedback;
  return (
    <>
      {feedback?.tone === 'error' && (
        <div class="error-overlay" data-testid="error-overlay" onClick={() => session.clearFeedback()}>
          <p class="error-text">{tm(feedback.message)}</p>
          <p class="error-hint">{t('flow.tapToDismiss')}</p>
        </div>
      )}
      {session.failure && (
        <div class="modal-backdrop">
          <div class="modal modal-danger" role="alertdialog" data-testid="storage-error">
            <p class="error-text">{t('flow.storageError', { reason: session.failure.reason })}</p>
            <button class="btn btn-light btn-block" onClick={() => session.dismissFailure()}>
              {t('common.ok')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
