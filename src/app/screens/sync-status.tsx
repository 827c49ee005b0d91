/** The outbox in words: unsent, refused (with the server's reason) and synced events. */
import { useEffect, useState } from 'preact/hooks';
import type { AppModel } from '../app-model.js';
import { formatTime } from '../i18n/catalogue.js';
import { addWords, describeRejection, getLang, t } from '../i18n/i18n.js';
import { SYNC_WORDS } from '../i18n/catalogue-sync.js';
import { listOutbox } from '../store/outbox-lookups.js';
import type { OutboxEntry, OutboxStatus } from '../store/schema.js';
import type { StuckEvent } from '../store/outbox-retry.js';
import { AuthError, HttpError, ProtocolError, RetryableError } from '../sync/api.js';
import { WipeDevice } from '../components/wipe-device.js';

// This screen's words come with its chunk.
addWords(SYNC_WORDS);

/** The sync status screen. */
export function SyncScreen({ model }: { model: AppModel }) {
  const [lists, setLists] = useState<Record<OutboxStatus, OutboxEntry[]> | null>(null);
  // Reload the lists whenever the counts change (after each commit and sync).
  const { counts, syncStatus } = model.state;
  // … and after each failed attempt, whose count and reason the pending list shows.
  const key = `${counts.pending}/${counts.rejected}/${counts.synced}/${model.state.lastSyncAt}/${counts.stuck?.attempts}/${syncStatus.failures}/${syncStatus.running}`;
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
                : error instanceof RetryableError && error.status !== null
                  ? `${t('sync.error.serverFailing')} (${error.message})`
                  : error instanceof HttpError || error instanceof AuthError
                  ? `${t('sync.error.server')} (${(error as Error).message})`
                  : t('sync.error.network'),
          })}
        </p>
      )}
      {model.state.counts.stuck && <StuckNotice stuck={model.state.counts.stuck} entry={lists?.pending.find((e) => e.id === model.state.counts.stuck?.id)} />}
      <Section title={`${t('sync.rejected')} (${model.state.counts.rejected})`} entries={lists?.rejected} testId="sync-rejected" tone="rejected">
        {(e) => <p class="entry-reason">{e.rejection ? describeRejection(e.rejection, lang) : ''}</p>}
      </Section>
      <Section title={`${t('sync.pending')} (${model.state.counts.pending})`} entries={lists?.pending} testId="sync-pending" tone="pending">
        {(e) => <RetryLine entry={e} />}
      </Section>
      <Section title={`${t('sync.synced')} (${model.state.counts.synced})`} entries={lists?.synced} testId="sync-synced" tone="synced" />
      <WipeDevice model={model} />
    </section>
  );
}

/** The oldest queued event that will not sync: what it is, since when, how often it failed, and the server's reason. */
function StuckNotice({ stuck, entry }: { stuck: StuckEvent; entry: OutboxEntry | undefined }) {
  const params = { event: entry ? eventLabel(entry) : stuck.type, at: formatTime(stuck.recordedAt, getLang()), attempts: stuck.attempts, kb: Math.ceil((stuck.tooLarge ?? 0) / 1024) };
  return (
    <div class="form-error" role="alert" data-testid="sync-stuck" data-event={stuck.id} data-attempts={stuck.attempts} style={{ overflowWrap: 'anywhere' }}>
      <strong>{t('sync.stuck.title')}</strong>
      <p class="entry-reason">{t(stuck.tooLarge !== undefined ? 'sync.stuck.tooLarge' : 'sync.stuck.body', params)}</p>
      {stuck.reason && <p data-testid="sync-stuck-reason">{t('sync.stuck.reason', { reason: stuck.reason })}</p>}
    </div>
  );
}

/** A queued event that failed: how often, and when it is tried again (or that no push can carry it). */
function RetryLine({ entry }: { entry: OutboxEntry }) {
  if (entry.tooLarge !== undefined) return <p class="entry-reason">{t('sync.entry.tooLarge', { kb: Math.ceil(entry.tooLarge / 1024) })}</p>;
  if (!entry.attempts) return null;
  const later = entry.retryAt !== undefined && Date.parse(entry.retryAt) > Date.now();
  return (
    <p class="entry-time" data-testid="entry-retry" style={{ overflowWrap: 'anywhere' }}>
      {later ? t('sync.entry.failed', { n: entry.attempts, time: formatTime(entry.retryAt, getLang()) }) : t('sync.entry.failedNow', { n: entry.attempts })}
      {entry.lastReason ? ` · ${entry.lastReason}` : ''}
    </p>
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
    case 'load.scanned':
      return t('sync.event.loaded', { trackingNumber: event.payload.trackingNumber });
    case 'handover.closed':
      return t('sync.event.handoverClosed', { carrier: event.payload.carrierId });
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
