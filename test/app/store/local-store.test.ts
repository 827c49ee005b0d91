// @vitest-environment node
/** Opening the device database: a newer version of the app upgrading it from another tab. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openLocalStore } from '../../../src/app/store/local-store.js';
import { setMeta } from '../../../src/app/store/meta.js';
import { dbName } from '../../helpers/fixtures/device.js';

describe('a newer version of the app upgrading the database', () => {
  it('lets the upgrade through: the old connection closes and says to reload', async () => {
    const name = dbName();
    let told = 0;
    const store = await openLocalStore(name, { onVersionChange: () => (told += 1) });
    await setMeta(store, 'cursor', '7');
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 99);
      req.onblocked = () => reject(new Error('blocked by the old connection'));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    expect(told).toBe(1);
    upgraded.close();
  });
});
