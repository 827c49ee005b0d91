/** The shell: notices, update bar, status bar and the current screen. */
import { useEffect, useState } from 'preact/hooks';
import type { AppModel } from './app-model.js';
import { lazyScreen } from './components/lazy-screen.js';
import { Notices } from './components/notices.js';
import { ScreenGuard } from './components/screen-guard.js';
import { useOpenAtTop } from './components/open-at-top.js';
import { StatusBar } from './components/status-bar.js';
import { UpdateBar } from './components/update-bar.js';
import { t } from './i18n/i18n.js';
import { EnrolScreen } from './screens/enrol.js';
import { HomeScreen } from './screens/home.js';
import { PackScreen } from './screens/pack.js';
import { SignInScreen } from './screens/sign-in.js';

// Only what it takes to start packing is in the main bundle; the other screens load when first opened.
const PickScreen = lazyScreen(
  async (model) => (await Promise.all([import('./screens/pick.js'), model.flows.load('pick')]))[0].PickScreen,
  (model) => model.flows.get('pick') !== null,
);
const ReturnsScreen = lazyScreen(
  async (model) => (await Promise.all([import('./screens/returns.js'), model.flows.load('returns')]))[0].ReturnsScreen,
  (model) => model.flows.get('returns') !== null,
);
const LoadScreen = lazyScreen(
  async (model) => (await Promise.all([import('./screens/load.js'), model.flows.load('load')]))[0].LoadScreen,
  (model) => model.flows.get('load') !== null,
);
const SyncScreen = lazyScreen(async () => (await import('./screens/sync-status.js')).SyncScreen);
const SettingsScreen = lazyScreen(async () => (await import('./screens/settings.js')).SettingsScreen);

/** Re-renders whenever the model changes. */
function useModel(model: AppModel): number {
  const [version, setVersion] = useState(model.state.version);
  useEffect(() => model.state.subscribe(() => setVersion(model.state.version)), [model]);
  return version;
}

/** The root component. */
export function App({ model }: { model: AppModel }) {
  useModel(model);
  const [, setLangVersion] = useState(0);
  const relang = () => setLangVersion((v) => v + 1);
  useOpenAtTop(model.state.screen);

  if (model.state.screen === 'boot') return <div class="boot">{t('app.loading')}</div>;
  if (model.state.screen === 'fatal' && model.state.fatal) {
    return (
      <div class="fatal" role="alert">
        <p>{t(model.state.fatal.key, { reason: model.state.fatal.reason })}</p>
        <button class="btn btn-primary" onClick={() => location.reload()}>
          {t('db.reload')}
        </button>
      </div>
    );
  }
  return (
    <div class="shell">
      <Notices model={model} />
      <UpdateBar verifying={model.flows.pack.state.step === 'verifying'} />
      {model.state.credential && <StatusBar model={model} />}
      <main class="screen">
        <ScreenGuard version={model.state.version} onHome={() => model.state.navigate('home')}>
        {model.state.screen === 'enrol' && <EnrolScreen model={model} onLang={relang} />}
        {model.state.screen === 'signIn' && <SignInScreen model={model} onLang={relang} />}
        {model.state.screen === 'home' && <HomeScreen model={model} onLang={relang} />}
        {model.state.screen === 'pack' && <PackScreen model={model} />}
        {model.state.screen === 'pick' && <PickScreen model={model} />}
        {model.state.screen === 'returns' && <ReturnsScreen model={model} />}
        {model.state.screen === 'load' && <LoadScreen model={model} />}
        {model.state.screen === 'sync' && <SyncScreen model={model} />}
        {model.state.screen === 'settings' && <SettingsScreen model={model} />}
        </ScreenGuard>
      </main>
    </div>
  );
}
