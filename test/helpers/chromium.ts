/** Debian's Chromium as every browser suite starts it, and the handheld it plays. */

/** Debian's Chromium: Playwright cannot download its own browsers on these machines. CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium from calling out (those connections fail loudly offline), plus what a headless container needs. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'];

/** A rugged Android scanner: phone-sized, touch, Japanese, service workers on. */
export const HANDHELD = {
  viewport: { width: 360, height: 640 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'ja-JP',
  serviceWorkers: 'allow',
} as const;
