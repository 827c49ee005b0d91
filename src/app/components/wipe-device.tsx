/** "Wipe this device": asks first, says that unsent records are kept, then wipes and returns to enrolment. */
import { useState } from 'preact/hooks';
import type { AppModel } from '../app-model.js';
import { t } from '../i18n/i18n.js';

/** The button and its confirmation. */
export function WipeDevice({ model }: { model: AppModel }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <button class="btn btn-cancel btn-block" data-testid="wipe-device" onClick={() => setAsking(true)}>
        {t('wipe.button')}
      </button>
    );
  }
  return (
    <div class="confirm" role="alertdialog" data-testid="wipe-confirm">
      <p>{t('wipe.confirm')}</p>
      {model.state.counts.pending + model.state.counts.rejected > 0 && <p class="hint">{t('wipe.keepsPending', { n: model.state.counts.pending + model.state.counts.rejected })}</p>}
      <div class="pack-actions">
        <button class="btn" data-testid="wipe-no" onClick={() => setAsking(false)}>
          {t('wipe.no')}
        </button>
        <button
          class="btn btn-cancel"
          data-testid="wipe-yes"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void model.device.wipeDevice();
          }}
        >
          {t('wipe.yes')}
        </button>
      </div>
    </div>
  );
}
