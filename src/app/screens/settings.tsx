/** Scan settings: feedback volume (with a try of each sound), the wedge rule, the camera formats. */
import { useState } from 'preact/hooks';
import type { Tone } from '../../shared/flows/feedback.js';
import type { AppModel } from '../app-model.js';
import { playFeedback } from '../feedback/feedback.js';
import { addWords, t } from '../i18n/i18n.js';
import { SETTINGS_WORDS } from '../i18n/catalogue-settings.js';
import { CAMERA_FORMATS, DEFAULT_SCAN_SETTINGS, getScanSettings, saveScanSettings, type ScanSettings } from '../scan/scan-settings.js';
import type { WedgeEndKey } from '../scan/wedge.js';

// This screen's words come with its chunk.
addWords(SETTINGS_WORDS);

const TONES: Tone[] = ['ok', 'error', 'warning', 'complete'];
const END_KEYS: WedgeEndKey[] = ['Enter', 'Tab', 'newline'];
const FORMAT_LABELS: Record<(typeof CAMERA_FORMATS)[number], string> = {
  ean_13: 'JAN / EAN-13',
  ean_8: 'EAN-8',
  upc_a: 'UPC-A',
  code_128: 'Code 128 / GS1-128',
  itf: 'ITF-14',
  codabar: 'NW-7 (送り状)',
  qr_code: 'QR',
  data_matrix: 'DataMatrix',
};

/** The settings screen (saved on every change, on this device only). */
export function SettingsScreen({ model }: { model: AppModel }) {
  const [s, setS] = useState<ScanSettings>(getScanSettings());
  const save = (next: ScanSettings) => {
    saveScanSettings(next);
    setS(getScanSettings());
  };
  const wedge = (patch: Partial<ScanSettings['wedge']>) => save({ ...s, wedge: { ...s.wedge, ...patch } });
  const camera = (patch: Partial<ScanSettings['camera']>) => save({ ...s, camera: { ...s.camera, ...patch } });
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));
  const num = (e: Event) => Number((e.currentTarget as HTMLInputElement).value);
  const text = (e: Event) => (e.currentTarget as HTMLInputElement).value;

  return (
    <section class="panel settings" data-testid="settings-screen">
      <header class="panel-head">
        <button class="btn btn-small" onClick={() => model.state.navigate('home')} data-testid="settings-back">
          ←
        </button>
        <h1>{t('settings.title')}</h1>
      </header>

      <label class="field">
        {t('settings.volume', { volume: s.volume })}
        <input type="range" min={0} max={100} step={5} value={s.volume} data-testid="settings-volume" onChange={(e) => save({ ...s, volume: num(e) })} />
      </label>
      <div class="tone-row" aria-label={t('settings.test')}>
        {TONES.map((tone) => (
          <button type="button" class={`btn btn-small tone-btn tone-${tone}`} data-testid={`settings-try-${tone}`} onClick={() => playFeedback(tone, s.volume)}>
            {t(`settings.tone.${tone}`)}
          </button>
        ))}
      </div>

      <h2>{t('settings.wedge')}</h2>
      <fieldset class="field checks">
        <legend>{t('settings.endKeys')}</legend>
        {END_KEYS.map((k) => (
          <label>
            <input type="checkbox" checked={s.wedge.endKeys.includes(k)} data-testid={`settings-end-${k}`} onChange={(e) => wedge({ endKeys: toggle(s.wedge.endKeys, k, (e.currentTarget as HTMLInputElement).checked) })} />
            {t(`settings.end.${k}`)}
          </label>
        ))}
        <label>
          <input type="checkbox" checked={s.wedge.pauseEnds} data-testid="settings-pause-ends" onChange={(e) => wedge({ pauseEnds: (e.currentTarget as HTMLInputElement).checked })} />
          {t('settings.pauseEnds')}
        </label>
      </fieldset>
      {s.wedge.pauseEnds && (
        <label class="field">
          {t('settings.pauseMs')}
          <input class="text-input" type="number" min={10} max={2000} value={s.wedge.pauseMs} data-testid="settings-pause" onChange={(e) => wedge({ pauseMs: num(e) })} />
        </label>
      )}
      <label class="field">
        {t('settings.duplicateWindowMs')}
        <input class="text-input" type="number" min={0} max={2000} value={s.wedge.duplicateWindowMs} data-testid="settings-duplicate" onChange={(e) => wedge({ duplicateWindowMs: num(e) })} />
      </label>
      <div class="row">
        <label class="field">
          {t('settings.prefix')}
          <input class="text-input" maxLength={8} value={s.wedge.prefix} data-testid="settings-prefix" onChange={(e) => wedge({ prefix: text(e) })} />
        </label>
        <label class="field">
          {t('settings.suffix')}
          <input class="text-input" maxLength={8} value={s.wedge.suffix} data-testid="settings-suffix" onChange={(e) => wedge({ suffix: text(e) })} />
        </label>
      </div>

      <h2>{t('settings.camera')}</h2>
      <fieldset class="field checks">
        <legend>{t('settings.formats')}</legend>
        {CAMERA_FORMATS.map((f) => (
          <label>
            <input type="checkbox" checked={s.camera.formats.includes(f)} onChange={(e) => camera({ formats: toggle(s.camera.formats, f, (e.currentTarget as HTMLInputElement).checked) })} />
            {FORMAT_LABELS[f]}
          </label>
        ))}
      </fieldset>
      <label class="field">
        {t('settings.leaveMs')}
        <input class="text-input" type="number" min={0} max={10000} value={s.camera.leaveMs} onChange={(e) => camera({ leaveMs: num(e) })} />
      </label>

      <button class="btn" data-testid="settings-reset" onClick={() => save(DEFAULT_SCAN_SETTINGS)}>
        {t('settings.reset')}
      </button>
    </section>
  );
}
