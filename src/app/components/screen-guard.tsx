/**
 * Keeps the shell standing when a screen throws while rendering: instead of a blank page it shows
 * that the screen could not be drawn, with a way home, and tries the screen again on the next change
 * of the app. At start the first screen is drawn from records not yet checked; one that no longer
 * reads can throw here, and the start over from the checked records (app-model.ts) is that change.
 */
import { Component, type ComponentChildren } from 'preact';
import { t } from '../i18n/i18n.js';

interface Props {
  /** The app state's version: a new one retries the screen. */
  version: number;
  onHome: () => void;
  children: ComponentChildren;
}

/** An error boundary around the current screen. */
export class ScreenGuard extends Component<Props, { failedAt: number | null }> {
  override state = { failedAt: null as number | null };

  override componentDidCatch(error: unknown): void {
    console.error('screen failed to render', error);
    this.setState({ failedAt: this.props.version });
  }

  override render() {
    if (this.state.failedAt !== this.props.version) return this.props.children;
    return (
      <div class="screen-failed" role="alert" data-testid="screen-failed">
        <p>{t('app.screenFailed')}</p>
        <button class="btn btn-primary" onClick={this.props.onHome}>
          {t('common.back')}
        </button>
      </div>
    );
  }
}
