/**
 * Fake recipients for the demo parcels: real-looking Japanese addresses (existing postal codes and
 * towns, made-up block numbers and buildings) and phone numbers in the 090-0000 block, which no
 * subscriber holds. Server side only, like every recipient.
 */
import type { Recipient } from '../db/tables/parcels.js';

const PLACES: readonly { postalCode: string; town: string }[] = [
  { postalCode: '150-0001', town: '東京都渋谷区神宮前' },
  { postalCode: '060-0042', town: '北海道札幌市中央区大通西' },
  { postalCode: '530-0001', town: '大阪府大阪市北区梅田' },
  { postalCode: '460-0008', town: '愛知県名古屋市中区栄' },
  { postalCode: '810-0001', town: '福岡県福岡市中央区天神' },
  { postalCode: '980-0021', town: '宮城県仙台市青葉区中央' },
  { postalCode: '220-0012', town: '神奈川県横浜市西区みなとみらい' },
  { postalCode: '730-0011', town: '広島県広島市中区基町' },
  { postalCode: '604-8005', town: '京都府京都市中京区恵比須町' },
  { postalCode: '900-0015', town: '沖縄県那覇市久茂地' },
];

/** The demo recipient of the n-th demo shipment, named as its customer. */
export function demoRecipientOf(n: number, customerName: string): Recipient {
  const place = PLACES[n % PLACES.length];
  const flat = n % 3 === 0 ? ` デモハイツ${100 + n}号室` : '';
  return {
    name: customerName,
    postalCode: place.postalCode,
    address: `${place.town}${1 + (n % 4)}-${2 + (n % 7)}-${1 + (n % 11)}${flat}`,
    phone: `090-0000-${String(1000 + n).padStart(4, '0')}`,
  };
}
