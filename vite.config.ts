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

const API_TARGET = 'http://localhost:8080';

export default defineConfig({
  // Repo root: index.html and manifest.webmanifest live at the top level; the app code in src/app.
  root: '.',
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': API_TARGET, '/healthz': API_TARGET },
  },
  plugins: [
    preact(),
    webManifest(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false, // src/app/sw-bridge.ts registers through workbox-window
      manifest: false, // the hand-written top-level manifest.webmanifest is linked from index.html
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,ico,webmanifest,wasm}'],
        globIgnores: ['sw.js'],
      },
      devOptions: { enabled: false },
    }),
  ],
});
