/** The settings screen, loaded when first opened (it is not needed to scan, so it stays out of the initial JavaScript). */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { AppModel } from '../app-model.js';
import { t } from '../i18n/i18n.js';

let loaded: ComponentType<{ model: AppModel }> | null = null;

/** Renders the settings screen once its chunk has loaded (precached: works offline). */
export function SettingsScreenLazy({ model }: { model: AppModel }) {
  const [Screen, setScreen] = useState(() => loaded);
  useEffect(() => {
    if (Screen) return;
    void import('./settings.js').then((m) => {
      loaded = m.SettingsScreen;
      setScreen(() => m.SettingsScreen);
    });
  }, [Screen]);
  return Screen ? <Screen model={model} /> : <div class="boot">{t('app.loading')}</div>;
}
