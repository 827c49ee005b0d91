/** The 配送方法 → carrier mapping: each method a shipment may name, the carrier and service it ships with. */
import type { CarrierId } from '../../shared/domain/carrier.js';
import type { ShippingSettings } from '../../shared/protocol/admin-shipping.js';
import { EmptyState, TableWrap } from '../components.js';
import { CARRIER_IDS, carrierName } from '../shipping-words.js';

/** One mapping row as the server saves it. */
export interface MappingChange {
  method: string;
  carrierId: CarrierId | null;
  service: string | null;
}

/** The mapping, each carrier a choice (empty: the warehouse's default carrier applies). */
export function CarrierMappingTable({ mappings, onChange }: { mappings: ShippingSettings['mappings']; onChange: (change: MappingChange) => void }) {
  if (mappings.length === 0) return <EmptyState>配送方法の割り当てはまだありません。出荷データを取り込むと、その配送方法がここに並びます。</EmptyState>;
  return (
    <TableWrap>
      <table data-testid="carrier-mappings">
        <thead>
          <tr>
            <th>配送方法</th>
            <th>配送会社</th>
            <th>サービス</th>
          </tr>
        </thead>
        <tbody>
          {mappings.map((m) => (
            <tr key={m.method}>
              <td>
                {m.method} {m.builtIn && <span class="chip">既定</span>}
              </td>
              <td>
                <select value={m.carrierId ?? ''} onChange={(e) => onChange({ method: m.method, carrierId: (e.currentTarget.value || null) as CarrierId | null, service: m.service })}>
                  <option value="">倉庫の既定の配送会社</option>
                  {CARRIER_IDS.map((id) => (
                    <option key={id} value={id}>
                      {carrierName(id)}
                    </option>
                  ))}
                </select>
              </td>
              <td>{m.service ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
