/** Sections that list what another feature's admin route returns, row by row: pick batches and notifications. */
import { useEffect, useState } from 'preact/hooks';
import type { AdminBatchesResponse } from '../../shared/protocol/pick-admin.js';
import type { AdminNotification } from '../../shared/protocol/notifications.js';
import { api, type OnError } from '../api.js';
import { cellText } from '../format.js';

/** The answer of a GET, or null while it loads. */
function useAnswer<T>(path: string, onError: OnError): T | null {
  const [data, setData] = useState<T | null>(null);
  useEffect(() => {
    api<T>('GET', path).then(setData, onError);
  }, [path]);
  return data;
}

/** A table of records with the first record's keys as columns. */
function RowsTable({ rows }: { rows: readonly object[] }) {
  if (rows.length === 0) return <p class="hint">なし / None</p>;
  const cols = Object.keys(rows[0]);
  return (
    <table>
      <thead>
        <tr>{cols.map((c) => <th key={c}>{c}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>{cols.map((c) => <td key={c}>{cellText((r as Record<string, unknown>)[c])}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}

/** Pick batches and their progress. */
export function BatchesSection({ onError }: { onError: OnError }) {
  const data = useAnswer<AdminBatchesResponse>('/api/admin/batches', onError);
  return (
    <section data-testid="batches-section">
      <h2>バッチ / Batches</h2>
      {data && <RowsTable rows={data.batches} />}
    </section>
  );
}

/** Notifications to customers and their delivery state. */
export function NotificationsSection({ onError }: { onError: OnError }) {
  const data = useAnswer<{ notifications: AdminNotification[] }>('/api/admin/notifications', onError);
  return (
    <section data-testid="notifications-section">
      <h2>通知 / Notifications</h2>
      {data && <RowsTable rows={data.notifications} />}
    </section>
  );
}
