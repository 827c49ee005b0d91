import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const MANIFEST_PATH = fileURLToPath(new URL('./manifest.webmanifest', import.meta.url));

/** Copies the top-level manifest.webmanifest into the build (before the SW precache glob runs). */
function webManifest(): Plugin {
  return {
    name: 'floorpack-web-manifest',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'manifest.webmanifest', source: readFileSync(MANIFEST_PATH, 'utf8') });
    },
  };
}

const INDEX_HTML = fileURLToPath(new URL('./index.html', import.meta.url));
/** The console's page lives with its code; it is served (and built) at /console/. */
const CONSOLE_HTML_SOURCE = 'src/console/index.html';
const CONSOLE_HTML_SERVED = 'console/index.html';

/**
 * Puts the console's page at /console/ although its source sits in src/console/: the dev server
 * answers /console/ with that page, and the build writes it to dist/console/index.html (its asset
 * URLs are absolute, so moving the file changes nothing inside it).
 */
function consolePage(): Plugin {
  return {
    name: 'floorpack-console-page',
    // After Vite's own HTML plugin, which emits the page in its generateBundle.
    enforce: 'post',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const [pathname, query] = (req.url ?? '').split('?');
        // As the server does (src/server/routes/pwa.ts): /console and any path below it that is not a file.
        const isPage = pathname === '/console' || pathname === `/${CONSOLE_HTML_SERVED}` || (pathname.startsWith('/console/') && !/\.[a-z0-9]+$/i.test(pathname));
        if (isPage) req.url = `/${CONSOLE_HTML_SOURCE}${query === undefined ? '' : `?${query}`}`;
        next();
      });
    },
    generateBundle(_options, bundle) {
      const page = bundle[CONSOLE_HTML_SOURCE];
      if (page?.type !== 'asset') return;
      delete bundle[CONSOLE_HTML_SOURCE];
      this.emitFile({ type: 'asset', fileName: CONSOLE_HTML_SERVED, source: page.source });
    },
  };
}

const API_TARGET = 'http://localhost:8080';

export default defineConfig({
  // Repo root: index.html and manifest.webmanifest live at the top level; the app code in src/app.
  root: '.',
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Every browser that runs es2022 has <link rel=modulepreload>: the polyfill would only add bytes to the start.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // Two pages from one build: the handheld PWA (/) and the warehouse console (/console/). The
      // console's own files are named console-*, so the service worker leaves them out of the handheld's
      // precache (a handheld never downloads the console).
      input: { main: INDEX_HTML, console: fileURLToPath(new URL(`./${CONSOLE_HTML_SOURCE}`, import.meta.url)) },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'console' ? 'assets/console-[hash].js' : 'assets/[name]-[hash].js'),
        assetFileNames: (asset) => (asset.names.some((n) => n.startsWith('console')) ? 'assets/console-[hash][extname]' : 'assets/[name]-[hash][extname]'),
      },
    },
  },
  server: {
    proxy: { '/api': API_TARGET, '/healthz': API_TARGET },
  },
  plugins: [
    preact(),
    webManifest(),
    consolePage(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false, // src/app/sw-bridge.ts registers through workbox-window
      manifest: false, // the hand-written top-level manifest.webmanifest is linked from index.html
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,ico,webmanifest,wasm}'],
        globIgnores: ['sw.js', 'console/**', 'assets/console-*'],
      },
      devOptions: { enabled: false },
    }),
  ],
});
