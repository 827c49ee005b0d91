/** The sync status bar at the top of every screen once enrolled; tap for the sync screen. */
import type { AppModel } from '../app-model.js';
import { formatTime } from '../i18n/catalogue.js';
import { getLang, t } from '../i18n/i18n.js';

/** Online/offline, unsent and refused counts, last sync time. */
export function StatusBar({ model }: { model: AppModel }) {
  const { counts, online, syncStatus: sync, lastSyncAt } = model.state;
  const retryIn = sync.failures > 0 && sync.retryAt ? Math.max(1, Math.round((sync.retryAt - Date.now()) / 1000)) : null;
  return (
    <button
      class={`status-bar ${online ? 'is-online' : 'is-offline'}`}
      data-testid="sync-status"
      data-pending={counts.pending}
      data-rejected={counts.rejected}
      data-online={online ? 'true' : 'false'}
      onClick={() => model.state.credential && model.state.session && model.state.navigate('sync')}
    >
      <span class="status-dot" aria-hidden="true" />
      <span class="status-net">{sync.running ? t('status.syncing') : online ? t('status.online') : t('status.offline')}</span>
      <span class={`status-count ${counts.pending > 0 ? 'has-pending' : ''}`}>{t('status.pending', { n: counts.pending })}</span>
      {counts.rejected > 0 && <span class="status-count has-rejected">{t('status.rejected', { n: counts.rejected })}</span>}
      <span class="status-time">
        {retryIn !== null
          ? t('status.failing', { sec: retryIn })
          : lastSyncAt
            ? t('status.lastSync', { time: formatTime(lastSyncAt, getLang()) })
            : t('status.never')}
      </span>
    </button>
  );
}
