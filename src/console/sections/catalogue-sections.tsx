/** The products with their JANs and the inserts with their barcodes, and the practice sheet of the demo's barcodes. */
import type { AdminCatalogueResponse } from '../../shared/protocol/admin-parcel.js';
import type { OnError } from '../api.js';
import { Chips, EmptyState, TableWrap } from '../components.js';
import { useAnswer } from './listing-sections.js';

/** Where the server serves the printable practice sheet. */
export const PRACTICE_SHEET_URL = '/console/practice-sheet';

/** Products (code, name, location, JANs) and inserts (code, name, barcode). */
export function CatalogueSection({ onError }: { onError: OnError }) {
  const data = useAnswer<AdminCatalogueResponse>('/api/admin/catalogue', onError);
  if (!data) return <p class="hint">読み込み中…</p>;
  return (
    <section data-testid="catalogue-section">
      <h2>商品・同梱物 / Products and inserts</h2>
      <p class="hint">
        検品では JAN を読み取ります（商品コードは読み取れません）。印刷して試すなら <a href={PRACTICE_SHEET_URL} target="_blank" rel="noopener">練習用バーコード</a>。
      </p>
      <h3>商品 / Products ({data.products.length})</h3>
      {data.products.length === 0 ? (
        <EmptyState>商品はまだありません。取り込みで商品マスタを読み込んでください。</EmptyState>
      ) : (
        <TableWrap>
          <table data-testid="product-table">
            <thead>
              <tr>
                <th>商品コード</th>
                <th>商品名</th>
                <th>ロケーション</th>
                <th>JAN</th>
              </tr>
            </thead>
            <tbody>
              {data.products.map((p) => (
                <tr key={p.code} data-testid="product-row" data-code={p.code}>
                  <td>{p.code}</td>
                  <td>{p.name}</td>
                  <td>{p.location || '—'}</td>
                  <td>
                    <Chips items={p.barcodes} empty="JAN なし（検品で読み取れません）" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h3>同梱物 / Inserts ({data.inserts.length})</h3>
      {data.inserts.length === 0 ? (
        <EmptyState>同梱物はまだありません。取り込みで同梱物マスタを読み込んでください。</EmptyState>
      ) : (
        <TableWrap>
          <table data-testid="insert-table">
            <thead>
              <tr>
                <th>コード</th>
                <th>名前</th>
                <th>バーコード</th>
              </tr>
            </thead>
            <tbody>
              {data.inserts.map((i) => (
                <tr key={i.code} data-testid="insert-row" data-code={i.code}>
                  <td>{i.code}</td>
                  <td>{i.name}</td>
                  <td>{i.barcode ?? <span class="hint">なし：端末でタップして確認（または INS-{i.code} のラベル）</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

/** The practice sheet: what it is for, a link to print it, and a preview. */
export function PracticeSection() {
  return (
    <section data-testid="practice-section">
      <h2>練習用バーコード / Practice barcodes</h2>
      <p>
        デモ倉庫のスタッフバッジ・出荷伝票・商品 JAN・同梱物・ロケーションを本物のバーコードで並べた A4 のページです。印刷するか画面のまま、スキャナーやスマートフォンのカメラで、サインイン → ピッキング → 検品 → 返品を試せます。
      </p>
      <p>
        <a class="button primary" href={PRACTICE_SHEET_URL} target="_blank" rel="noopener" data-testid="practice-open">
          印刷用ページを開く / Open the printable sheet
        </a>
      </p>
      <iframe class="sheet-preview" src={PRACTICE_SHEET_URL} title="練習用バーコード" />
    </section>
  );
}
