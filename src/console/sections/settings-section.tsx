/** Warehouse settings: the time zone every time of the warehouse is shown in (console, reports, shipping), and how it ships. */
import { useState } from 'preact/hooks';
import type { AdminWarehouse } from '../../shared/protocol/admin-console.js';
import { formatWarehouseTime, isKnownTimeZone } from '../../shared/domain/warehouse-time.js';
import { api, type OnError } from '../api.js';
import { EmptyState } from '../components.js';
import { useConsoleData } from '../console-context.js';
import { CarrierSettings } from './carrier-settings.js';

/** The zones a supervisor is offered (the runtime's own list where it has one); any IANA name may be typed. */
function zoneChoices(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return supported ? supported('timeZone') : ['Asia/Tokyo', 'Asia/Seoul', 'Asia/Shanghai', 'Asia/Singapore', 'Europe/London', 'America/Los_Angeles', 'UTC'];
}

function WarehouseZone({ warehouse, onSaved, onError }: { warehouse: AdminWarehouse; onSaved: (w: AdminWarehouse) => void; onError: OnError }) {
  const [zone, setZone] = useState(warehouse.timeZone);
  const [saved, setSaved] = useState(false);
  const valid = isKnownTimeZone(zone.trim());
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      onSaved(await api<AdminWarehouse>('PUT', `/api/admin/warehouses/${encodeURIComponent(warehouse.id)}/settings`, { timeZone: zone.trim() }));
      setSaved(true);
    } catch (error) {
      onError(error);
    }
  };
  return (
    <form class="form-row" onSubmit={save} data-testid={`zone-form-${warehouse.id}`}>
      <b>
        {warehouse.id} {warehouse.name}
      </b>
      <label>
        時間帯 / time zone{' '}
        <input list="zones" value={zone} onInput={(e) => (setZone(e.currentTarget.value), setSaved(false))} data-testid="zone-input" aria-invalid={!valid} />
      </label>
      <span class="hint">{valid ? `いま ${formatWarehouseTime(Date.now(), zone.trim())}` : 'IANA の時間帯名を入れてください（例 Asia/Tokyo）'}</span>
      <button type="submit" class="primary" disabled={!valid || zone.trim() === warehouse.timeZone} data-testid="zone-save">
        保存 / Save
      </button>
      {saved && <span class="ok">保存しました</span>}
    </form>
  );
}

/** The settings of each warehouse. */
export function SettingsSection({ onError, onWarehouseSaved }: { onError: OnError; onWarehouseSaved: (w: AdminWarehouse) => void }) {
  const { warehouses } = useConsoleData();
  return (
    <section data-testid="settings-section">
      <h2>倉庫設定 / Warehouse settings</h2>
      <p class="hint">コンソール・日報・出荷の時刻は、この倉庫の時間帯で表示されます（既定 Asia/Tokyo）。</p>
      {warehouses.length === 0 && <EmptyState>倉庫はまだありません。デモデータで起動するか、マスタを取り込んでください。</EmptyState>}
      {warehouses.map((w) => (
        <WarehouseZone key={w.id} warehouse={w} onSaved={onWarehouseSaved} onError={onError} />
      ))}
      <datalist id="zones">
        {zoneChoices().map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <CarrierSettings onError={onError} />
    </section>
  );
}
