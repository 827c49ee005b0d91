/**
 * The one thing to do now on the pack screen, large, right under the feedback line and the count:
 * what to scan, how to wrap, which insert to add, which human-touch step to confirm. One renderer per
 * kind of step (src/shared/flows/pack-step.ts): a new step is a member there and a renderer here.
 * Part of the main bundle (the pack screen is).
 */
import type { VNode } from 'preact';
import type { PackAction } from '../../shared/flows/pack.js';
import type { PackStep, PackStepKind } from '../../shared/flows/pack-step.js';
import { getLang, t, type UiKey } from '../i18n/i18n.js';
import { GiftDetails } from './gift-details.js';
import { LabelStepSlot } from './label-step-slot.js';

/** What a renderer may use besides its step. */
interface StepView {
  dispatch: (action: PackAction) => void;
  /** The last action completed a parcel (its banner shows instead of the bare slip prompt). */
  justPacked: boolean;
}

type Renderers = { [K in PackStepKind]: (step: Extract<PackStep, { kind: K }>, view: StepView) => VNode };

/** The scan field's placeholder per step: short enough for the field at 360 px wide. */
export function scanPlaceholder(step: PackStep): string {
  if (step.kind === 'slip') return t('pack.scan.slip');
  if (step.kind === 'item') return t('pack.scan.item');
  if (step.kind === 'insert' && step.insert.barcode) return t('pack.scan.insert');
  if (step.kind === 'label') return t('pack.scan.label');
  return t('pack.scan.any');
}

/** The current step, large. */
export function PackStepNow({ step, dispatch, justPacked }: { step: PackStep } & StepView) {
  const render = RENDERERS[step.kind] as (step: PackStep, view: StepView) => VNode;
  return (
    <section class={`step-now step-now-${step.kind}`} data-testid="step-now" data-step={step.kind} aria-live="polite">
      {render(step, { dispatch, justPacked })}
    </section>
  );
}

const RENDERERS: Renderers = {
  slip: (step, { justPacked }) =>
    justPacked && step.lastPacked ? (
      <div class="packed-banner" data-testid="packed-banner">
        <div class="packed-title">✓ {t('pack.packedBanner')}</div>
        <div class="packed-id">{step.lastPacked}</div>
        <div class="step-instruction" data-testid="step-instruction">
          {t('pack.step.nextSlip')}
        </div>
      </div>
    ) : (
      <>
        <div class="step-instruction" data-testid="step-instruction">
          <span class="await-icon" aria-hidden="true">
            ▥
          </span>{' '}
          {t('pack.waiting')}
        </div>
        {step.lastPacked && <p class="hint">{t('pack.lastPacked', { shipmentId: step.lastPacked })}</p>}
      </>
    ),
  item: (step) => (
    <>
      <div class="step-instruction" data-testid="step-instruction">
        {t('pack.step.item')}
        <span class="step-left">{t('pack.step.unitsLeft', { n: step.remaining })}</span>
      </div>
      <div class="step-subject">{step.line.name ?? step.line.productCode}</div>
      <div class="step-meta">
        {step.line.location ? `${step.line.location} · ` : ''}
        {step.line.productCode}
        <span class="step-count">
          {step.done}/{step.line.qty}
        </span>
      </div>
    </>
  ),
  insert: (step, { dispatch }) => (
    <>
      <div class="step-instruction" data-testid="step-instruction">
        {t(step.insert.barcode ? 'pack.step.insertScan' : 'pack.step.insertTap')}
        <span class="step-left">{t('pack.step.insertsLeft', { n: step.remaining })}</span>
      </div>
      <div class="step-subject">{step.insert.name ?? step.insert.code}</div>
      {!step.insert.barcode && (
        <button
          class="btn btn-confirm btn-block step-action"
          data-testid={`insert-confirm-${step.insert.code}`}
          onClick={() => dispatch({ type: 'confirmInsert', code: step.insert.code })}
        >
          {t('pack.insertTap')}
        </button>
      )}
    </>
  ),
  gift: (step, { dispatch }) => (
    <div class="step-gift" data-testid="gift-step" data-gift={step.gift.gift.code}>
      <div class="step-instruction" data-testid="step-instruction">
        {t('pack.step.gift')} <span class="gift-code">{step.gift.gift.code}</span>
      </div>
      <GiftDetails gift={step.gift} withDescription={true} />
      <button class="btn btn-confirm btn-block step-action" data-testid="gift-confirm" onClick={() => dispatch({ type: 'confirmGift' })}>
        {t('pack.gift.confirm')}
      </button>
    </div>
  ),
  humanTouch: (step, { dispatch }) => {
    const lang = getLang();
    return (
      <>
        <div class="step-instruction" data-testid="step-instruction">
          {t('pack.step.humanTouch')}
        </div>
        {step.flags.map((f) => {
          const instruction = lang === 'en' ? (f.instructionEn ?? f.instruction) : f.instruction;
          return (
            <div class={`flag-banner flag-${f.flag}`} data-flag={f.flag} key={f.flag}>
              <div class="flag-title">{t(`flag.${f.flag}` as UiKey)}</div>
              {instruction && <div class="flag-instruction">{instruction}</div>}
            </div>
          );
        })}
        <button class="btn btn-confirm btn-block step-action" data-testid="flag-confirm" onClick={() => dispatch({ type: 'confirmHumanTouch' })}>
          {t('pack.flag.confirm')}
        </button>
      </>
    );
  },
  // The box count and the labels: their controls and words are a chunk of their own (label-step.tsx).
  boxes: (step, { dispatch }) => <LabelStepSlot key={step.parcel.shipmentId} parcel={step.parcel} progress={step.progress} dispatch={dispatch} />,
  label: (step, { dispatch }) => <LabelStepSlot key={step.parcel.shipmentId} parcel={step.parcel} progress={step.progress} dispatch={dispatch} />,
  complete: () => (
    <div class="step-instruction step-ready" data-testid="step-instruction">
      ✓ {t('pack.step.complete')}
    </div>
  ),
};
