/** Home: who is signed in, the big task buttons, sync and sign-out. */
import type { AppModel } from '../app-model.js';
import { LangToggle } from '../components/lang-toggle.js';
import { t } from '../i18n/i18n.js';

/** The menu. */
export function HomeScreen({ model, onLang }: { model: AppModel; onLang: () => void }) {
  const state = model.flows.pack.state;
  const pickState = model.flows.pickState;
  const returnState = model.flows.returnState;
  const loadState = model.flows.loadState;
  return (
    <section class="panel home" data-testid="home-screen">
      <header class="panel-head">
        <h1 data-testid="signed-in-staff">{t('home.hello', { name: model.state.session?.name ?? '' })}</h1>
        <LangToggle onChange={onLang} />
      </header>
      <button class="btn btn-task" data-testid="menu-pack" onClick={() => model.state.navigate('pack')}>
        <span class="task-title">{t('home.pack')}</span>
        <span class="task-sub">
          {state.step === 'verifying' ? t('home.resume', { shipmentId: state.progress.shipmentId }) : t('home.packSub')}
        </span>
      </button>
      <button class="btn btn-task" data-testid="menu-pick" onClick={() => model.state.navigate('pick')}>
        <span class="task-title">{t('home.pick')}</span>
        <span class="task-sub">{pickState.step === 'picking' ? t('home.pickResume', { batchId: pickState.progress.batchId }) : t('home.pickSub')}</span>
      </button>
      <button class="btn btn-task" data-testid="menu-returns" onClick={() => model.state.navigate('returns')}>
        <span class="task-title">{t('home.returns')}</span>
        <span class="task-sub">
          {returnState.step === 'receiving'
            ? t('home.returnsResume', { id: returnState.progress.shipmentId ?? returnState.progress.orderNumber })
            : t('home.returnsSub')}
        </span>
      </button>
      <button class="btn btn-task" data-testid="menu-load" onClick={() => model.state.navigate('load')}>
        <span class="task-title">{t('home.load')}</span>
        <span class="task-sub">{loadState.step === 'loading' ? t('home.loadResume', { boxes: loadState.handover.loaded.length }) : t('home.loadSub')}</span>
      </button>
      <div class="row">
        <button class="btn" data-testid="menu-sync" onClick={() => model.state.navigate('sync')}>
          {t('home.sync')}
        </button>
        <button class="btn" data-testid="menu-settings" onClick={() => model.state.navigate('settings')}>
          {t('home.settings')}
        </button>
        <button class="btn" data-testid="sign-out" onClick={() => void model.device.signOut()}>
          {t('home.signOut')}
        </button>
      </div>
      {model.state.credential && <p class="device-line">{t('home.device', { device: model.state.credential.deviceName, warehouse: model.state.credential.warehouseName })}</p>}
    </section>
  );
}
