/** The calls the console builds itself (import, holds, the parcel list, revoke), checked against the real server. */
import { describe, expect, it } from 'vitest';
import { exactParcelMatch, holdsCsv, holdsFile, HOLDS_IMPORT_PATH, importPath, parcelsPath, revokeDevicePath, type ImportChoice } from '../../src/console/requests.js';
import { SHORT_PICK_HOLD_REASON } from '../../src/shared/picking/pick-transitions.js';
import type { AdminParcelsResponse } from '../../src/shared/protocol/admin-console.js';
import type { AdminDevicesResponse } from '../../src/shared/protocol/admin-devices.js';
import type { ImportReport } from '../../src/shared/protocol/import.js';
import { useConsoleServer } from '../helpers/console-server.js';

const CHOICE: ImportChoice = { filename: 'holds.csv', type: 'holds', encoding: 'auto', strict: false, dryRun: false };

describe('building the calls', () => {
  it('an import names the file, encoding, strictness and dry run; the type only when chosen', () => {
    const query = (choice: ImportChoice) => Object.fromEntries(new URL(importPath(choice), 'http://x').searchParams);
    expect(query({ ...CHOICE, filename: '出荷 1.csv', strict: true, dryRun: true })).toEqual({ filename: '出荷 1.csv', encoding: 'auto', strict: '1', dryRun: '1', type: 'holds' });
    expect(query({ ...CHOICE, type: '', encoding: 'cp932' })).toEqual({ filename: 'holds.csv', encoding: 'cp932', strict: '0', dryRun: '0' });
    expect(importPath(CHOICE).startsWith('/api/admin/import?')).toBe(true);
  });

  it('a holds file has the back office columns, one quoted line per change, CRLF between lines', () => {
    expect(holdsCsv([{ shipmentId: 'S1', action: 'hold', reason: '住所 "不備", 要確認' }, { shipmentId: 'S2', action: 'release', reason: '' }])).toBe(
      '出荷ID,区分,理由\r\n"S1","停止","住所 ""不備"", 要確認"\r\n"S2","解除",""',
    );
  });

  it('the parcel list asks for a status and a search only when they are set', () => {
    expect(parcelsPath({ limit: 200 })).toBe('/api/admin/parcels?limit=200');
    expect(parcelsPath({ limit: 500, status: 'held', q: '髙橋 S08' })).toBe('/api/admin/parcels?limit=500&status=held&q=%E9%AB%99%E6%A9%8B+S08');
  });

  it('a device id is escaped in the revoke path', () => {
    expect(revokeDevicePath('dev/1 ?')).toBe('/api/admin/devices/dev%2F1%20%3F/revoke');
  });
});

describe('a search that names one parcel exactly', () => {
  const parcels = [
    { shipmentId: 'S0000002', orderNumber: '202611204002' },
    { shipmentId: 'S0000003', orderNumber: '202611204003' },
    { shipmentId: 'S0000030', orderNumber: 'ORD-9' },
    { shipmentId: 'S0000031', orderNumber: 'ORD-9' },
  ];

  it.each([
    ['S0000002', 'S0000002'],
    [' s0000003 ', 'S0000003'],
    ['202611204002', 'S0000002'],
  ])('%j opens %s', (q, shipmentId) => {
    expect(exactParcelMatch(parcels, q)).toBe(shipmentId);
  });

  it.each([['S00000'], ['ORD-9'], [''], ['田中']])('%j stays on the list (partial, shared by two parcels, or a name)', (q) => {
    expect(exactParcelMatch(parcels, q)).toBeNull();
  });

  it('a whole tracking number as printed (hyphens, full-width) opens the one parcel found; a partial one or two parcels stay on the list', () => {
    const found = [{ shipmentId: 'S0000004', orderNumber: '202611204004' }];
    expect(exactParcelMatch(found, '4000-0000-0470')).toBe('S0000004');
    expect(exactParcelMatch(found, '４０００００００' + '０４７０')).toBe('S0000004');
    expect(exactParcelMatch(found, '0000-0470')).toBeNull();
    expect(exactParcelMatch(parcels.slice(0, 2), '4000-0000-0470')).toBeNull();
  });
});

