/** "新しいバージョンがあります — 更新": offered only when no parcel is being verified. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n.js';
import { applyUpdate, onUpdateWaiting } from '../sw-bridge.js';

/** The update bar; applies the waiting service worker only on a tap. */
export function UpdateBar({ verifying }: { verifying: boolean }) {
  const [waiting, setWaiting] = useState(false);
  useEffect(() => onUpdateWaiting(setWaiting), []);
  if (!waiting || verifying) return null;
  return (
    <div class="update-bar" data-testid="update-bar" role="status">
      <span>{t('update.available')}</span>
      <button
        class="btn btn-small btn-light"
        onClick={() => {
          // Checked again at the tap: a parcel may have been opened since the bar appeared.
          if (!verifying) applyUpdate();
        }}
      >
        {t('update.apply')}
      </button>
    </div>
  );
}
