/** Builds the PWA once so every journey runs against the production build, service worker included. */
import { execFileSync } from 'node:child_process';

export default function globalSetup(): void {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
