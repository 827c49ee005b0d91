/** 日本語 / English switch. */
import { getLang, setLang, t } from '../i18n/i18n.js';

/** A button that switches the UI language. */
export function LangToggle({ onChange }: { onChange: () => void }) {
  return (
    <button
      class="btn btn-small lang-toggle"
      data-testid="lang-toggle"
      onClick={() => {
        setLang(getLang() === 'ja' ? 'en' : 'ja');
        onChange();
      }}
    >
      {t('lang.toggle')}
    </button>
  );
}
