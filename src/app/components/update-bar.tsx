/**
 * "新しいバージョンがあります — 更新": offered only when no parcel is being verified. When the server
 * no longer serves this app, "アプリを更新してください" instead, shown at all times: nothing syncs until then.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n.js';
import { onUpdateRequired } from '../sync/update-required.js';
import { applyUpdate, fetchUpdate, onUpdateWaiting } from '../sw-bridge.js';

/** The update bar; applies the waiting service worker only on a tap. */
export function UpdateBar({ verifying }: { verifying: boolean }) {
  const [waiting, setWaiting] = useState(false);
  const [required, setRequired] = useState(false);
  useEffect(() => onUpdateWaiting(setWaiting), []);
  useEffect(() => onUpdateRequired(setRequired), []);
  if (required) {
    return (
      <div class="update-bar update-required" data-testid="update-required" role="alert">
        <span>{t('update.required')}</span>
        <button class="btn btn-small btn-light" onClick={() => (waiting ? applyUpdate() : void fetchUpdate())}>
          {t('update.apply')}
        </button>
      </div>
    );
  }
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
