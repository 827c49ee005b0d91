/** The console's calls over real HTTP: the token as a Bearer header, JSON and file bodies, the server's refusals. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { adminRequestInit, ApiError, readAnswer, requestAdmin } from '../../src/console/api.js';
import type { AdminParcelsResponse, AdminStaff } from '../../src/shared/protocol/admin-console.js';
import type { ImportReport } from '../../src/shared/protocol/import.js';
import { useConsoleServer } from '../helpers/console-server.js';

describe('the request of an admin call', () => {
  it('carries the token as a Bearer header and nothing else when there is no body', () => {
    expect(adminRequestInit('GET', undefined, 'tok-123')).toEqual({ method: 'GET', headers: { authorization: 'Bearer tok-123' } });
  });

  it('sends an empty Bearer when signed out, so the server answers 401 rather than the console throwing', () => {
    expect(adminRequestInit('GET', undefined, null).headers).toEqual({ authorization: 'Bearer ' });
  });

  it('sends a file as raw bytes and anything else as JSON', () => {
    const file = new Blob(['出荷ID,区分,理由']);
    expect(adminRequestInit('POST', file, 't')).toMatchObject({ body: file, headers: { 'content-type': 'application/octet-stream' } });
    expect(adminRequestInit('PUT', { a: 1 }, 't')).toMatchObject({ body: '{"a":1}', headers: { 'content-type': 'application/json' } });
  });
});

describe('reading an answer', () => {
  it('an empty success is null', async () => {
    expect(await readAnswer(new Response(null, { status: 204 }))).toBeNull();
  });

  it('a refusal without a message still says its status', async () => {
    await expect(readAnswer(new Response('', { status: 503 }))).rejects.toMatchObject({ status: 503, message: 'HTTP 503' });
  });
});

describe('admin calls to the server', () => {
  const server = useConsoleServer();

  it('a wrong token is refused with 401 (the console then asks for the token again)', async () => {
    const call = requestAdmin(`${server().url}/api/admin/warehouses`, 'GET', undefined, 'not-the-token-0123456789');
    await expect(call).rejects.toBeInstanceOf(ApiError);
    await expect(call).rejects.toMatchObject({ status: 401 });
  });

  it('the right token is accepted: the sign-in call lists the warehouses', async () => {
    const answer = await server().admin<{ warehouses: { id: string; name: string }[] }>('GET', '/api/admin/warehouses');
    expect(answer.warehouses).toEqual([{ id: 'WH1', name: '東京DC', timeZone: 'Asia/Tokyo' }]);
  });

  it('sends a JSON body: a staff member added from the console is listed', async () => {
    await server().admin('POST', '/api/admin/staff', { warehouseId: 'WH1', code: 'ST090', name: '高橋 花子' });
    const { staff } = await server().admin<{ staff: AdminStaff[] }>('GET', '/api/admin/staff');
    expect(staff).toContainEqual(expect.objectContaining({ code: 'ST090', name: '高橋 花子', warehouseId: 'WH1' }));
  });

  it('sends a Shift_JIS file byte for byte: the hold reason arrives in the right characters', async () => {
    const file = new Blob([new Uint8Array(iconv.encode('出荷ID,区分,理由\r\nS0000009,停止,住所不備（髙島屋）\r\n', 'cp932'))]);
    const report = await server().admin<ImportReport>('POST', '/api/admin/import?type=holds&filename=holds.csv', file);
    expect(report).toMatchObject({ ok: true, imported: { held: 1 } });
    const { parcels } = await server().admin<AdminParcelsResponse>('GET', '/api/admin/parcels?q=S0000009');
    expect(parcels).toMatchObject([{ shipmentId: 'S0000009', status: 'held', holdReason: '住所不備（髙島屋）' }]);
  });

  it("a refused call carries the server's own message for the notice", async () => {
    const call = server().admin('POST', '/api/admin/import', new Blob(['foo,bar\n1,2\n']));
    await expect(call).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/Cannot tell what this file is/) });
  });
});
