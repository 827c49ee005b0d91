/** The shipping part of the parcel page: carrier and service, 個口数, each box's label and loading, shipping and the shop's notification. */
import type { ParcelShippingView } from '../shared/protocol/admin-shipping.js';
import { EmptyState, TableWrap } from './components.js';
import { formatWhen } from './format.js';
import { boxLabelState, boxNumber, carrierName, handoverLabel, notificationText } from './shipping-words.js';

/** The parcel's shipping, every time in the warehouse's `timeZone`. */
export function ParcelShippingPart({ shipping, timeZone }: { shipping: ParcelShippingView; timeZone: string }) {
  return (
    <div data-testid="parcel-shipping">
      <dl class="facts">
        <dt>配送会社</dt>
        <dd data-testid="shipping-carrier">
          {carrierName(shipping.carrierId)} <span class="chip">{shipping.service ?? shipping.method}</span>
        </dd>
        <dt>個口数</dt>
        <dd>{shipping.boxCount}</dd>
        <dt>送り状データ</dt>
        <dd>{shipping.exportedAt ? `${formatWhen(shipping.exportedAt, timeZone)} に出力済み` : '未出力（出荷・配送で CSV を出力）'}</dd>
        {shipping.loadingBlock && (
          <>
            <dt>積込停止</dt>
            <dd class="error" data-testid="shipping-block">
              {shipping.loadingBlock}：要確認で解決するまで積み込めません
            </dd>
          </>
        )}
        <dt>出荷</dt>
        <dd>{shipping.shippedAt ? formatWhen(shipping.shippedAt, timeZone) : '未出荷'}</dd>
        <dt>ショップへの通知</dt>
        <dd data-testid="shipping-notification">{notificationText(shipping.notification)}</dd>
      </dl>
      {shipping.boxes.length === 0 ? (
        <EmptyState>送り状番号はまだありません。送り状番号を取り込むか、梱包時に各箱の送り状を読むとここに並びます。</EmptyState>
      ) : (
        <TableWrap>
          <table data-testid="shipping-boxes">
            <thead>
              <tr>
                <th class="num">個口</th>
                <th>送り状番号</th>
                <th>照合</th>
                <th>梱包時の読み取り</th>
                <th>積込</th>
              </tr>
            </thead>
            <tbody>
              {shipping.boxes.map((b) => {
                const number = boxNumber(b);
                const state = boxLabelState(b);
                return (
                  <tr key={b.box} class={state.alert ? 'row-alert' : ''} data-testid="shipping-box">
                    <td class="num">{b.box}</td>
                    <td class="nowrap">{number && b.trackingUrl ? <a href={b.trackingUrl} target="_blank" rel="noopener noreferrer">{number}</a> : (number ?? '—')}</td>
                    <td>{state.text}</td>
                    <td>{b.boundAt ? `${formatWhen(b.boundAt, timeZone)} · ${b.boundOnDevice ?? '端末不明'}` : '—'}</td>
                    <td>
                      {b.loadedAt ? `${formatWhen(b.loadedAt, timeZone)} · ${b.loadedBy ?? '担当不明'} · ${b.loadedOnDevice ?? '端末不明'}` : '未積込'}{' '}
                      {b.handoverId && <span class="chip" title={b.handoverId}>{handoverLabel(b.handoverId)}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}
