/** The outbox in words: unsent, refused (with the server's reason) and synced events. */
import { useEffect, useState } from 'preact/hooks';
import type { AppModel } from '../app-model.js';
import { formatTime } from '../i18n/catalogue.js';
import { addWords, describeRejection, getLang, t } from '../i18n/i18n.js';
import { SYNC_WORDS } from '../i18n/catalogue-sync.js';
import { listOutbox } from '../store/outbox-lookups.js';
import type { OutboxEntry, OutboxStatus } from '../store/schema.js';
import { AuthError, HttpError, ProtocolError } from '../sync/api.js';
import { WipeDevice } from '../components/wipe-device.js';

// This screen's words come with its chunk.
addWords(SYNC_WORDS);

/** The sync status screen. */
export function SyncScreen({ model }: { model: AppModel }) {
  const [lists, setLists] = useState<Record<OutboxStatus, OutboxEntry[]> | null>(null);
  // Reload the lists whenever the counts change (after each commit and sync).
  const key = `${model.state.counts.pending}/${model.state.counts.rejected}/${model.state.counts.synced}/${model.state.lastSyncAt}`;
  useEffect(() => {
    let live = true;
    void Promise.all([listOutbox(model.store, 'pending'), listOutbox(model.store, 'rejected'), listOutbox(model.store, 'synced', 50)]).then(
      ([pending, rejected, synced]) => live && setLists({ pending, rejected, synced }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  const lang = getLang();
  const error = model.state.syncStatus.lastError;
  return (
    <section class="panel sync" data-testid="sync-screen">
      <header class="panel-head">
        <button class="btn btn-small" onClick={() => model.state.navigate('home')}>
          ← {t('common.back')}
        </button>
        <h1>{t('sync.title')}</h1>
      </header>
      <button class="btn btn-primary btn-block" data-testid="sync-now" disabled={model.state.syncStatus.running} onClick={() => model.syncNow()}>
        {model.state.syncStatus.running ? t('status.syncing') : t('sync.now')}
      </button>
      {error != null && !model.state.syncStatus.running && (
        <p class="form-error">
          {t('sync.lastError', {
            error:
              error instanceof ProtocolError
                ? t('sync.error.protocol')
                : error instanceof HttpError || error instanceof AuthError
                  ? `${t('sync.error.server')} (${(error as Error).message})`
                  : t('sync.error.network'),
          })}
        </p>
      )}
      <Section title={`${t('sync.rejected')} (${model.state.counts.rejected})`} entries={lists?.rejected} testId="sync-rejected" tone="rejected">
        {(e) => <p class="entry-reason">{e.rejection ? describeRejection(e.rejection, lang) : ''}</p>}
      </Section>
      <Section title={`${t('sync.pending')} (${model.state.counts.pending})`} entries={lists?.pending} testId="sync-pending" tone="pending" />
      <Section title={`${t('sync.synced')} (${model.state.counts.synced})`} entries={lists?.synced} testId="sync-synced" tone="synced" />
      <WipeDevice model={model} />
    </section>
  );
}

/** What an outbox entry was, in words. */
function eventLabel(e: OutboxEntry): string {
  const event = e.event;
  switch (event.type) {
    case 'parcel.packed':
      return t('sync.event.packed', { shipmentId: event.payload.shipmentId });
    case 'batch.claimed':
      return t('sync.event.claimed', { batchId: event.payload.batchId });
    case 'pick.confirmed':
      return t('sync.event.picked', { batchId: event.payload.batchId, productCode: event.payload.productCode });
    case 'pick.short':
      return t('sync.event.short', { batchId: event.payload.batchId, productCode: event.payload.productCode });
    case 'batch.completed':
      return t('sync.event.batchDone', { batchId: event.payload.batchId });
    case 'return.received':
      return t('sync.event.returned', { id: event.payload.shipmentId ?? event.payload.orderNumber });
  }
}

function Section(props: {
  title: string;
  entries: OutboxEntry[] | undefined;
  testId: string;
  tone: OutboxStatus;
  children?: (e: OutboxEntry) => preact.ComponentChild;
}) {
  const lang = getLang();
  return (
    <div class={`outbox-section outbox-${props.tone}`} data-testid={props.testId}>
      <h2>{props.title}</h2>
      {props.entries && props.entries.length === 0 && <p class="hint">{t('sync.empty')}</p>}
      <ul>
        {props.entries?.map((e) => (
          <li key={e.id} class="entry" data-testid={`event-${e.id}`} data-status={e.status}>
            <div class="entry-head">
              <strong>{eventLabel(e)}</strong>
              <span class="entry-time">
                #{e.deviceSeq} · {formatTime(e.recordedAt, lang)}
              </span>
            </div>
            {props.children?.(e)}
          </li>
        ))}
      </ul>
    </div>
  );
}
