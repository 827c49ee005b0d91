/** Pick batches (their parcels as links) and customer notifications, as tables a supervisor reads. */
import { useEffect, useState } from 'preact/hooks';
import type { AdminBatchesResponse } from '../../shared/protocol/pick-admin.js';
import type { AdminNotification } from '../../shared/protocol/notifications.js';
import { api, type OnError } from '../api.js';
import { Chips, EmptyState, ParcelLink, TableWrap } from '../components.js';
import { useConsoleData, zoneOf } from '../console-context.js';
import { formatWhen } from '../format.js';

/** The answer of a GET, or null while it loads; fetched again when `reload` changes. */
export function useAnswer<T>(path: string, onError: OnError, reload = 0): T | null {
  const [data, setData] = useState<T | null>(null);
  useEffect(() => {
    api<T>('GET', path).then(setData, onError);
  }, [path, reload]);
  return data;
}

const BATCH_STATUS: Record<string, string> = { open: '未着手', claimed: 'ピッキング中', completed: '完了', dissolved: '解散' };
const SHAPE: Record<string, string> = { single: '単品', multi: '複数品' };

/** Pick batches and their progress: shape, inserts and gift as chips, each parcel a link to its page. */
export function BatchesSection({ onError }: { onError: OnError }) {
  const data = useAnswer<AdminBatchesResponse>('/api/admin/batches', onError);
  const consoleData = useConsoleData();
  return (
    <section data-testid="batches-section">
      <h2>バッチ / Batches</h2>
      {data && data.batches.length === 0 && <EmptyState>バッチはまだありません。出荷指示を取り込むと、作業の形ごとにバッチが作られます。</EmptyState>}
      {data && data.batches.length > 0 && (
        <TableWrap>
          <table>
            <thead>
              <tr>
                <th>バッチ</th>
                <th>状態</th>
                <th>形</th>
                <th>同梱物</th>
                <th>ギフト</th>
                <th>出荷（棚順）</th>
                <th>欠品</th>
                <th>担当</th>
                <th>作成</th>
              </tr>
            </thead>
            <tbody>
              {data.batches.map((b) => {
                const zone = zoneOf(consoleData, b.warehouseId);
                return (
                  <tr key={b.batchId} data-testid="batch-row" data-batch={b.batchId}>
                    <td>{b.batchId}</td>
                    <td class="nowrap">{BATCH_STATUS[b.status] ?? b.status}</td>
                    <td class="nowrap">{SHAPE[b.shape] ?? b.shape}</td>
                    <td>
                      <Chips items={b.insertCodes} empty="なし" />
                    </td>
                    <td>{b.giftCode ?? 'なし'}</td>
                    <td>
                      <Chips items={b.shipmentIds.map((id) => <ParcelLink key={id} shipmentId={id} />)} />
                    </td>
                    <td>
                      <Chips items={b.shortShipmentIds.map((id) => <ParcelLink key={id} shipmentId={id} />)} empty="なし" />
                    </td>
                    <td>{b.claimedBy ? `${b.claimedBy.staffName}（${b.claimedBy.deviceName}）${formatWhen(b.claimedBy.at, zone)}` : '—'}</td>
                    <td class="nowrap">{formatWhen(b.createdAt, zone)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

const NOTIFICATION_STATUS: Record<string, string> = { pending: '送信待ち', sending: '送信中', sent: '送信済み', dead: '送信失敗（停止）' };

/** Notifications to customers and their delivery state, each with its parcel. */
export function NotificationsSection({ onError }: { onError: OnError }) {
  const data = useAnswer<{ notifications: AdminNotification[] }>('/api/admin/notifications', onError);
  const zone = zoneOf(useConsoleData());
  return (
    <section data-testid="notifications-section">
      <h2>通知 / Notifications</h2>
      {data && data.notifications.length === 0 && <EmptyState>通知はまだありません / None yet。返品受付が端末から同期されると、お客様への受付メールがここに並びます。</EmptyState>}
      {data && data.notifications.length > 0 && (
        <TableWrap>
          <table>
            <thead>
              <tr>
                <th>出荷</th>
                <th>注文番号</th>
                <th>状態</th>
                <th class="num">試行</th>
                <th>作成</th>
                <th>次の試行 / 送信</th>
                <th>エラー</th>
              </tr>
            </thead>
            <tbody>
              {data.notifications.map((n) => (
                <tr key={n.id} class={n.status === 'dead' ? 'row-alert' : ''} data-testid="notification-row">
                  <td>
                    <ParcelLink shipmentId={n.shipmentId} />
                  </td>
                  <td>{n.orderNumber}</td>
                  <td>{NOTIFICATION_STATUS[n.status] ?? n.status}</td>
                  <td class="num">{n.attempts}</td>
                  <td class="nowrap">{formatWhen(n.createdAt, zone)}</td>
                  <td>{n.sentAt ? `送信 ${formatWhen(n.sentAt, zone)}` : n.status === 'dead' ? '—' : formatWhen(n.nextAttemptAt, zone)}</td>
                  <td>{n.lastError ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
