/**
 * The pack screen's label step (送り状照合), shown in the step panel once the contents are done: what to
 * do now (confirm the boxes, or scan box n's label), the box count with − / + and 確定, the labels
 * scanned so far, and "skip" where the carrier allows it. The labels themselves are scanned into the
 * pack screen's scan input. A chunk of its own, loaded (with the step's words) by label-step-slot.tsx
 * when a parcel that needs a label is opened.
 */
import { useState } from 'preact/hooks';
import type { Parcel } from '../../shared/domain/parcel.js';
import { boxesOf, labelMode, labelOutstanding, labelPrompt } from '../../shared/flows/pack-label.js';
import type { PackAction } from '../../shared/flows/pack.js';
import type { PackProgress } from '../../shared/flows/pack-state.js';
import { MAX_BOXES } from '../../shared/protocol/event-limits.js';
import { PACK_LABEL_WORDS } from '../i18n/catalogue-pack-label.js';
import { addWords, t, tm } from '../i18n/i18n.js';

// The step's words come with its chunk.
addWords(PACK_LABEL_WORDS);

/** What the label step is shown with. */
export interface LabelStepProps {
  parcel: Parcel;
  progress: PackProgress;
  dispatch: (a: PackAction) => void;
}

/** The label step's instruction and controls, or nothing when the parcel needs no label. */
export function LabelStep({ parcel, progress, dispatch }: LabelStepProps) {
  const [count, setCount] = useState(boxesOf(progress, parcel));
  const mode = labelMode(parcel);
  if (mode === 'off' || progress.labelsSkipped) return null;
  const prompt = labelPrompt(progress, parcel);
  const scanned = (progress.labels ?? []).length;
  const confirmed = progress.boxCount !== undefined;
  const done = labelOutstanding(progress, parcel).length === 0;
  return (
    <>
      {prompt && (
        <div class="step-instruction" data-testid="step-instruction">
          {tm(prompt)}
        </div>
      )}
      <div class={`label-step ${done ? 'is-done' : ''}`} data-testid="label-step" data-boxes={progress.boxCount ?? ''} data-labels={scanned}>
        <span class="label-step-title">{t('pack.boxes')}</span>
        <button class="btn btn-small" data-testid="boxes-minus" disabled={count <= Math.max(1, scanned)} onClick={() => setCount(count - 1)}>
          −
        </button>
        <span class="label-step-count" data-testid="boxes-count">
          {count}
        </span>
        <button class="btn btn-small" data-testid="boxes-plus" disabled={count >= MAX_BOXES} onClick={() => setCount(count + 1)}>
          +
        </button>
        {!confirmed || count !== progress.boxCount ? (
          <button class="btn btn-small btn-primary" data-testid="boxes-confirm" onClick={() => dispatch({ type: 'confirmBoxes', count })}>
            {t('pack.boxesConfirm')}
          </button>
        ) : (
          <span class="label-step-labels" data-testid="labels-scanned">
            {t('pack.labels', { done: scanned, boxes: progress.boxCount ?? count })}
          </span>
        )}
        {mode === 'optional' && !done && (
          <button class="btn btn-small" data-testid="labels-skip" onClick={() => dispatch({ type: 'skipLabels' })}>
            {t('pack.skipLabels')}
          </button>
        )}
      </div>
    </>
  );
}
