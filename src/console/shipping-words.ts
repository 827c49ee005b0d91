/** The words of shipping in the console: carriers, LABEL_SCAN, a box's label, the shop's notification, a day's handovers. */
import type { CarrierId, LabelScanMode } from '../shared/domain/carrier.js';
import { CARRIER_NAMES } from '../shared/domain/carrier-tracking.js';
import type { HandoversResponse, ParcelShippingView } from '../shared/protocol/admin-shipping.js';

/** The carriers in the order the console offers them. */
export const CARRIER_IDS: readonly CarrierId[] = ['yamato', 'sagawa', 'japanpost', 'other'];

/** The carriers whose import file the server writes with a built-in layout (src/server/export/layouts). */
export const EXPORTABLE_CARRIERS: readonly CarrierId[] = ['yamato', 'sagawa', 'japanpost'];

/** A carrier's name in Japanese; a parcel no carrier is mapped to says what to do. */
export function carrierName(carrierId: CarrierId | null): string {
  return carrierId ? CARRIER_NAMES[carrierId].ja : '配送会社なし（配送方法の割り当てか既定の配送会社を設定してください）';
}

/** LABEL_SCAN in the floor's words: what the packer must do with a box's label. */
export const LABEL_SCAN_LABEL: Record<LabelScanMode, string> = {
  required: '必須：送り状を読むまで完了できない',
  optional: '任意：読めば照合、読まずに完了も可',
  off: 'しない：送り状を読まない',
};

type Box = ParcelShippingView['boxes'][number];

/** A box's label in one phrase: bound (and whether it is the expected one), expected only, or none yet. */
export function boxLabelState(box: Box): { text: string; alert: boolean } {
  if (box.boundNumber && box.expectedNumber && box.boundNumber !== box.expectedNumber) {
    return { text: `予定と違う送り状（予定 ${box.expectedNumber}）`, alert: true };
  }
  if (box.boundNumber) return { text: box.expectedNumber ? '照合済み（予定どおり）' : '照合済み（梱包時に登録）', alert: false };
  if (box.expectedNumber) return { text: '未照合：梱包時に送り状を読みます', alert: false };
  return { text: '送り状番号なし：送り状の取り込みか梱包時の読み取りを待っています', alert: false };
}

/** The number to show for a box: the one on the box if scanned, else the one expected. */
export function boxNumber(box: Box): string | null {
  return box.boundNumber ?? box.expectedNumber;
}

const NOTIFICATION_LABEL: Record<NonNullable<ParcelShippingView['notification']>['status'], string> = {
  pending: '送信待ち',
  sending: '送信中',
  sent: '送信済み',
  dead: '送信できませんでした（通知画面で確認してください）',
};

/** The parcel.shipped notification's state; before shipping, when it will be sent. */
export function notificationText(notification: ParcelShippingView['notification']): string {
  if (!notification) return '出荷確定（積込の締め）でショップに通知します';
  const tries = notification.attempts > 1 ? `（${notification.attempts} 回目）` : '';
  return `${NOTIFICATION_LABEL[notification.status]}${tries}`;
}

/** A handover (one truck's loading) as the console names it: 便 and the start of its id, the same on every page. */
export function handoverLabel(handoverId: string): string {
  return `便 ${handoverId.slice(0, 8)}`;
}

type Handover = HandoversResponse['handovers'][number];

/** One carrier's handovers of the day, and how many parcels and boxes left with them. */
export interface CarrierHandovers {
  carrierId: CarrierId;
  handovers: Handover[];
  parcels: number;
  boxes: number;
}

/** The day's handovers grouped by carrier, in the console's carrier order. */
export function handoversByCarrier(handovers: readonly Handover[]): CarrierHandovers[] {
  return CARRIER_IDS.flatMap((carrierId) => {
    const own = handovers.filter((h) => h.carrierId === carrierId);
    if (own.length === 0) return [];
    const parcels = own.flatMap((h) => h.parcels);
    return [{ carrierId, handovers: own, parcels: parcels.length, boxes: parcels.reduce((n, p) => n + p.trackingNumbers.length, 0) }];
  });
}
