/** Entry point: boots the model from IndexedDB, renders the app, registers the service worker. */
import { render } from 'preact';
import { App } from './app.js';
import { AppModel } from './app-model.js';
import { unlockAudio } from './feedback/feedback.js';
import { restoreLang } from './i18n/i18n.js';
import { registerServiceWorker } from './sw-bridge.js';
import './styles.css';

const model = new AppModel();
// A device left in English loads those words before the first render, so no screen shows Japanese
// first; should they not load, it starts in Japanese. A Japanese device waits for nothing.
void restoreLang().then(() => {
  render(<App model={model} />, document.getElementById('app')!);
  void model.boot();
  registerServiceWorker(() => model.scheduler.request('wake'));
});

// Browsers only let audio start after a gesture; a tap or a wedge keystroke counts.
const unlock = () => unlockAudio();
window.addEventListener('pointerdown', unlock, { capture: true });
window.addEventListener('keydown', unlock, { capture: true });
