/** 日本語 / English switch. */
import { getLang, setLang, t } from '../i18n/i18n.js';

/**
 * A button that switches the UI language. The screen re-renders once the new language's words have
 * loaded; should they not load, it stays as it was.
 */
export function LangToggle({ onChange }: { onChange: () => void }) {
  return (
    <button
      class="btn btn-small lang-toggle"
      data-testid="lang-toggle"
      onClick={() => {
        void setLang(getLang() === 'ja' ? 'en' : 'ja').then(onChange);
      }}
    >
      {t('lang.toggle')}
    </button>
  );
}
