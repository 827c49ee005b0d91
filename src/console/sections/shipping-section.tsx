/**
 * Shipping in the console: the day's carrier export (download), the carrier's result file (tracking
 * numbers in), the 出荷実績 file, the carrier mapping and LABEL_SCAN per carrier, one parcel's labels,
 * and the day's handovers by carrier.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CarrierId, LabelScanMode } from '../../shared/domain/carrier.js';
import type { HandoversResponse, ParcelShippingView, ShippingSettings } from '../../shared/protocol/admin-shipping.js';
import type { ImportReport } from '../../shared/protocol/import.js';
import { api, getToken, type OnError } from '../api.js';
import { importPath } from '../requests.js';
import { ReportView } from './import-report-view.js';

const CARRIERS: readonly [CarrierId, string][] = [
  ['yamato', 'ヤマト運輸'],
  ['sagawa', '佐川急便'],
  ['japanpost', '日本郵便'],
  ['other', 'その他'],
];
const MODES: readonly LabelScanMode[] = ['required', 'optional', 'off'];

interface ExportAnswer {
  exported: number;
  alreadyExported: number;
  errors: { shipmentId: string; column: string; message: string }[];
  filename: string;
  fileBase64: string | null;
}

/** Saves bytes as a download named `filename`. */
function download(bytes: BlobPart, filename: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'text/csv' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  a.click();
  URL.revokeObjectURL(url);
}

