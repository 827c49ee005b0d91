/** Staff sign-in by badge scan or typed code, resolved offline against the pulled catalogue. */
import { useState } from 'preact/hooks';
import type { AppModel } from '../app-model.js';
import { LangToggle } from '../components/lang-toggle.js';
import { t, type UiKey } from '../i18n/i18n.js';
import { ScanInput } from '../scan/scan-input.js';

/** The sign-in screen. */
export function SignInScreen({ model, onLang }: { model: AppModel; onLang: () => void }) {
  const [error, setError] = useState<{ key: UiKey; code: string } | null>(null);
  // The badge whose owner must also type a PIN, else null.
  const [pinFor, setPinFor] = useState<string | null>(null);
  const submit = async (text: string, pin?: string) => {
    const key = await model.device.signIn(text, pin);
    if (key === 'signin.pinRequired' || key === 'signin.pinWrong' || key === 'signin.pinLocked') setPinFor(text.trim());
    else setPinFor(null);
    setError(key && key !== 'signin.pinRequired' ? { key, code: text.trim() } : null);
  };
  if (pinFor) {
    return (
      <section class="panel sign-in" data-testid="signin-screen">
        <header class="panel-head">
          <h1>{t('signin.title')}</h1>
        </header>
        <p class="lead">{t('signin.pinRequired', { code: pinFor })}</p>
        <form
          class="signin-form"
          onSubmit={(e) => {
            e.preventDefault();
            const input = (e.currentTarget as HTMLFormElement).elements.namedItem('pin') as HTMLInputElement;
            const pin = input.value;
            input.value = '';
            void submit(pinFor, pin);
          }}
        >
          <input class="text-input big-input" name="pin" type="password" inputMode="numeric" autoComplete="off" aria-label={t('signin.pin')} data-testid="signin-pin" autoFocus />
          <button type="submit" class="btn btn-primary btn-block" data-testid="signin-pin-submit">
            {t('signin.submit')}
          </button>
          <button type="button" class="btn btn-block" onClick={() => setPinFor(null)}>
            {t('wipe.no')}
          </button>
        </form>
        {error && (
          <p class="form-error" role="alert" data-testid="signin-error">
            {t(error.key, { code: error.code })}
          </p>
        )}
      </section>
    );
  }
  return (
    <section class="panel sign-in" data-testid="signin-screen">
      <header class="panel-head">
        <h1>{t('signin.title')}</h1>
        <LangToggle onChange={onLang} />
      </header>
      <p class="lead">{t('signin.lead')}</p>
      <form
        class="signin-form"
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <ScanInput
          onScan={(text) => void submit(text)}
          keepFocus
          inputMode="text"
          label={t('signin.code')}
          placeholder={t('signin.codeExample')}
          testId="signin-code"
          className="text-input big-input"
        />
        <button
          type="button"
          class="btn btn-primary btn-block"
          data-testid="signin-submit"
          onClick={() => {
            const input = document.querySelector<HTMLInputElement>('[data-testid="signin-code"]');
            if (input?.value.trim()) {
              const value = input.value;
              input.value = '';
              void submit(value);
            }
          }}
        >
          {t('signin.submit')}
        </button>
      </form>
      {error && (
        <p class="form-error" role="alert" data-testid="signin-error">
          {t(error.key, { code: error.code })}
        </p>
      )}
      {!model.state.catalogue && (
        <button class="btn btn-block" onClick={() => model.syncNow()}>
          {t('signin.syncNow')}
        </button>
      )}
      {model.state.credential && <p class="device-line">{t('home.device', { device: model.state.credential.deviceName, warehouse: model.state.credential.warehouseName })}</p>}
    </section>
  );
}
