/** The shipping settings of the 倉庫設定 page: each warehouse's default carrier and LABEL_SCAN per carrier. */
import { useEffect, useState } from 'preact/hooks';
import type { CarrierId, LabelScanMode } from '../../shared/domain/carrier.js';
import type { ShippingSettings } from '../../shared/protocol/admin-shipping.js';
import { api, type OnError } from '../api.js';
import { TableWrap } from '../components.js';
import { useConsoleData } from '../console-context.js';
import { CARRIER_IDS, carrierName, LABEL_SCAN_LABEL } from '../shipping-words.js';

const MODES: readonly LabelScanMode[] = ['required', 'optional', 'off'];

/** Default carrier per warehouse and LABEL_SCAN per carrier, each saved as soon as it is chosen. */
export function CarrierSettings({ onError }: { onError: OnError }) {
  const { warehouses } = useConsoleData();
  const [settings, setSettings] = useState<ShippingSettings | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    api<ShippingSettings>('GET', '/api/admin/shipping/settings').then(setSettings, onError);
  }, []);
  const save = (change: object, what: string) =>
    api<ShippingSettings>('PUT', '/api/admin/shipping/settings', change).then((s) => (setSettings(s), setSaved(what)), onError);

  if (!settings) return <p class="hint">配送設定を読み込み中…</p>;
  const defaultOf = (warehouseId: string) => settings.defaultCarrier.find((d) => d.warehouseId === warehouseId)?.carrierId ?? null;
  return (
    <div data-testid="carrier-settings">
      <h3>既定の配送会社 / Default carrier</h3>
      <p class="hint">「宅配便」のように配送会社を名指ししない配送方法は、この配送会社で出荷します。未設定の荷物は送り状データを出力できません。</p>
      {warehouses.map((w) => (
        <label key={w.id} class="form-row">
          <b>
            {w.id} {w.name}
          </b>
          <select
            value={defaultOf(w.id) ?? ''}
            data-testid={`default-carrier-${w.id}`}
            onChange={(e) => void save({ defaultCarrier: { warehouseId: w.id, carrierId: (e.currentTarget.value || null) as CarrierId | null } }, `default-${w.id}`)}
          >
            <option value="">未設定</option>
            {CARRIER_IDS.map((id) => (
              <option key={id} value={id}>
                {carrierName(id)}
              </option>
            ))}
          </select>
          {saved === `default-${w.id}` && <span class="ok">保存しました</span>}
        </label>
      ))}
      <h3>送り状照合 / Label scan (LABEL_SCAN)</h3>
      <p class="hint">梱包の最後に各箱の送り状を読むかどうか。端末は次の同期で新しい設定を受け取ります。</p>
      <TableWrap>
        <table>
          <thead>
            <tr>
              <th>配送会社</th>
              <th>送り状照合</th>
            </tr>
          </thead>
          <tbody>
            {CARRIER_IDS.map((id) => (
              <tr key={id} data-testid="label-scan-row" data-carrier={id}>
                <td>{carrierName(id)}</td>
                <td>
                  <select value={settings.labelScan[id]} data-testid={`label-scan-${id}`} onChange={(e) => void save({ labelScan: { [id]: e.currentTarget.value } }, `scan-${id}`)}>
                    {MODES.map((m) => (
                      <option key={m} value={m}>
                        {LABEL_SCAN_LABEL[m]}
                      </option>
                    ))}
                  </select>{' '}
                  {saved === `scan-${id}` && <span class="ok">保存しました</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}
