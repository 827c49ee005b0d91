/**
 * How a shop names a carrier and finds a parcel on its tracking page. The company names are the ones
 * Shopify's fulfillment tracking info lists for Japanese carriers, so a small adapter can forward them.
 */
import type { CarrierId } from './carrier.js';

/** Tracking company names (Shopify's spelling) and carriers' names in Japanese. */
export const CARRIER_NAMES: Record<CarrierId, { company: string; ja: string }> = {
  yamato: { company: 'Yamato (JA)', ja: 'ヤマト運輸' },
  sagawa: { company: 'Sagawa (JA)', ja: '佐川急便' },
  japanpost: { company: 'Japan Post (JA)', ja: '日本郵便' },
  other: { company: 'Other', ja: 'その他' },
};

/** The carrier's public tracking page for one number; null for `other`. */
export function trackingUrlOf(carrierId: CarrierId, number: string): string | null {
  const n = encodeURIComponent(number);
  switch (carrierId) {
    case 'yamato':
      return `https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number01=${n}`;
    case 'sagawa':
      return `https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=${n}`;
    case 'japanpost':
      return `https://trackings.post.japanpost.jp/services/srv/search/?requestNo1=${n}&search.x=1`;
    case 'other':
      return null;
  }
}
