/** First run: trade an enrolment code for a device credential. */
import { useState } from 'preact/hooks';
import type { AppModel } from '../app-model.js';
import { LangToggle } from '../components/lang-toggle.js';
import { t, type UiKey } from '../i18n/i18n.js';

/** The enrolment form. */
export function EnrolScreen({ model, onLang }: { model: AppModel; onLang: () => void }) {
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiKey | null>(null);
  return (
    <form
      class="panel enrol"
      data-testid="enrol-screen"
      onSubmit={async (e) => {
        e.preventDefault();
        if (busy) return;
        setBusy(true);
        setError(null);
        const result = await model.device.enrol(code, deviceName);
        setBusy(false);
        setError(result);
      }}
    >
      <header class="panel-head">
        <h1>{t('enrol.title')}</h1>
        <LangToggle onChange={onLang} />
      </header>
      <p class="lead">{t('enrol.lead')}</p>
      {model.state.counts.pending > 0 && <p class="hint">{t('enrol.keptEvents', { n: model.state.counts.pending })}</p>}
      <label class="field">
        <span>{t('enrol.code')}</span>
        <input
          data-testid="enrol-code"
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          required
          minLength={4}
        />
      </label>
      <label class="field">
        <span>{t('enrol.deviceName')}</span>
        <input
          data-testid="enrol-device-name"
          value={deviceName}
          onInput={(e) => setDeviceName(e.currentTarget.value)}
          autocomplete="off"
          spellcheck={false}
          required
          maxLength={64}
        />
      </label>
      {error && (
        <p class="form-error" role="alert" data-testid="enrol-error">
          {t(error)}
        </p>
      )}
      <button class="btn btn-primary btn-block" type="submit" data-testid="enrol-submit" disabled={busy}>
        {busy ? t('enrol.busy') : t('enrol.submit')}
      </button>
    </form>
  );
}
