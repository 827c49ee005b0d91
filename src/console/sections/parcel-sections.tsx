/** Parcels by status with search, holds and short picks, and the sections that wait for other features. */
import { useEffect, useState } from 'preact/hooks';
import type { AdminParcel, AdminParcelsResponse } from '../../shared/protocol/admin-console.js';
import type { ImportReport } from '../../shared/protocol/import.js';
import { ApiError, api } from '../api.js';
import type { OnError } from '../console.js';

const STATUSES = ['released', 'picking', 'picked', 'packed', 'shipped', 'held'] as const;
const STATUS_LABEL: Record<string, string> = { released: '出荷指示', picking: 'ピッキング中', picked: 'ピッキング済', packed: '梱包済', shipped: '出荷済', held: '出荷停止' };
const FLAG_LABEL: Record<string, string> = { FIRST_PURCHASE: '初回購入', SECOND_PURCHASE: '2回目購入', FIRST_RETURN: '初回返品' };

/** The reason used for short picks (欠品) on a held parcel. */
export const SHORT_PICK_REASON = '欠品';

function useParcels(query: Record<string, string>, onError: OnError, reload = 0) {
  const [data, setData] = useState<AdminParcelsResponse | null>(null);
  const key = new URLSearchParams(query).toString();
  useEffect(() => {
    let live = true;
    api<AdminParcelsResponse>('GET', `/api/admin/parcels?${key}`).then((d) => live && setData(d), onError);
    return () => {
      live = false;
    };
  }, [key, reload]);
  return data;
}

