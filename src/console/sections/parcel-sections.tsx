/** Parcels by status with search, and the holds: held parcels (with a release), short picks, a form to hold one. */
import { useEffect, useState } from 'preact/hooks';
import type { ParcelStatus } from '../../shared/domain/parcel.js';
import { SHORT_PICK_HOLD_REASON } from '../../shared/picking/pick-transitions.js';
import type { AdminParcel, AdminParcelsResponse } from '../../shared/protocol/admin-console.js';
import type { ImportReport } from '../../shared/protocol/import.js';
import { api, type OnError } from '../api.js';
import { EmptyState, ParcelLink, RankBadge, TableWrap } from '../components.js';
import { useConsoleData, zoneOf } from '../console-context.js';
import { flagsText, holdOrPackedText, PARCEL_STATUSES, STATUS_LABEL } from '../format.js';
import { exactParcelMatch, HOLDS_IMPORT_PATH, holdsFile, parcelsPath, type HoldChange, type ParcelFilter } from '../requests.js';
import { parcelHash } from '../section-menu.js';
import type { ComponentChildren, JSX } from 'preact';

/** The parcels of `filter`, fetched again when the filter or `reload` changes (a stale answer is dropped). */
function useParcels(filter: ParcelFilter, onError: OnError, reload = 0): AdminParcelsResponse | null {
  const [data, setData] = useState<AdminParcelsResponse | null>(null);
  const path = parcelsPath(filter);
  useEffect(() => {
    let live = true;
    api<AdminParcelsResponse>('GET', path).then((d) => live && setData(d), onError);
    return () => {
      live = false;
    };
  }, [path, reload]);
  return data;
}

/** Parcels as rows, each id a link to its page; `action` adds a last cell (e.g. a release button); `empty` says what to do when there are none. */
function ParcelTable({ parcels, action, empty }: { parcels: AdminParcel[]; action?: (p: AdminParcel) => JSX.Element | null; empty: ComponentChildren }) {
  const data = useConsoleData();
  if (parcels.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <TableWrap>
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
              <td>
                <ParcelLink shipmentId={p.shipmentId} />
                <small class="hint block">{p.orderNumber}</small>
              </td>
              <td>
                <span class={`status status-${p.status}`}>{STATUS_LABEL[p.status] ?? p.status}</span>
              </td>
              <td>
                {p.customerName} <small class="hint">{p.customerId}</small>
              </td>
              <td>
                <RankBadge code={p.rankCode} />
              </td>
              <td>
                {flagsText(p.flags) || '—'}
                {p.flags.length > 0 && p.flagRuleVersion !== null && <small> v{p.flagRuleVersion}</small>}
              </td>
              <td>{p.giftCode ?? '—'}</td>
              <td class="num">{p.units}</td>
              <td>{p.carrier}</td>
              <td>{holdOrPackedText(p, zoneOf(data, p.warehouseId)) || '—'}</td>
              {action && <td>{action(p)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Parcels by status, searched by shipment id, order, customer, product code or tracking number; an exact id, order or tracking number opens its page. */
export function ParcelsSection({ onError }: { onError: OnError }) {
  const [status, setStatus] = useState<ParcelStatus | ''>('');
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const data = useParcels({ limit: 200, status: status || undefined, q: q || undefined }, onError);
  useEffect(() => {
    // The search the supervisor just sent names one parcel exactly: its page is what they asked for.
    const match = q && data ? exactParcelMatch(data.parcels, q) : null;
    if (match) location.hash = parcelHash(match);
  }, [data]);
  return (
    <section data-testid="parcels-section">
      <h2>出荷一覧 / Parcels</h2>
      <div class="chips">
        <button class={status === '' ? 'active' : ''} onClick={() => setStatus('')}>
          すべて
        </button>
        {PARCEL_STATUSES.map((s) => (
          <button key={s} class={status === s ? 'active' : ''} onClick={() => setStatus(s)} data-testid={`status-${s}`}>
            {STATUS_LABEL[s]} <span class="count">{data?.counts[s] ?? 0}</span>
          </button>
        ))}
      </div>
      <form class="form-row" onSubmit={(e) => (e.preventDefault(), setQ(typed.trim()))}>
        <input type="search" placeholder="出荷ID・注文番号・顧客名・商品コード・送り状番号" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} data-testid="parcel-search" aria-label="search parcels" />
        <button type="submit">検索 / Search</button>
      </form>
      {data ? (
        <ParcelTable
          parcels={data.parcels}
          empty={q ? `「${q}」に当たる出荷はありません（該当なし）。出荷ID・注文番号・顧客名の一部でも探せます。` : '出荷はまだありません。取り込みで出荷指示のファイルを読み込んでください。'}
        />
      ) : (
        <p class="hint">読み込み中…</p>
      )}
    </section>
  );
}

/** Held parcels (with a release button), short picks (held as 欠品), and a form to hold one. */
export function HoldsSection({ onError }: { onError: OnError }) {
  const [reload, setReload] = useState(0);
  const held = useParcels({ limit: 500, status: 'held' }, onError, reload);
  const [shipmentId, setShipmentId] = useState('');
  const [reason, setReason] = useState('前日注文キャンセル');
  const [message, setMessage] = useState<string | null>(null);

  const send = async (changes: HoldChange[]) => {
    try {
      const report = await api<ImportReport>('POST', HOLDS_IMPORT_PATH, holdsFile(changes));
      setMessage(report.ok ? '反映しました。端末には次の同期で届きます / Done; devices get it on their next sync' : report.errors.map((e) => e.message).join(' / '));
      setReload((n) => n + 1);
    } catch (error) {
      onError(error);
    }
  };
  const shortPicks = held?.parcels.filter((p) => p.holdReason === SHORT_PICK_HOLD_REASON) ?? [];
  return (
    <section data-testid="holds-section">
      <h2>出荷停止・欠品 / Holds and short picks</h2>
      <form class="form-row" onSubmit={(e) => (e.preventDefault(), void send([{ shipmentId: shipmentId.trim(), action: 'hold', reason: reason.trim() }]))}>
        <input placeholder="出荷ID" value={shipmentId} onInput={(e) => setShipmentId(e.currentTarget.value)} required />
        <input placeholder="理由" value={reason} onInput={(e) => setReason(e.currentTarget.value)} list="hold-reasons" />
        <datalist id="hold-reasons">
          <option value="前日注文キャンセル" />
          <option value="不正チェック" />
          <option value={SHORT_PICK_HOLD_REASON} />
        </datalist>
        <button type="submit">出荷停止 / Hold</button>
      </form>
      {message && <p class="hint">{message}</p>}
      <h3>欠品 / Short picks ({shortPicks.length})</h3>
      <ParcelTable parcels={shortPicks} empty="欠品はありません。ピッキングで数が足りないと、ここに出荷停止（欠品）として並びます。" />
      <h3>出荷停止中 / Held ({held?.parcels.length ?? 0})</h3>
      {held && (
        <ParcelTable
          parcels={held.parcels}
          empty="出荷停止中の出荷はありません。止めるときは上の欄に出荷IDと理由を入れてください。"
          action={(p) => <button onClick={() => void send([{ shipmentId: p.shipmentId, action: 'release', reason: '' }])}>解除 / Release</button>}
        />
      )}
    </section>
  );
}
