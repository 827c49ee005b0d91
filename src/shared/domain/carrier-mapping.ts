/**
 * Which carrier and service a shipment's 配送方法 means. Names that say their carrier map by default;
 * generic names (宅配便, 宅配便(クール)) take the warehouse's default carrier; a warehouse's own
 * mapping (data, edited in the console or imported) wins over both.
 */
import type { CarrierId } from './carrier.js';

/** One mapping row: a 配送方法 → a carrier (null: generic, use the default carrier) and its service. */
export interface CarrierMapping {
  method: string;
  carrierId: CarrierId | null;
  service: string | null;
}

/** The built-in mappings for the names the carriers' own services go by. */
export const DEFAULT_CARRIER_MAPPINGS: readonly CarrierMapping[] = [
  { method: '宅急便', carrierId: 'yamato', service: '宅急便' },
  { method: 'ヤマト運輸', carrierId: 'yamato', service: '宅急便' },
  { method: '宅急便コンパクト', carrierId: 'yamato', service: '宅急便コンパクト' },
  { method: 'ネコポス', carrierId: 'yamato', service: 'ネコポス' },
  { method: 'クール宅急便', carrierId: 'yamato', service: 'クール宅急便(冷蔵)' },
  { method: 'クール宅急便(冷蔵)', carrierId: 'yamato', service: 'クール宅急便(冷蔵)' },
  { method: 'クール宅急便(冷凍)', carrierId: 'yamato', service: 'クール宅急便(冷凍)' },
  { method: '飛脚宅配便', carrierId: 'sagawa', service: '飛脚宅配便' },
  { method: '佐川急便', carrierId: 'sagawa', service: '飛脚宅配便' },
  { method: '飛脚クール便', carrierId: 'sagawa', service: '飛脚クール便(冷蔵)' },
  { method: 'ゆうパック', carrierId: 'japanpost', service: 'ゆうパック' },
  { method: 'チルドゆうパック', carrierId: 'japanpost', service: 'チルドゆうパック' },
  { method: 'ゆうパケット', carrierId: 'japanpost', service: 'ゆうパケット' },
  { method: 'クリックポスト', carrierId: 'japanpost', service: 'クリックポスト' },
  { method: '宅配便', carrierId: null, service: '宅配便' },
  { method: '宅配便(クール)', carrierId: null, service: 'クール(冷蔵)' },
  { method: '宅配便(日時指定)', carrierId: null, service: '宅配便' },
];

/** How a generic service reads for one carrier (宅配便(クール) is クール宅急便 at Yamato). */
const GENERIC_SERVICE_OF: Record<string, Partial<Record<CarrierId, string>>> = {
  宅配便: { yamato: '宅急便', sagawa: '飛脚宅配便', japanpost: 'ゆうパック' },
  'クール(冷蔵)': { yamato: 'クール宅急便(冷蔵)', sagawa: '飛脚クール便(冷蔵)', japanpost: 'チルドゆうパック' },
};

/** A 配送方法 as compared: NFKC (full-width brackets and letters), no spaces. */
export function normaliseMethod(method: string): string {
  return method.normalize('NFKC').replace(/\s+/g, '');
}

/** The carrier and service of `method`: the warehouse's mappings, then the defaults; generic names take `defaultCarrier`. */
export function resolveCarrier(
  method: string,
  mappings: readonly CarrierMapping[],
  defaultCarrier: CarrierId | null,
): { carrierId: CarrierId | null; service: string | null } {
  const key = normaliseMethod(method);
  const found = mappings.find((m) => normaliseMethod(m.method) === key) ?? DEFAULT_CARRIER_MAPPINGS.find((m) => normaliseMethod(m.method) === key);
  if (!found) return { carrierId: null, service: null };
  if (found.carrierId) return { carrierId: found.carrierId, service: found.service };
  if (!defaultCarrier) return { carrierId: null, service: found.service };
  return { carrierId: defaultCarrier, service: (found.service && GENERIC_SERVICE_OF[found.service]?.[defaultCarrier]) ?? found.service };
}
