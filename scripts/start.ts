/** `npm start`: builds the PWA when its sources are newer than dist/, then starts the server. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { main } from '../src/server/main.js';

/** Everything the vite build reads; a change to any of them makes dist/ stale. */
const BUILD_INPUTS = ['src/app', 'src/sw', 'src/shared', 'index.html', 'manifest.webmanifest', 'public', 'vite.config.ts'];
const BUILT_ENTRY = 'dist/index.html';

/** The newest modification time (ms) of a file or of any file under a folder; 0 when missing. */
function newestMtimeMs(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtimeMs(path.join(target, name))), 0);
}

function buildIsStale(): boolean {
  if (!existsSync(BUILT_ENTRY)) return true;
  const builtAt = statSync(BUILT_ENTRY).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtimeMs(input) > builtAt);
}

if (buildIsStale()) {
  process.stdout.write('PWA build missing or older than its sources: running vite build…\n');
  const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) {
    process.stderr.write(`vite build failed (exit ${build.status ?? build.signal}); fix the build or run the server alone with: npx tsx src/server/main.ts\n`);
    process.exit(1);
  }
}

await main({ staticDir: path.resolve('dist') });