describe('the calls on the server', () => {
  const server = useConsoleServer();
  const parcel = async (shipmentId: string) => (await server().admin<AdminParcelsResponse>('GET', parcelsPath({ limit: 10, q: shipmentId }))).parcels[0];
  const held = async () => (await server().admin<AdminParcelsResponse>('GET', parcelsPath({ limit: 500, status: 'held' }))).parcels.map((p) => p.shipmentId);

  it('a preview reports the hold and writes nothing; confirming holds the parcel', async () => {
    const file = holdsFile([{ shipmentId: 'S0000001', action: 'hold', reason: '不正チェック' }]);
    const preview = await server().admin<ImportReport>('POST', importPath({ ...CHOICE, dryRun: true }), file);
    expect(preview).toMatchObject({ ok: true, type: 'holds', imported: { held: 1 } });
    expect(await parcel('S0000001')).toMatchObject({ status: 'released', holdReason: null });

    await server().admin<ImportReport>('POST', importPath(CHOICE), file);
    expect(await parcel('S0000001')).toMatchObject({ status: 'held', holdReason: '不正チェック' });
  });

  it('without a chosen type the server tells a holds file from its headers', async () => {
    const report = await server().admin<ImportReport>('POST', importPath({ ...CHOICE, type: '', dryRun: true }), holdsFile([{ shipmentId: 'S0000002', action: 'hold', reason: 'x' }]));
    expect(report.type).toBe('holds');
  });

  it('strict imports nothing when one line is wrong; otherwise the good lines go through', async () => {
    const file = holdsFile([
      { shipmentId: 'S0000003', action: 'hold', reason: '前日注文キャンセル' },
      { shipmentId: 'S9999999', action: 'hold', reason: '前日注文キャンセル' },
    ]);
    const strict = await server().admin<ImportReport>('POST', importPath({ ...CHOICE, strict: true }), file);
    expect(strict.ok).toBe(false);
    expect(await held()).not.toContain('S0000003');

    const lenient = await server().admin<ImportReport>('POST', importPath(CHOICE), file);
    expect(lenient).toMatchObject({ ok: false, rejected: 1, imported: { held: 1 } });
    expect(await held()).toContain('S0000003');
  });

  it('the holds section holds a parcel with a reason holding quotes and commas, and releases it', async () => {
    const reason = '住所 "不備", 要確認';
    await server().admin('POST', HOLDS_IMPORT_PATH, holdsFile([{ shipmentId: 'S0000005', action: 'hold', reason }]));
    expect(await parcel('S0000005')).toMatchObject({ status: 'held', holdReason: reason });

    const release = await server().admin<ImportReport>('POST', HOLDS_IMPORT_PATH, holdsFile([{ shipmentId: 'S0000005', action: 'release', reason: '' }]));
    expect(release.ok).toBe(true);
    expect(await parcel('S0000005')).toMatchObject({ status: 'released', holdReason: null });
    expect(await held()).not.toContain('S0000005');
  });

  it('a parcel held as a short pick is among the held parcels with the short-pick reason', async () => {
    await server().admin('POST', HOLDS_IMPORT_PATH, holdsFile([{ shipmentId: 'S0000008', action: 'hold', reason: SHORT_PICK_HOLD_REASON }]));
    const { parcels } = await server().admin<AdminParcelsResponse>('GET', parcelsPath({ limit: 500, status: 'held' }));
    expect(parcels.filter((p) => p.holdReason === SHORT_PICK_HOLD_REASON).map((p) => p.shipmentId)).toContain('S0000008');
  });

  it('the parcel list filters by status, searches by customer name, and counts every status', async () => {
    const byStatus = await server().admin<AdminParcelsResponse>('GET', parcelsPath({ limit: 200, status: 'picked' }));
    expect(byStatus.parcels.length).toBeGreaterThan(0);
    expect(byStatus.parcels.every((p) => p.status === 'picked')).toBe(true);
    expect(byStatus.counts.picked).toBe(byStatus.parcels.length);

    const byName = await server().admin<AdminParcelsResponse>('GET', parcelsPath({ limit: 200, q: '中村' }));
    expect(byName.parcels.map((p) => p.shipmentId)).toContain('S0000006');
  });

  it('revoking a device through its path marks it revoked in the device list', async () => {
    const { deviceId } = await server().demo.enrol('console-test-01');
    await server().admin('POST', revokeDevicePath(deviceId));
    const { devices } = await server().admin<AdminDevicesResponse>('GET', '/api/admin/devices');
    expect(devices.find((d) => d.id === deviceId)?.revokedAt).toEqual(expect.any(String));
  });

  it('an order number typed in the search finds its one parcel, which the console then opens', async () => {
    const found = await server().admin<AdminParcelsResponse>('GET', parcelsPath({ limit: 200, q: '202611204002' }));
    expect(exactParcelMatch(found.parcels, '202611204002')).toBe('S0000002');
  });
});
