/** One day's handovers (積込便) by carrier: each truck's state, who closed it on which device, and its parcels as links. */
import type { HandoversResponse } from '../../shared/protocol/admin-shipping.js';
import { EmptyState, ParcelLink, TableWrap } from '../components.js';
import { formatWhen } from '../format.js';
import { carrierName, handoverLabel, handoversByCarrier } from '../shipping-words.js';

/** The handovers of `day.date`, grouped by carrier; times in the warehouse's `timeZone`. */
export function HandoversView({ day, timeZone }: { day: HandoversResponse; timeZone: string }) {
  const groups = handoversByCarrier(day.handovers);
  if (groups.length === 0) {
    return <EmptyState>{day.date} の積込はまだありません。ハンディの「積込」で配送会社を選び、箱の送り状を読んで締めるとここに並びます。</EmptyState>;
  }
  return (
    <div data-testid="handovers">
      {groups.map((g) => (
        <div key={g.carrierId} class="part" data-testid="handover-carrier" data-carrier={g.carrierId}>
          <h4>
            {carrierName(g.carrierId)} <span class="chip">{g.handovers.length} 便</span> <span class="chip">{g.parcels} 件</span> <span class="chip">{g.boxes} 個</span>
          </h4>
          <TableWrap>
            <table>
              <thead>
                <tr>
                  <th>便</th>
                  <th>状態</th>
                  <th>開始</th>
                  <th>締め</th>
                  <th>担当 · 端末</th>
                  <th>荷物</th>
                </tr>
              </thead>
              <tbody>
                {g.handovers.map((h) => (
                  <tr key={h.id} data-testid="handover-row">
                    <td class="nowrap" title={h.id}>
                      {handoverLabel(h.id)}
                    </td>
                    <td>
                      <span class={`status ${h.status === 'closed' ? 'status-shipped' : ''}`}>{h.status === 'closed' ? '締め済み' : '積込中'}</span>
                    </td>
                    <td class="nowrap">{formatWhen(h.startedAt, timeZone)}</td>
                    <td class="nowrap">{h.closedAt ? formatWhen(h.closedAt, timeZone) : '未締め'}</td>
                    <td>{h.closedAt ? `${h.staffName ?? '担当不明'} · ${h.deviceName ?? '端末不明'}` : '—'}</td>
                    <td>
                      {h.parcels.length === 0 ? (
                        <span class="hint">{h.status === 'closed' ? '積まれた荷物なし' : '締めると一覧になります'}</span>
                      ) : (
                        <span class="chip-list">
                          {h.parcels.map((p) => (
                            <span key={p.shipmentId} class="chip" title={`${p.orderNumber} · ${p.trackingNumbers.join(' / ')}`}>
                              <ParcelLink shipmentId={p.shipmentId} />
                            </span>
                          ))}
                        </span>
                      )}
                      {h.boxesReported !== null && <small class="hint"> 端末の数え {h.boxesReported} 個</small>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </div>
      ))}
    </div>
  );
}
