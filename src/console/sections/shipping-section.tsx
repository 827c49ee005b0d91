/**
 * Shipping in the console: the day's carrier export (a download), the 出荷実績 file, where tracking
 * numbers come in (the import section), the day's handovers by carrier, and the 配送方法 mapping. One
 * parcel's labels are on its own page (the parcel page's shipping part); LABEL_SCAN and the default
 * carrier are warehouse settings.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CarrierId } from '../../shared/domain/carrier.js';
import { warehouseDay } from '../../shared/domain/warehouse-time.js';
import type { HandoversResponse, ShippingSettings } from '../../shared/protocol/admin-shipping.js';
import { api, getToken, type OnError } from '../api.js';
import { EmptyState, ParcelLink } from '../components.js';
import { useConsoleData, zoneOf } from '../console-context.js';
import { carrierName, EXPORTABLE_CARRIERS } from '../shipping-words.js';
import { CarrierMappingTable, type MappingChange } from './carrier-mapping-table.js';
import { HandoversView } from './handovers-view.js';

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

function ExportReport({ answer, carrier }: { answer: ExportAnswer; carrier: CarrierId }) {
  return (
    <div data-testid="export-report">
      <p class={answer.exported > 0 ? 'ok' : ''}>
        {answer.exported > 0 ? `${answer.exported} 件を ${answer.filename} に出力しました。${carrierName(carrier)}のソフトで取り込み、送り状を印刷してください。` : '出力する荷物はありません。'}
        {answer.alreadyExported > 0 && ` 出力済みの ${answer.alreadyExported} 件は「出力済みも再出力」で出せます。`}
      </p>
      {answer.errors.length > 0 && (
        <ul class="plain">
          {answer.errors.map((e) => (
            <li key={`${e.shipmentId}${e.column}`} class="error">
              <ParcelLink shipmentId={e.shipmentId} /> <span class="chip">{e.column}</span> {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The shipping section. */
export function ShippingSection({ onError }: { onError: OnError }) {
  const zone = zoneOf(useConsoleData());
  const [date, setDate] = useState(() => warehouseDay(Date.now(), zone));
  const [carrier, setCarrier] = useState<CarrierId>('yamato');
  const [again, setAgain] = useState(false);
  const [encoding, setEncoding] = useState<'utf-8' | 'cp932'>('cp932');
  const [exported, setExported] = useState<ExportAnswer | null>(null);
  const [settings, setSettings] = useState<ShippingSettings | null>(null);
  const [handovers, setHandovers] = useState<HandoversResponse | null>(null);

  const guard = (work: () => Promise<void>) => () => void work().catch(onError);
  useEffect(guard(async () => setSettings(await api<ShippingSettings>('GET', '/api/admin/shipping/settings'))), []);
  useEffect(guard(async () => setHandovers(await api<HandoversResponse>('GET', `/api/admin/shipping/handovers?date=${date}`))), [date]);

  const runExport = guard(async () => {
    const answer = await api<ExportAnswer>('POST', '/api/admin/shipping/exports/carrier', { carrier, date, again });
    setExported(answer);
    if (answer.fileBase64) download(Uint8Array.from(atob(answer.fileBase64), (c) => c.charCodeAt(0)), answer.filename);
  });
  const shippedCsv = guard(async () => {
    const res = await fetch(`/api/admin/shipping/exports/shipped?date=${date}&encoding=${encoding}`, { headers: { authorization: `Bearer ${getToken() ?? ''}` } });
    if (!res.ok) throw new Error(`出荷実績: ${res.status}`);
    download(await res.arrayBuffer(), `shipped-${date}.csv`);
  });
  const saveMapping = (change: MappingChange) => guard(async () => setSettings(await api<ShippingSettings>('PUT', '/api/admin/shipping/settings', { mappings: [change] })))();

  return (
    <section data-testid="shipping-section">
      <h2>出荷・配送 / Shipping</h2>
      <p class="hint">
        一日の流れ：送り状データを出力 → 配送会社のソフトで印刷 → 送り状番号を取り込み → 梱包で照合 → 積込で締め → 出荷実績。荷物ひとつの送り状は出荷一覧で送り状番号・出荷IDから探せます。
      </p>
      <label>
        日付 / day <input type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} data-testid="shipping-date" />
      </label>
      <fieldset>
        <legend>1. 送り状データ出力 / Carrier export</legend>
        <div class="form-row">
          <select value={carrier} onChange={(e) => setCarrier(e.currentTarget.value as CarrierId)} data-testid="export-carrier">
            {EXPORTABLE_CARRIERS.map((id) => (
              <option key={id} value={id}>
                {carrierName(id)}
              </option>
            ))}
          </select>
          <label>
            <input type="checkbox" checked={again} onChange={(e) => setAgain(e.currentTarget.checked)} /> 出力済みも再出力 / again
          </label>
          <button class="primary" onClick={runExport} data-testid="export-carrier-csv">
            CSV をダウンロード / Download
          </button>
        </div>
        {exported && <ExportReport answer={exported} carrier={carrier} />}
      </fieldset>
      <fieldset>
        <legend>2. 送り状番号の取り込み / Tracking numbers</legend>
        <p>
          配送会社のソフトが出した結果ファイル（お客様管理番号・伝票番号）は <a href="#import" data-testid="tracking-import-link">取り込み</a> で取り込みます（種類は自動判定、または「送り状番号」を選びます）。
        </p>
      </fieldset>
      <fieldset>
        <legend>3. 出荷実績 / Shipping results</legend>
        <div class="form-row">
          <select value={encoding} onChange={(e) => setEncoding(e.currentTarget.value as 'utf-8' | 'cp932')}>
            <option value="cp932">Shift_JIS (CP932)</option>
            <option value="utf-8">UTF-8</option>
          </select>
          <button onClick={shippedCsv} data-testid="shipped-csv">
            {date} の出荷実績 CSV
          </button>
        </div>
      </fieldset>
      <h3>便ごとの積込 / Handovers by carrier</h3>
      {handovers ? <HandoversView day={handovers} timeZone={zone} /> : <p class="hint">読み込み中…</p>}
      <h3>配送方法の割り当て / Carrier mapping</h3>
      <p class="hint">送り状照合 (LABEL_SCAN) と既定の配送会社は <a href="#settings">倉庫設定</a> で変えます。</p>
      {settings ? <CarrierMappingTable mappings={settings.mappings} onChange={saveMapping} /> : <EmptyState>読み込み中…</EmptyState>}
    </section>
  );
}
