/** Devices (list, enrol with a one-time code, revoke, last sync) and staff (list, add). */
import { useEffect, useState } from 'preact/hooks';
import type { AdminStaff } from '../../shared/protocol/admin-console.js';
import type { AdminDevicesResponse } from '../../shared/protocol/admin-devices.js';
import type { EnrolmentCodeResponse } from '../../shared/protocol/admin.js';
import { api, type OnError } from '../api.js';
import { EmptyState, TableWrap } from '../components.js';
import { useConsoleData, zoneOf } from '../console-context.js';
import { formatWhen, stuckText } from '../format.js';
import { revokeDevicePath } from '../requests.js';
import { APP_VERSION } from '../../shared/protocol/app-version.js';


/** Devices: enrol (a one-time code to type on the handheld), revoke, and when each last synced. */
export function DevicesSection({ onError }: { onError: OnError }) {
  const data = useConsoleData();
  const warehouses = data.warehouses;
  const [warehouseId, setWarehouseId] = useState('');
  const [devices, setDevices] = useState<AdminDevicesResponse['devices'] | null>(null);
  const [code, setCode] = useState<EnrolmentCodeResponse | null>(null);
  const load = () => api<AdminDevicesResponse>('GET', '/api/admin/devices').then((d) => setDevices(d.devices), onError);
  useEffect(() => void load(), []);
  const wh = warehouseId || warehouses[0]?.id || '';
  return (
    <section data-testid="devices-section">
      <h2>端末 / Devices</h2>
      <div class="form-row">
        <select value={wh} onChange={(e) => setWarehouseId(e.currentTarget.value)}>
          {warehouses.map((w) => (
            <option key={w.id} value={w.id}>
              {w.id} {w.name}
            </option>
          ))}
        </select>
        <button disabled={!wh} onClick={() => api<EnrolmentCodeResponse>('POST', '/api/admin/enrolment-codes', { warehouseId: wh }).then(setCode, onError)} data-testid="enrol-create">
          登録コードを発行 / New enrolment code
        </button>
        {code && (
          <span class="code" data-testid="enrol-code-shown">
            {code.code} <small>（{formatWhen(code.expiresAt, zoneOf(data, code.warehouseId))} まで・1回限り）</small>
          </span>
        )}
      </div>
      {devices?.length === 0 && <EmptyState>端末はまだありません。「登録コードを発行」を押し、表示されたコードを端末で入力してください。</EmptyState>}
      <TableWrap>
        <table>
          <thead>
            <tr>
              <th>端末名</th>
              <th>倉庫</th>
              <th>登録</th>
              <th>最終同期 / last sync</th>
              <th>アプリ / app</th>
              <th class="num">受信イベント</th>
              <th class="num">却下</th>
              <th>端末の未送信 / queued on device</th>
              <th>同期できない記録 / stuck event</th>
              <th>状態</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(devices ?? []).map((d) => (
              <tr key={d.id} data-testid="device-row" data-stuck={d.stuck ? 'true' : 'false'} class={d.stuck ? 'row-alert' : undefined}>
                <td>{d.name}</td>
                <td>{d.warehouseId}</td>
                <td>{formatWhen(d.createdAt, zoneOf(data, d.warehouseId))}</td>
                <td>{formatWhen(d.lastSeenAt, zoneOf(data, d.warehouseId))}</td>
                <td data-testid={`device-app-${d.id}`}>{appVersionText(d.appVersion)}</td>
                <td class="num">{d.eventsReceived}</td>
                <td class="num">{d.eventsRejected}</td>
                <td data-testid={`device-queued-${d.id}`}>
                  {d.queued ? `${d.queued.pending}${d.queued.rejected ? ` (却下 ${d.queued.rejected})` : ''} · ${formatWhen(d.queued.reportedAt, zoneOf(data, d.warehouseId))}` : '—'}
                </td>
                <td data-testid={`device-stuck-${d.id}`}>{d.stuck ? <strong>{stuckText(d.stuck, Date.now())}</strong> : '—'}</td>
                <td>{d.revokedAt ? `取消 ${formatWhen(d.revokedAt, zoneOf(data, d.warehouseId))}` : '有効'}</td>
                <td>
                  {!d.revokedAt && (
                    <button onClick={() => confirm(`${d.name} の登録を取り消しますか？ / Revoke ${d.name}?`) && api('POST', revokeDevicePath(d.id)).then(load, onError)}>
                      取消 / Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p class="hint">
        未送信件数と同期できない記録は、端末が最後に同期したときの報告です。同期できない記録は端末に残り、端末は再試行を続けます。理由を確かめ、端末の「同期状況」も見てください。 / Queued
        counts and the stuck event are what the device reported at its last sync. A stuck event stays on the device, which keeps retrying it: check the reason, and the device's sync screen.
      </p>
    </section>
  );
}

/** Staff: who can sign in on a device by badge; new staff reach devices on their next sync. */
export function StaffSection({ onError }: { onError: OnError }) {
  const warehouses = useConsoleData().warehouses;
  const [staff, setStaff] = useState<AdminStaff[]>([]);
  const [form, setForm] = useState({ warehouseId: '', code: '', name: '' });
  const load = () => api<{ staff: AdminStaff[] }>('GET', '/api/admin/staff').then((d) => setStaff(d.staff), onError);
  useEffect(() => void load(), []);
  const wh = form.warehouseId || warehouses[0]?.id || '';
  return (
    <section data-testid="staff-section">
      <h2>スタッフ / Staff</h2>
      <form
        class="form-row"
        onSubmit={(e) => {
          e.preventDefault();
          api('POST', '/api/admin/staff', { ...form, warehouseId: wh }).then(() => (setForm({ ...form, code: '', name: '' }), load()), onError);
        }}
      >
        <select value={wh} onChange={(e) => setForm({ ...form, warehouseId: e.currentTarget.value })}>
          {warehouses.map((w) => (
            <option key={w.id} value={w.id}>
              {w.id}
            </option>
          ))}
        </select>
        <input placeholder="スタッフコード (例 ST003)" value={form.code} onInput={(e) => setForm({ ...form, code: e.currentTarget.value })} required />
        <input placeholder="氏名" value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} required />
        <button type="submit">追加 / Add</button>
      </form>
      {staff.length === 0 && <EmptyState>スタッフはまだいません。上の欄にスタッフコードと氏名を入れて追加してください（バッジのバーコードがスタッフコードです）。</EmptyState>}
      <TableWrap>
        <table>
          <thead>
            <tr>
              <th>倉庫</th>
              <th>コード</th>
              <th>氏名</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <tr key={s.id}>
                <td>{s.warehouseId}</td>
                <td>{s.code}</td>
                <td>{s.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

/** A device's app version, marked when it is not this release's (the device should update). */
function appVersionText(version: string | null): string {
  if (version === null) return '—';
  return version === APP_VERSION ? version : `${version}（旧 / old）`;
}