function ParcelTable({ parcels, action }: { parcels: AdminParcel[]; action?: (p: AdminParcel) => preact.JSX.Element | null }) {
  if (parcels.length === 0) return <p class="hint">該当なし / None</p>;
  return (
    <table data-testid="parcel-table">
      <thead>
        <tr>
          <th>出荷ID</th>
          <th>状態</th>
          <th>顧客</th>
          <th>ランク</th>
          <th>フラグ</th>
          <th>ギフト</th>
          <th class="num">点数</th>
          <th>配送</th>
          <th>停止理由 / 梱包</th>
          {action && <th />}
        </tr>
      </thead>
      <tbody>
        {parcels.map((p) => (
          <tr key={p.shipmentId} data-testid="parcel-row" data-shipment={p.shipmentId}>
            <td>{p.shipmentId}</td>
            <td>
              <span class={`status status-${p.status}`}>{STATUS_LABEL[p.status] ?? p.status}</span>
            </td>
            <td>
              {p.customerName} <small>{p.customerId}</small>
            </td>
            <td>{p.rankCode}</td>
            <td>
              {p.flags.map((f) => FLAG_LABEL[f] ?? f).join('・')}
              {p.flags.length > 0 && p.flagRuleVersion !== null && <small> v{p.flagRuleVersion}</small>}
            </td>
            <td>{p.giftCode ?? ''}</td>
            <td class="num">{p.units}</td>
            <td>{p.carrier}</td>
            <td>{p.status === 'held' ? p.holdReason : p.packedBy ? `${p.packedBy} ${p.packedAt?.slice(0, 16).replace('T', ' ') ?? ''}` : ''}</td>
            {action && <td>{action(p)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Parcels by status, searched by shipment id, order, customer or product code. */
export function ParcelsSection({ onError }: { onError: OnError }) {
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const query: Record<string, string> = { limit: '200' };
  if (status) query.status = status;
  if (q) query.q = q;
  const data = useParcels(query, onError);
  return (
    <section data-testid="parcels-section">
      <h2>出荷一覧 / Parcels</h2>
      <div class="chips">
        <button class={status === '' ? 'active' : ''} onClick={() => setStatus('')}>
          すべて
        </button>
        {STATUSES.map((s) => (
          <button key={s} class={status === s ? 'active' : ''} onClick={() => setStatus(s)} data-testid={`status-${s}`}>
            {STATUS_LABEL[s]} <span class="count">{data?.counts[s] ?? 0}</span>
          </button>
        ))}
      </div>
      <form class="form-row" onSubmit={(e) => (e.preventDefault(), setQ(typed.trim()))}>
        <input type="search" placeholder="出荷ID・注文番号・顧客・商品コード" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} data-testid="parcel-search" />
        <button type="submit">検索 / Search</button>
      </form>
      {data ? <ParcelTable parcels={data.parcels} /> : <p class="hint">読み込み中…</p>}
    </section>
  );
}

/** Held parcels (with a release button), short picks (held as 欠品), and a form to hold one. */
export function HoldsSection({ onError }: { onError: OnError }) {
  const [reload, setReload] = useState(0);
  const held = useParcels({ status: 'held', limit: '500' }, onError, reload);
  const [shipmentId, setShipmentId] = useState('');
  const [reason, setReason] = useState('前日注文キャンセル');
  const [message, setMessage] = useState<string | null>(null);

  // Holds go through the same import path as the back office's file, so the rules are the same.
  const send = async (rows: [string, string, string][]) => {
    const csv = ['出荷ID,区分,理由', ...rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))].join('\r\n');
    try {
      const report = await api<ImportReport>('POST', '/api/admin/import?type=holds&filename=holds.csv', new Blob([csv], { type: 'text/csv' }));
      setMessage(report.ok ? '反映しました。端末には次の同期で届きます / Done; devices get it on their next sync' : report.errors.map((e) => e.message).join(' / '));
      setReload((n) => n + 1);
    } catch (error) {
      onError(error);
    }
  };
  const shortPicks = held?.parcels.filter((p) => p.holdReason === SHORT_PICK_REASON) ?? [];
  return (
    <section data-testid="holds-section">
      <h2>出荷停止・欠品 / Holds and short picks</h2>
      <form class="form-row" onSubmit={(e) => (e.preventDefault(), void send([[shipmentId.trim(), '停止', reason.trim()]]))}>
        <input placeholder="出荷ID" value={shipmentId} onInput={(e) => setShipmentId(e.currentTarget.value)} required />
        <input placeholder="理由" value={reason} onInput={(e) => setReason(e.currentTarget.value)} list="hold-reasons" />
        <datalist id="hold-reasons">
          <option value="前日注文キャンセル" />
          <option value="不正チェック" />
          <option value={SHORT_PICK_REASON} />
        </datalist>
        <button type="submit">出荷停止 / Hold</button>
      </form>
      {message && <p class="hint">{message}</p>}
      <h3>欠品 / Short picks ({shortPicks.length})</h3>
      <ParcelTable parcels={shortPicks} />
      <h3>出荷停止中 / Held ({held?.parcels.length ?? 0})</h3>
      {held && <ParcelTable parcels={held.parcels} action={(p) => <button onClick={() => void send([[p.shipmentId, '解除', '']])}>解除 / Release</button>} />}
    </section>
  );
}

/** Shows a feature's data when its route exists on this server, else says it is not available yet. */
function useOptionalRoute<T>(path: string, onError: OnError): { state: 'loading' | 'missing' | 'ok'; data: T | null } {
  const [result, setResult] = useState<{ state: 'loading' | 'missing' | 'ok'; data: T | null }>({ state: 'loading', data: null });
  useEffect(() => {
    api<T>('GET', path).then(
      (data) => setResult({ state: 'ok', data }),
      (error) => (error instanceof ApiError && error.status === 404 ? setResult({ state: 'missing', data: null }) : onError(error)),
    );
  }, [path]);
  return result;
}

/** A generic table of the rows a route returns (for sections whose routes come from other features). */
function RowsTable({ rows }: { rows: Record<string, unknown>[] }) {
  if (rows.length === 0) return <p class="hint">なし / None</p>;
  const cols = Object.keys(rows[0]);
  return (
    <table>
      <thead>
        <tr>{cols.map((c) => <th key={c}>{c}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>{cols.map((c) => <td key={c}>{typeof r[c] === 'object' ? JSON.stringify(r[c]) : String(r[c] ?? '')}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}

function firstArray(data: unknown): Record<string, unknown>[] {
  if (Array.isArray(data)) return data as Record<string, unknown>[];
  const arr = Object.values((data ?? {}) as Record<string, unknown>).find(Array.isArray);
  return (arr ?? []) as Record<string, unknown>[];
}

/** Pick batches and their progress: shown once the picking feature's route exists. */
export function BatchesSection({ onError }: { onError: OnError }) {
  const { state, data } = useOptionalRoute<unknown>('/api/admin/batches', onError);
  return (
    <section data-testid="batches-section">
      <h2>バッチ / Batches</h2>
      {state === 'missing' && <p class="hint" data-testid="batches-unavailable">ピッキング機能とともに表示されます / Coming with picking.</p>}
      {state === 'ok' && <RowsTable rows={firstArray(data)} />}
    </section>
  );
}

/** Notifications and their delivery state: shown once the notification route exists. */
export function NotificationsSection({ onError }: { onError: OnError }) {
  const { state, data } = useOptionalRoute<unknown>('/api/admin/notifications', onError);
  return (
    <section data-testid="notifications-section">
      <h2>通知 / Notifications</h2>
      {state === 'missing' && <p class="hint" data-testid="notifications-unavailable">このサーバーでは利用できません / Not available on this server yet.</p>}
      {state === 'ok' && <RowsTable rows={firstArray(data)} />}
    </section>
  );
}
