/** The "really cancel?" dialog of a flow screen: cancelling throws away the parcel or receipt in hand. */
import { t } from '../i18n/i18n.js';

/** Asks `question`; "yes" calls onYes, "no" onNo; the test ids name the dialog and its confirm button. */
export function CancelDialog({ question, testId, confirmTestId, onYes, onNo }: { question: string; testId: string; confirmTestId: string; onYes: () => void; onNo: () => void }) {
  return (
    <div class="modal-backdrop">
      <div class="modal" role="alertdialog" data-testid={testId}>
        <p>{question}</p>
        <div class="row">
          <button class="btn" onClick={onNo}>
            {t('flow.cancelNo')}
          </button>
          <button class="btn btn-danger" data-testid={confirmTestId} onClick={onYes}>
            {t('flow.cancelYes')}
          </button>
        </div>
      </div>
    </div>
  );
}
