/** One parcel's page: who it is for and where it stands, then each part of PARCEL_PAGE_PARTS. */
import { useEffect, useState } from 'preact/hooks';
import type { AdminParcelDetail } from '../../shared/protocol/admin-parcel.js';
import { api, ApiError, type OnError } from '../api.js';
import { EmptyState, RankBadge } from '../components.js';
import { formatWhen, STATUS_LABEL } from '../format.js';
import { PARCEL_PAGE_PARTS } from '../parcel-parts.js';

/** The path of a parcel's page data. */
export function parcelDetailPath(shipmentId: string): string {
  return `/api/admin/parcels/${encodeURIComponent(shipmentId)}`;
}

/** The parcel page of `shipmentId`. */
export function ParcelPage({ shipmentId, onError }: { shipmentId: string; onError: OnError }) {
  const [detail, setDetail] = useState<AdminParcelDetail | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    let live = true;
    setDetail(null);
    setMissing(false);
    api<AdminParcelDetail>('GET', parcelDetailPath(shipmentId)).then(
      (d) => live && setDetail(d),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.status === 404) setMissing(true);
        else onError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [shipmentId]);

  if (missing) return <EmptyState>出荷 {shipmentId} は見つかりません。出荷一覧で出荷ID・注文番号・顧客名から探してください。</EmptyState>;
  if (!detail) return <p class="hint">読み込み中…</p>;
  const { parcel } = detail;
  const zone = parcel.timeZone;
  return (
    <section data-testid="parcel-page" data-shipment={parcel.shipmentId}>
      <p>
        <a href="#parcels">← 出荷一覧 / Parcels</a>
      </p>
      <h2>
        出荷 {parcel.shipmentId} <span class={`status status-${parcel.status}`} data-testid="parcel-status">{STATUS_LABEL[parcel.status] ?? parcel.status}</span>
      </h2>
      <dl class="facts" data-testid="parcel-summary">
        <dt>注文番号</dt>
        <dd>
          {parcel.orderNumber}（{parcel.orderDate}）
        </dd>
        <dt>顧客</dt>
        <dd>
          {parcel.customerName} <small class="hint">{parcel.customerId}</small> <RankBadge code={parcel.rankCode} />
        </dd>
        <dt>配送</dt>
        <dd>{parcel.carrier}</dd>
        {parcel.status === 'held' && (
          <>
            <dt>停止理由</dt>
            <dd class="error" data-testid="parcel-hold-reason">
              {parcel.holdReason ?? '理由の記録なし'}
            </dd>
          </>
        )}
        {parcel.packedAt && (
          <>
            <dt>梱包</dt>
            <dd>
              {formatWhen(parcel.packedAt, zone)} · {parcel.packedBy ?? '—'} · {parcel.packedOnDevice ?? '—'}
            </dd>
          </>
        )}
      </dl>
      {PARCEL_PAGE_PARTS.map((part) => {
        const body = part.render(detail, zone);
        return body ? (
          <div key={part.id} class="part" data-testid={`part-${part.id}`}>
            <h3>{part.title}</h3>
            {body}
          </div>
        ) : null;
      })}
      <p class="hint">時刻は倉庫の時間帯（{zone}）です。</p>
    </section>
  );
}
