/** Banners for problems that concern the whole device (vanished data, revocation, database). */
import type { AppModel } from '../app-model.js';
import type { Notice } from '../app-state.js';
import { t, type UiKey } from '../i18n/i18n.js';

const TEXT: Record<Notice, UiKey> = {
  vanished: 'db.vanished',
  repaired: 'db.repaired',
  revoked: 'enrol.revoked',
  dbBlocked: 'db.blocked',
  dbVersionChange: 'db.versionChange',
};

/** Every active notice, each with a way out. */
export function Notices({ model }: { model: AppModel }) {
  if (model.state.notices.size === 0) return null;
  return (
    <div class="notices">
      {[...model.state.notices].map((n) => (
        <div class={`notice notice-${n}`} role="alert" data-testid={`notice-${n}`} key={n}>
          <p>{t(TEXT[n])}</p>
          {n === 'dbVersionChange' || n === 'dbBlocked' ? (
            <button class="btn btn-small btn-light" onClick={() => location.reload()}>
              {t('db.reload')}
            </button>
          ) : (
            <button class="btn btn-small btn-light" onClick={() => model.state.dismissNotice(n)}>
              {t('common.close')}
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