/** The shipping section. */
export function ShippingSection({ onError }: { onError: OnError }) {
  const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
  const [date, setDate] = useState(today);
  const [carrier, setCarrier] = useState<CarrierId>('yamato');
  const [again, setAgain] = useState(false);
  const [exported, setExported] = useState<ExportAnswer | null>(null);
  const [tracking, setTracking] = useState<ImportReport | null>(null);
  const [settings, setSettings] = useState<ShippingSettings | null>(null);
  const [handovers, setHandovers] = useState<HandoversResponse | null>(null);
  const [parcelId, setParcelId] = useState('');
  const [parcel, setParcel] = useState<ParcelShippingView | null>(null);

  const guard = (work: () => Promise<void>) => () => void work().catch(onError);
  useEffect(guard(async () => setSettings(await api<ShippingSettings>('GET', '/api/admin/shipping/settings'))), []);
  useEffect(guard(async () => setHandovers(await api<HandoversResponse>('GET', `/api/admin/shipping/handovers?date=${date}`))), [date]);

  const runExport = guard(async () => {
    const answer = await api<ExportAnswer>('POST', '/api/admin/shipping/exports/carrier', { carrier, date, again });
    setExported(answer);
    if (answer.fileBase64) download(Uint8Array.from(atob(answer.fileBase64), (c) => c.charCodeAt(0)), answer.filename);
  });
  const importTracking = (file: File) => guard(async () => setTracking(await api<ImportReport>('POST', importPath({ filename: file.name, type: 'tracking', encoding: 'auto', strict: false, dryRun: false }), file)))();
  const shippedCsv = guard(async () => {
    const res = await fetch(`/api/admin/shipping/exports/shipped?date=${date}&encoding=cp932`, { headers: { authorization: `Bearer ${getToken() ?? ''}` } });
    if (!res.ok) throw new Error(`出荷実績: ${res.status}`);
    download(await res.arrayBuffer(), `shipped-${date}.csv`);
  });
  const saveMode = (id: CarrierId, mode: LabelScanMode) => guard(async () => setSettings(await api<ShippingSettings>('PUT', '/api/admin/shipping/settings', { labelScan: { [id]: mode } })))();
  const saveMapping = (method: string, carrierId: CarrierId | null, service: string | null) =>
    guard(async () => setSettings(await api<ShippingSettings>('PUT', '/api/admin/shipping/settings', { mappings: [{ method, carrierId, service }] })))();
  const findParcel = guard(async () => setParcel(await api<ParcelShippingView>('GET', `/api/admin/parcels/${encodeURIComponent(parcelId.trim())}/shipping`)));

  return (
    <section>
      <h2>出荷・配送 / Shipping</h2>
      <fieldset>
        <legend>1. 送り状データ出力 / Carrier export</legend>
        <select value={carrier} onChange={(e) => setCarrier(e.currentTarget.value as CarrierId)}>
          {CARRIERS.filter(([id]) => id !== 'other').map(([id, name]) => <option key={id} value={id}>{name}</option>)}
        </select>
        <input type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
        <label><input type="checkbox" checked={again} onChange={(e) => setAgain(e.currentTarget.checked)} /> 出力済みも再出力 / again</label>
        <button onClick={runExport}>CSV を出力 / Export</button>
        {exported && (
          <div>
            <p>{exported.exported} 件出力{exported.alreadyExported > 0 ? `（出力済み ${exported.alreadyExported} 件は「再出力」で）` : ''}</p>
            <ul>{exported.errors.map((e) => <li key={`${e.shipmentId}${e.column}`}>{e.shipmentId} [{e.column}]: {e.message}</li>)}</ul>
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>2. 送り状番号の取り込み / Tracking numbers</legend>
        <input type="file" accept=".csv,.txt" onChange={(e) => e.currentTarget.files?.[0] && importTracking(e.currentTarget.files[0])} />
        {tracking && <ReportView report={tracking} />}
      </fieldset>
      <fieldset>
        <legend>出荷実績 / Shipping results</legend>
        <button onClick={shippedCsv}>{date} の出荷実績 CSV</button>
      </fieldset>
      <fieldset>
        <legend>便ごとの積込 / Handovers {date}</legend>
        <table>
          <thead><tr><th>配送会社</th><th>状態</th><th>締め</th><th>担当 / 端末</th><th>個数</th></tr></thead>
          <tbody>
            {handovers?.handovers.map((h) => (
              <tr key={h.id}><td>{CARRIERS.find(([id]) => id === h.carrierId)?.[1]}</td><td>{h.status === 'closed' ? '締め済み' : '積込中'}</td><td>{h.closedAt ?? ''}</td><td>{h.staffName ?? ''} / {h.deviceName ?? ''}</td><td>{h.parcels.length}</td></tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <fieldset>
        <legend>荷物の送り状 / A parcel’s labels</legend>
        <input value={parcelId} placeholder="出荷ID" onInput={(e) => setParcelId(e.currentTarget.value)} />
        <button onClick={findParcel}>表示</button>
        {parcel && (
          <table>
            <caption>{parcel.shipmentId}: {parcel.service ?? parcel.method} ({parcel.carrierId ?? '配送会社なし'}){parcel.loadingBlock ? ` — 積込停止: ${parcel.loadingBlock}` : ''}</caption>
            <thead><tr><th>個口</th><th>予定番号</th><th>照合番号</th><th>照合</th><th>積込</th></tr></thead>
            <tbody>
              {parcel.boxes.map((b) => (
                <tr key={b.box}><td>{b.box}</td><td>{b.expectedNumber ?? ''}</td><td>{b.trackingUrl ? <a href={b.trackingUrl}>{b.boundNumber ?? ''}</a> : (b.boundNumber ?? '')}</td><td>{b.boundAt ?? ''}</td><td>{b.loadedAt ?? ''}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </fieldset>
      {settings && (
        <fieldset>
          <legend>設定 / Settings</legend>
          <table>
            <thead><tr><th>配送会社</th><th>送り状照合 (LABEL_SCAN)</th></tr></thead>
            <tbody>
              {CARRIERS.map(([id, name]) => (
                <tr key={id}><td>{name}</td><td><select value={settings.labelScan[id]} onChange={(e) => saveMode(id, e.currentTarget.value as LabelScanMode)}>{MODES.map((m) => <option key={m}>{m}</option>)}</select></td></tr>
              ))}
            </tbody>
          </table>
          <table>
            <thead><tr><th>配送方法</th><th>配送会社</th><th>サービス</th></tr></thead>
            <tbody>
              {settings.mappings.map((m) => (
                <tr key={m.method}>
                  <td>{m.method}{m.builtIn ? ' (既定)' : ''}</td>
                  <td>
                    <select value={m.carrierId ?? ''} onChange={(e) => saveMapping(m.method, (e.currentTarget.value || null) as CarrierId | null, m.service)}>
                      <option value="">既定の配送会社 / default</option>
                      {CARRIERS.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
                    </select>
                  </td>
                  <td>{m.service ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
      )}
    </section>
  );
}
