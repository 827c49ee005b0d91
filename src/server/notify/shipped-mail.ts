/** The mail a list of the shop's own addresses (SHIPPED_MAIL_TO) gets for each shipped parcel. */
import { CARRIER_NAMES } from '../../shared/domain/carrier-tracking.js';
import type { ShippedNotice } from './shipped-notice.js';

/** Subject and text of the shipped mail (Japanese: the shop's staff read it). */
export function renderShippedMail(notice: ShippedNotice): { subject: string; text: string } {
  const lines = [
    `注文番号 ${notice.orderNumber}（出荷ID ${notice.shipmentId}）を出荷しました。`,
    `配送会社: ${CARRIER_NAMES[notice.carrier].ja}${notice.service ? `（${notice.service}）` : ''}`,
    `出荷日時: ${notice.shippedAt}`,
    ...notice.trackings.map((t, i) => `送り状番号${notice.trackings.length > 1 ? ` ${i + 1}` : ''}: ${t.number}${t.url ? `  ${t.url}` : ''}`),
    '',
    '商品:',
    ...notice.items.map((i) => `  ${i.name} × ${i.qty}`),
  ];
  return { subject: `出荷のお知らせ 注文番号 ${notice.orderNumber}`, text: `${lines.join('\n')}\n` };
}

/** The Message-ID of a parcel's shipped mail: the same on every retry, so a resend is recognisable. */
export function shippedMessageIdOf(shipmentId: string, mailFrom: string): string {
  const domain = /@([A-Za-z0-9.-]+)/.exec(mailFrom)?.[1] ?? 'floorpack.invalid';
  return `<shipped-${encodeURIComponent(shipmentId)}@${domain}>`;
}
