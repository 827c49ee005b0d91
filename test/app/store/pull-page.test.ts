// @vitest-environment node
/** Applying pull pages: atomic per page, a parcel packed here stays packed while its event waits, nothing about customers beyond the floor's needs. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { INITIAL_PACK_STATE } from '../../../src/shared/flows/pack-state.js';
import { loadBoot } from '../../../src/app/store/boot.js';
import { commitFlow } from '../../../src/app/store/flow-commit.js';
import { openLocalStore } from '../../../src/app/store/local-store.js';
import { applyPushResults } from '../../../src/app/store/outbox-push.js';
import { applyPullPage } from '../../../src/app/store/pull-page.js';
import { createApiClient } from '../../../src/app/sync/api.js';
import { pullAll } from '../../../src/app/sync/pull.js';
import { catalogue, dbName, ids, parcel } from '../../helpers/fixtures/device.js';
import { packedEvent } from './events.js';

const AT = '2026-11-24T09:05:00.000Z';

describe('applyPullPage', () => {
  it('applies a pull page atomically: catalogue, parcels and cursor together', async () => {
    const store = await openLocalStore(dbName());
    await applyPullPage(store, { cursor: '10', more: true, catalogue, parcels: [parcel('S0700001')] });
    let boot = await loadBoot(store);
    expect(boot.cursor).toBe('10');
    expect(boot.catalogue?.staff[0].code).toBe('ST001');
    expect(boot.parcels.map((p) => p.shipmentId)).toEqual(['S0700001']);

    // A page whose second parcel cannot be stored: nothing of it may land, the cursor stays.
    const broken = { ...parcel('S0700003'), customerName: (() => 'x') as unknown as string };
    await expect(applyPullPage(store, { cursor: '20', more: false, catalogue: null, parcels: [parcel('S0700002'), broken] })).rejects.toThrow();
    boot = await loadBoot(store);
    expect(boot.cursor).toBe('10');
    expect(boot.parcels.map((p) => p.shipmentId)).toEqual(['S0700001']);
    store.close();
  });

  it('a pull does not reopen a parcel packed here whose event is still pending, but a synced one follows the server', async () => {
    const store = await openLocalStore(dbName());
    await applyPullPage(store, { cursor: '1', more: false, catalogue, parcels: [parcel('S0700001'), parcel('S0700002')] });
    const packedBy = { staffName: '佐藤', deviceName: 'pack-01', at: AT };
    const [entry] = await commitFlow(store, 'packState', {
      next: INITIAL_PACK_STATE,
      events: [packedEvent('S0700001')],
      staffId: 'staff-1',
      at: AT,
      newId: ids(),
      parcels: [{ ...parcel('S0700001'), status: 'packed', packedBy }],
    });
    const stored = await applyPullPage(store, { cursor: '2', more: false, catalogue: null, parcels: [parcel('S0700001', { customerName: '山田 花' })] });
    expect(stored[0]).toMatchObject({ status: 'packed', packedBy, customerName: '山田 花' });

    await applyPushResults(store, [{ id: entry.id, status: 'applied' }], AT);
    const after = await applyPullPage(store, { cursor: '3', more: false, catalogue: null, parcels: [parcel('S0700001', { status: 'held', holdReason: 'fraud' })] });
    expect(after[0].status).toBe('held');
    store.close();
  });
});

describe('what the device stores about customers', () => {
  it('keeps only display name, rank and flags, even when a reply carries e-mail, address or phone', async () => {
    const store = await openLocalStore(dbName());
    const leaky = { ...parcel('S1'), customerEmail: 'a@example.jp', address: '東京都千代田区1-1', phone: '03-0000-0000' };
    const fetch = async () => new Response(JSON.stringify({ cursor: '1', more: false, catalogue: null, parcels: [leaky] }), { status: 200, headers: { 'content-type': 'application/json' } });
    await pullAll(createApiClient({ fetch, getToken: () => 'tok' }), store);
    const [stored] = (await loadBoot(store)).parcels;
    expect(stored).toMatchObject({ customerName: '山田 花子', rankCode: 'G', flags: [] });
    expect(JSON.stringify(stored)).not.toMatch(/example\.jp|千代田|03-0000|mail|address|phone/i);
  });
});
