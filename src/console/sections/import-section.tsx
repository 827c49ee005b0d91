/** Import with a dry-run preview: choose a file → preview (nothing written) → confirm → result. */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { ImportReport } from '../../shared/protocol/import.js';
import { api } from '../api.js';
import type { OnError } from '../console.js';

const TYPES = [
  ['', '自動判定 / from headers'],
  ['shipments', '出荷指示 / shipments'],
  ['holds', '出荷停止・キャンセル / holds'],
  ['products', '商品 / products'],
  ['ranks', '顧客ランク / ranks'],
  ['gift-codes', 'ギフトコード / gift codes'],
  ['inserts', '同梱物 / inserts'],
] as const;

/** The query of an import request (the file itself is the body). */
function importUrl(file: File, type: string, encoding: string, strict: boolean, dryRun: boolean): string {
  const q = new URLSearchParams({ filename: file.name, encoding, strict: strict ? '1' : '0', dryRun: dryRun ? '1' : '0' });
  if (type) q.set('type', type);
  return `/api/admin/import?${q}`;
}

/** The import section. */
export function ImportSection({ onError }: { onError: OnError }) {
  const [file, setFile] = useState<File | null>(null);
  const [type, setType] = useState('');
  const [encoding, setEncoding] = useState('auto');
  const [strict, setStrict] = useState(false);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    try {
      const report = await api<ImportReport>('POST', importUrl(file, type, encoding, strict, dryRun), file);
      if (dryRun) {
        setPreview(report);
        setResult(null);
      } else {
        setResult(report);
        setPreview(null);
      }
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  const reset = () => (setPreview(null), setResult(null));
  const wouldWrite = preview ? (preview.imported.created ?? 0) + (preview.imported.updated ?? 0) + (preview.imported.held ?? 0) + (preview.imported.released ?? 0) : 0;

  return (
    <section data-testid="import-section">
      <h2>取り込み / Import</h2>
      <p class="hint">基幹システムの CSV（UTF-8 / Shift_JIS）、TSV、JSON。まず内容を確認（何も書き込みません）してから取り込みます。</p>
      <div class="form-row">
        <input type="file" accept=".csv,.tsv,.txt,.json" data-testid="import-file" onChange={(e) => (setFile(e.currentTarget.files?.[0] ?? null), reset())} />
        <label>
          種類
          <select value={type} onChange={(e) => (setType(e.currentTarget.value), reset())} data-testid="import-type">
            {TYPES.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          文字コード
          <select value={encoding} onChange={(e) => (setEncoding(e.currentTarget.value), reset())}>
            <option value="auto">自動 / auto</option>
            <option value="utf-8">UTF-8</option>
            <option value="cp932">Shift_JIS (CP932)</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={strict} onChange={(e) => (setStrict(e.currentTarget.checked), reset())} /> エラーがあれば全部取り込まない (--strict)
        </label>
        <button disabled={!file || busy} onClick={() => void run(true)} data-testid="import-preview">
          内容を確認 / Preview
        </button>
      </div>

      {preview && (
        <div class="preview" data-testid="import-preview-result">
          <h3>確認結果（まだ取り込んでいません） / Preview — nothing written yet</h3>
          <ReportView report={preview} />
          <div class="form-row">
            <button class="primary" disabled={busy || wouldWrite === 0} onClick={() => void run(false)} data-testid="import-confirm">
              {preview.rejected > 0 ? `エラーの ${preview.rejected} 件を除いて取り込む / Import the rest` : '取り込む / Import'}
            </button>
            <button class="link" onClick={reset}>
              やめる / Cancel
            </button>
          </div>
          {wouldWrite === 0 && <p class="hint">書き込むものがありません / Nothing to write.</p>}
        </div>
      )}
      {result && (
        <div class={`result ${result.ok ? 'ok' : 'partial'}`} data-testid="import-result" data-ok={String(result.ok)}>
          <h3>{result.ok ? '取り込みました / Imported' : '一部を取り込みました（エラーの行は取り込んでいません） / Imported, with rejections'}</h3>
          <ReportView report={result} />
        </div>
      )}
    </section>
  );
}

/** Counts, then the errors and warnings as a table (row, column, message). */
function ReportView({ report }: { report: ImportReport }) {
  return (
    <>
      <dl class="counts" data-testid="report-counts">
        <dt>種類</dt>
        <dd data-testid="report-type">{report.type}</dd>
        <dt>行数</dt>
        <dd>{report.rows}</dd>
        {Object.entries(report.imported).map(([k, v]) => (
          <Fragment key={k}>
            <dt>{k}</dt>
            <dd data-testid={`report-${k}`}>{v}</dd>
          </Fragment>
        ))}
        <dt>却下 / rejected</dt>
        <dd data-testid="report-rejected">{report.rejected}</dd>
      </dl>
      {report.errors.length > 0 && <IssueTable title={`エラー ${report.errors.length} 件 / Errors`} issues={report.errors} kind="error" />}
      {report.warnings.length > 0 && <IssueTable title={`注意 ${report.warnings.length} 件 / Warnings`} issues={report.warnings} kind="warning" />}
    </>
  );
}

function IssueTable({ title, issues, kind }: { title: string; issues: ImportReport['errors']; kind: 'error' | 'warning' }) {
  return (
    <table class={`issues ${kind}`} data-testid={`report-${kind}s`}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th>行 / row</th>
          <th>列 / column</th>
          <th>内容 / message</th>
        </tr>
      </thead>
      <tbody>
        {issues.map((i, n) => (
          <tr key={n} data-testid={`report-${kind}`} data-row={i.row} data-column={i.column}>
            <td class="num">{i.row || ''}</td>
            <td>{i.column}</td>
            <td>{i.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
