/** One demo app per database target for a describe block: opened before its tests, closed after. */
import { afterAll, beforeAll } from 'vitest';
import { buildDemoApp, type DemoApp } from '../../../src/server/demo/demo-app.js';
import type { BuildAppOptions } from '../../../src/server/app.js';
import type { TestDatabaseTarget } from './test-databases.js';

/** Registers the beforeAll/afterAll that build the demo app on `target` and hands it to `use`. */
export function useDemoApp(target: TestDatabaseTarget, use: (demo: DemoApp) => void, options: Partial<BuildAppOptions> = {}): void {
  let demo: DemoApp | undefined;
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const opened = await target.open();
    dispose = opened.dispose;
    demo = await buildDemoApp({ ...options, database: opened.database });
    use(demo);
  });
  afterAll(async () => {
    await demo?.close();
    await dispose?.();
  });
}
