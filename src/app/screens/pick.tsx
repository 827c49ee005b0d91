/** Picking (ピッキング): choose a batch, then walk the stops in route order confirming every unit by scan. */
import { useMemo, useState } from 'preact/hooks';
import { currentStop, pickTotals, viewStops, type StopView } from '../../shared/flows/pick.js';
import type { PickBatch } from '../../shared/protocol/pick.js';
import type { AppModel } from '../app-model.js';
import { addWords, t, tm } from '../i18n/i18n.js';
import { PICK_WORDS } from '../i18n/catalogue-pick.js';
import { ScanInput } from '../scan/scan-input.js';
import { pickContext } from '../pick/pick-entry.js';
import { useFlowSession } from '../flow/use-flow-session.js';
import { FeedbackBanner } from '../components/feedback-banner.js';
import { FlowAlerts } from '../components/flow-alerts.js';
import { ProgressBar } from '../components/progress-bar.js';
import { useOpenAtTop } from '../components/open-at-top.js';

// This screen's words come with its chunk.
addWords(PICK_WORDS);

/** The pick screen. */
export function PickScreen({ model }: { model: AppModel }) {
  const session = model.flows.get('pick')!;
  // A scan re-renders this screen, not the app around it (flow/flow-session.ts).
  useFlowSession(session);
  const state = session.state;
  const [dialog, setDialog] = useState<'keypad' | 'short' | null>(null);
  const progress = state.step === 'picking' ? state.progress : null;
  // Rebuilt when the state, parcels or catalogue change, not on every render.
  const stops = useMemo(
    () => (progress ? viewStops(progress, pickContext(model.state, '')) : []),
    // model.state.version moves with every parcel, catalogue or settings change.
    [progress, model.state.version],
  );
  const stop = currentStop(stops);
  const totals = pickTotals(stops);
  const feedback = session.feedback;
  const tone = feedback?.tone ?? null;
  const overlayOpen = dialog !== null || session.failure !== null;
  useOpenAtTop(state.step);

  return (
    <div class={`pack pick ${tone === 'error' ? 'is-error' : ''}`} data-testid="pick-screen" data-step={state.step}>
      <div class="pack-top">
        <button class="btn btn-small" onClick={() => model.state.navigate('home')} data-testid="pick-back">
          ←
        </button>
        <ScanInput onScan={(text) => session.dispatch({ type: 'scan', text })} keepFocus={!overlayOpen} label={t('pick.title')} placeholder={t(progress ? 'pick.scanHere' : 'pick.title')} />
      </div>

      <FeedbackBanner
        session={session}
        prompt={tm(session.prompt())}
      />

      {progress ? (
        <>
          <div class="progress" data-testid="pick-progress" data-picked={totals.picked} data-total={totals.total}>
            <ProgressBar done={totals.picked} total={totals.total} />
            <span class="progress-text">{t('pick.progress', { picked: totals.picked, total: totals.total })}</span>
          </div>
          <div class="pack-body">
            {stop && <StopCard stop={stop} index={stops.indexOf(stop)} count={stops.length} multi={model.state.batches.byId.get(progress.batchId)?.shape !== 'single'} />}
            <NextStops stops={stops.filter((s) => s !== stop && s.status === 'open')} />
          </div>
          {stop && (
            <div class="pack-actions">
              <button class="btn btn-cancel" data-testid="short-button" onClick={() => setDialog('short')}>
                {t('pick.short')}
              </button>
              <button class="btn btn-complete" data-testid="keypad-button" disabled={stop.picked < 1} onClick={() => setDialog('keypad')}>
                {t('pick.keypad')}
              </button>
            </div>
          )}
        </>
      ) : (
        <BatchList model={model} />
      )}

      <FlowAlerts session={session} />

      {dialog && stop && (
        <QuantityDialog
          kind={dialog}
          max={dialog === 'keypad' ? stop.required : stop.required - 1}
          initial={stop.picked}
          onCancel={() => setDialog(null)}
          onSubmit={(qty) => {
            setDialog(null);
            session.dispatch(dialog === 'keypad' ? { type: 'setQty', qty } : { type: 'short', found: qty });
          }}
        />
      )}
    </div>
  );
}

