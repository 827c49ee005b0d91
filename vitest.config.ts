import { defineConfig } from 'vitest/config';

// Unit, app-store and server tests. Browser journeys live in test/e2e and run under Playwright;
// the benchmarks (bench/) are not tests: `npm run bench` runs them.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
  // Vite 8 transforms with oxc: compile TSX for Preact in app tests.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
