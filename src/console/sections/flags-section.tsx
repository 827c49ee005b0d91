/** Supervisor flags: what the server found that a person must look at (a held parcel packed offline, a gap in a device's events …). */
import { useState } from 'preact/hooks';
import type { SupervisorFlag } from '../../shared/protocol/admin-devices.js';
import { api, type OnError } from '../api.js';
import { EmptyState, ParcelLink, TableWrap } from '../components.js';
import { useConsoleData, zoneOf } from '../console-context.js';
import { formatWhen } from '../format.js';
import { timelineWhat } from '../parcel-words.js';
import { useAnswer } from './listing-sections.js';

/** Open flags first; each names its parcel (a link to its page), device and staff, and can be marked dealt with. */
export function FlagsSection({ onError }: { onError: OnError }) {
  const [reload, setReload] = useState(0);
  const data = useAnswer<{ flags: SupervisorFlag[] }>('/api/admin/supervisor-flags?open=true&limit=200', onError, reload);
  const consoleData = useConsoleData();
  const resolve = (id: string) => api('POST', `/api/admin/supervisor-flags/${encodeURIComponent(id)}/resolve`).then(() => setReload((n) => n + 1), onError);
  return (
    <section data-testid="flags-section">
      <h2>要確認 / Supervisor flags</h2>
      {data && data.flags.length === 0 && <EmptyState>確認が必要なことはありません。停止中の出荷が梱包された、端末の記録が抜けた、などがあるとここに並びます。</EmptyState>}
      {data && data.flags.length > 0 && (
        <TableWrap>
          <table>
            <thead>
              <tr>
                <th>日時</th>
                <th>内容</th>
                <th>出荷</th>
                <th>端末</th>
                <th>説明</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.flags.map((f) => (
                <tr key={f.id} class="row-alert" data-testid="flag-row">
                  <td>{formatWhen(f.createdAt, zoneOf(consoleData, f.warehouseId))}</td>
                  <td>{timelineWhat({ type: f.kind })}</td>
                  <td>{f.shipmentId ? <ParcelLink shipmentId={f.shipmentId} /> : '—'}</td>
                  <td>{f.deviceName ?? f.deviceId ?? '—'}</td>
                  <td>{f.message}</td>
                  <td>
                    <button onClick={() => void resolve(f.id)}>対応済みにする / Resolve</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