function StopCard({ stop, index, count, multi }: { stop: StopView; index: number; count: number; multi: boolean }) {
  return (
    <article class="stop-card" data-testid="stop-card" data-product={stop.productCode}>
      <div class="stop-meta">{t('pick.stop', { n: index + 1, total: count })}</div>
      <div class={`stop-location ${stop.locationOk ? 'is-ok' : ''}`} data-testid="stop-location">
        {stop.location || '—'}
        {stop.parsedLocation === null && <span class="stop-flag">{t('pick.unparsedLocation')}</span>}
      </div>
      <div class="stop-name">{stop.name ?? stop.productCode}</div>
      <div class="stop-qty" data-testid="stop-qty" data-picked={stop.picked} data-required={stop.required}>
        {t('pick.qty', { picked: stop.picked, required: stop.required })}
      </div>
      {multi && (
        <ul class="stop-split" aria-label={t('pick.split')}>
          {stop.split.map((s) => (
            <li key={s.shipmentId} class={`split-row ${s.marked ? 'is-marked' : ''}`} data-testid={`split-slot-${s.slot}`} data-marked={String(s.marked)} data-shipment={s.shipmentId}>
              <span class="slot-no">{s.slot}</span>
              <span class="slot-qty">× {s.qty}</span>
              {s.topRank && <span class="slot-mark">★ {t('pick.mark.top')}</span>}
              {!s.topRank && s.flags.length > 0 && <span class="slot-mark">♥ {t('pick.mark.flag')}</span>}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function NextStops({ stops }: { stops: StopView[] }) {
  if (stops.length === 0) return null;
  return (
    <section class="next-stops">
      <h2>{t('pick.next')}</h2>
      <ol>
        {stops.map((s) => (
          <li key={s.productCode} data-testid={`next-${s.productCode}`}>
            <strong>{s.location}</strong> {s.name ?? s.productCode} × {s.required}
          </li>
        ))}
      </ol>
    </section>
  );
}

function BatchList({ model }: { model: AppModel }) {
  const session = model.flows.get('pick')!;
  const state = session.state;
  const batches = model.state.batches.list();
  const me = model.state.credential?.deviceId ?? '';
  return (
    <div class="pack-body batch-list" data-testid="batch-list">
      {state.step === 'idle' && state.last && (
        <div class={`last-batch ${state.last.outcome === 'lost' ? 'is-lost' : ''}`} data-testid="last-batch" data-outcome={state.last.outcome}>
          {state.last.outcome === 'completed' ? (
            <>
              <strong>✓ {t('pick.lastDone', { batchId: state.last.batchId })}</strong>
              {state.last.shortShipmentIds.length > 0 && <div>{t('pick.lastShort', { ids: state.last.shortShipmentIds.join(', ') })}</div>}
            </>
          ) : (
            <>
              <strong>{t('pick.lastLost', { batchId: state.last.batchId })}</strong>
              <div>{tm({ key: 'pick.batch.lost', params: { staff: state.last.holder?.staffName ?? '', device: state.last.holder?.deviceName ?? '' } })}</div>
            </>
          )}
        </div>
      )}
      <h2>{t('pick.batches')}</h2>
      {batches.length === 0 && <p class="hint">{t('pick.noBatches')}</p>}
      {batches.map((b) => (
        <BatchCard key={b.batchId} batch={b} takenByOther={!!b.claimedBy && b.claimedBy.deviceId !== me} onClaim={() => session.dispatch({ type: 'claim', batchId: b.batchId })} />
      ))}
    </div>
  );
}

function BatchCard({ batch, takenByOther, onClaim }: { batch: PickBatch; takenByOther: boolean; onClaim: () => void }) {
  return (
    <article class={`batch-card ${takenByOther ? 'is-taken' : ''}`} data-testid={`batch-${batch.batchId}`} data-shape={batch.shape} data-status={batch.status} data-size={batch.shipmentIds.length}>
      <div class="batch-head">
        <span class={`shape-badge shape-${batch.shape}`}>{t(batch.shape === 'single' ? 'pick.shape.single' : 'pick.shape.multi')}</span>
        <strong class="batch-size">{t('pick.size', { parcels: batch.shipmentIds.length })}</strong>
        <span class="batch-id">{batch.batchId}</span>
      </div>
      <div class="batch-kind">
        {batch.insertCodes.length > 0 && <span>{t('pick.inserts', { codes: batch.insertCodes.join('+') })}</span>}
        {batch.giftCode && <span>{t('pick.gift', { code: batch.giftCode })}</span>}
      </div>
      {takenByOther && batch.claimedBy ? (
        <p class="batch-taken" data-testid="batch-taken">
          {t('pick.takenBy', { staff: batch.claimedBy.staffName, device: batch.claimedBy.deviceName })}
        </p>
      ) : (
        <button class="btn btn-primary btn-block" data-testid={`claim-${batch.batchId}`} onClick={onClaim}>
          {t('pick.claim')}
        </button>
      )}
    </article>
  );
}

function QuantityDialog(props: { kind: 'keypad' | 'short'; max: number; initial: number; onCancel: () => void; onSubmit: (qty: number) => void }) {
  return (
    <div class="modal-backdrop">
      <form
        class="modal"
        data-testid={`${props.kind}-dialog`}
        onSubmit={(e) => {
          e.preventDefault();
          const input = e.currentTarget.elements.namedItem('qty') as HTMLInputElement;
          const qty = Number(input.value);
          if (input.value.trim() !== '' && Number.isInteger(qty)) props.onSubmit(qty);
        }}
      >
        <h2>{t(props.kind === 'keypad' ? 'pick.keypadTitle' : 'pick.shortTitle')}</h2>
        {props.kind === 'short' && <p class="hint">{t('pick.shortHint')}</p>}
        <input
          name="qty"
          type="number"
          min={props.kind === 'keypad' ? 1 : 0}
          max={props.max}
          inputMode="numeric"
          class="text-input big-input"
          data-testid={`${props.kind}-input`}
          defaultValue={String(props.initial)}
          ref={(el) => {
            if (el && document.activeElement !== el) setTimeout(() => el.select(), 0);
          }}
        />
        <div class="row">
          <button type="button" class="btn" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="btn btn-primary" data-testid={`${props.kind}-submit`}>
            {t('common.confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}
