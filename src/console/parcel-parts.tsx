/**
 * The parts of the parcel page, in page order. Each reads its own field of the parcel reply
 * (shared/protocol/admin-parcel.ts); a feature adds its part (shipping, photos …) by adding an entry
 * here beside a field of its own in the reply.
 */
import type { JSX } from 'preact';
import type { AdminParcelDetail } from '../shared/protocol/admin-parcel.js';
import { Chips, EmptyState, TableWrap } from './components.js';
import { FLAG_LABEL, formatWhen } from './format.js';
import { ParcelShippingPart } from './parcel-shipping-part.js';
import { flagBasisText, giftInstructionText, timelineDevice, timelineOutcome, timelineWhat, timelineWho } from './parcel-words.js';

/** One part: a heading and what it shows of the reply (null: the part has nothing to show and is left out). */
export interface ParcelPagePart {
  id: string;
  title: string;
  render(detail: AdminParcelDetail, timeZone: string): JSX.Element | null;
}

function Lines({ lines }: { lines: AdminParcelDetail['lines'] }) {
  return (
    <TableWrap>
      <table data-testid="parcel-lines">
        <thead>
          <tr>
            <th>商品コード</th>
            <th>商品名</th>
            <th>JAN</th>
            <th>ロケーション</th>
            <th class="num">数量</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.productCode} data-testid="parcel-line">
              <td>{l.productCode}</td>
              <td>{l.name ?? <span class="error">商品マスタにありません</span>}</td>
              <td>
                <Chips items={l.barcodes} empty="JAN なし" />
              </td>
              <td>{l.location ?? '—'}</td>
              <td class="num">{l.qty}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Flags({ detail }: { detail: AdminParcelDetail }) {
  if (detail.flags.length === 0) return <EmptyState>フラグなし：通常の梱包です。</EmptyState>;
  return (
    <div data-testid="parcel-flags">
      {detail.flagBasis && (
        <p class="hint" data-testid="flag-basis">
          理由 / why: {flagBasisText(detail.flagBasis)}
        </p>
      )}
      {detail.flags.map((f) => (
        <dl key={f.flag} class="facts" data-testid="parcel-flag" data-flag={f.flag}>
          <dt>{FLAG_LABEL[f.flag] ?? f.flag}</dt>
          <dd>
            梱包：{f.instruction ?? '—'}
            <br />
            返品受付：{f.returnInstruction ?? '—'}
          </dd>
        </dl>
      ))}
    </div>
  );
}

function Gift({ gift }: { gift: NonNullable<AdminParcelDetail['gift']> }) {
  return (
    <dl class="facts" data-testid="parcel-gift">
      <dt>ギフトコード</dt>
      <dd>
        {gift.code}：{giftInstructionText(gift)}
      </dd>
      <dt>のし名入れ</dt>
      <dd>{gift.noshiName ?? 'なし'}</dd>
      <dt>メッセージカード</dt>
      <dd>{gift.message ?? 'なし'}</dd>
    </dl>
  );
}

function Inserts({ inserts }: { inserts: AdminParcelDetail['inserts'] }) {
  if (inserts.length === 0) return <EmptyState>同梱物なし。</EmptyState>;
  return (
    <ul class="plain" data-testid="parcel-inserts">
      {inserts.map((i) => (
        <li key={i.code}>
          <b>{i.code}</b> {i.name ?? '（未登録の同梱物）'} <small class="hint">{i.barcode ? `バーコード ${i.barcode}` : 'バーコードなし（タップで確認）'}</small>
          {i.source === 'rule' && <span class="chip">ヒューマンタッチで追加</span>}
        </li>
      ))}
    </ul>
  );
}

function Timeline({ entries, timeZone }: { entries: AdminParcelDetail['timeline']; timeZone: string }) {
  if (entries.length === 0) return <EmptyState>まだ記録はありません。端末で梱包・返品が同期されるとここに並びます。</EmptyState>;
  return (
    <TableWrap>
      <table data-testid="parcel-timeline">
        <thead>
          <tr>
            <th>日時</th>
            <th>内容</th>
            <th>結果・理由</th>
            <th>担当</th>
            <th>端末</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={i} class={e.outcome === 'rejected' || e.outcome === 'open' ? 'row-alert' : ''} data-testid="timeline-entry" data-outcome={e.outcome}>
              <td class="nowrap">{formatWhen(e.at, timeZone)}</td>
              <td class="nowrap">{timelineWhat(e)}</td>
              <td>{timelineOutcome(e)}</td>
              <td>{timelineWho(e)}</td>
              <td>{timelineDevice(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** The parts, in page order. */
export const PARCEL_PAGE_PARTS: readonly ParcelPagePart[] = [
  { id: 'lines', title: '明細 / Lines', render: (d) => <Lines lines={d.lines} /> },
  { id: 'flags', title: 'ヒューマンタッチ / Human touch', render: (d) => <Flags detail={d} /> },
  { id: 'gift', title: 'ギフト / Gift', render: (d) => (d.gift ? <Gift gift={d.gift} /> : <EmptyState>ギフトなし。</EmptyState>) },
  { id: 'inserts', title: '同梱物 / Inserts', render: (d) => <Inserts inserts={d.inserts} /> },
  { id: 'shipping', title: '出荷・配送 / Shipping', render: (d, zone) => (d.shipping ? <ParcelShippingPart shipping={d.shipping} timeZone={zone} /> : null) },
  { id: 'timeline', title: '履歴 / Timeline', render: (d, zone) => <Timeline entries={d.timeline} timeZone={zone} /> },
];
