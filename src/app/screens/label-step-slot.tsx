/**
 * Where the pack screen shows the label step. Its controls and words are a chunk of their own
 * (label-step.tsx), loaded when a parcel that needs a label is opened — long before its contents are
 * done — so a warehouse without label scanning never loads them. Precached, so offline too.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { labelMode } from '../../shared/flows/pack-label.js';
import { t } from '../i18n/i18n.js';
import type { LabelStepProps } from './label-step.js';

let loaded: ComponentType<LabelStepProps> | null = null;

/** The label step once its chunk is in; nothing for a parcel that needs no label. */
export function LabelStepSlot(props: LabelStepProps) {
  const [, setLoads] = useState(0);
  const [failed, setFailed] = useState(false);
  const needed = labelMode(props.parcel) !== 'off';
  useEffect(() => {
    if (!needed || loaded) return;
    let mounted = true;
    // A chunk that cannot load (offline before the app was installed, or a newer version removed it)
    // leaves the step without its controls: the packer is told to reconnect and reload.
    import('./label-step.js').then(
      (m) => {
        loaded = m.LabelStep;
        if (mounted) setLoads((n) => n + 1);
      },
      () => mounted && setFailed(true),
    );
    return () => {
      mounted = false;
    };
  }, [needed]);
  const Step = needed ? loaded : null;
  if (Step) return <Step {...props} />;
  // Said, not left blank: 完了 stays refused until the labels are scanned, so the packer must know why.
  return needed && failed ? (
    <div class="step-instruction" data-testid="step-instruction">
      {t('pack.labelUnavailable')}
    </div>
  ) : null;
}
