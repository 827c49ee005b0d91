/**
 * Screens loaded on first use. Each one's code is a chunk of its own, left out of the JavaScript the
 * pack screen starts with; the service worker precaches every chunk, so they load offline too.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { AppModel } from '../app-model.js';
import { t } from '../i18n/i18n.js';

/** What every screen receives. */
export interface ScreenProps {
  model: AppModel;
}

/**
 * A screen that renders `load`'s component once it has loaded, and once `ready` says the model has
 * built what the screen reads (loading shows meanwhile). A chunk that cannot load (a newer version
 * activated in another tab removed it) asks for a reload, which brings the current version.
 */
export function lazyScreen(
  load: (model: AppModel) => Promise<ComponentType<ScreenProps>>,
  ready: (model: AppModel) => boolean = () => true,
): ComponentType<ScreenProps> {
  let loaded: ComponentType<ScreenProps> | null = null;
  return function LazyScreen({ model }: ScreenProps) {
    const [, setLoads] = useState(0);
    const [failed, setFailed] = useState(false);
    const Screen = loaded && ready(model) ? loaded : null;
    useEffect(() => {
      if (Screen || failed) return;
      let mounted = true;
      load(model).then(
        (component) => {
          loaded = component;
          if (mounted) setLoads((n) => n + 1);
        },
        () => mounted && setFailed(true),
      );
      return () => {
        mounted = false;
      };
    }, [Screen, failed]);
    if (Screen) return <Screen model={model} />;
    if (!failed) return <div class="boot">{t('app.loading')}</div>;
    return (
      <div class="boot" role="alert" data-testid="screen-load-failed">
        <p>{t('app.loadFailed')}</p>
        <button class="btn btn-primary" onClick={() => location.reload()}>
          {t('db.reload')}
        </button>
      </div>
    );
  };
}
