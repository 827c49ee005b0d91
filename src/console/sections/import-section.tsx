/** Import with a dry-run preview: choose a file → preview (nothing written) → confirm → result. */
import { useState } from 'preact/hooks';
import type { ImportEncoding, ImportReport, ImportType } from '../../shared/protocol/import.js';
import { api, type OnError } from '../api.js';
import { confirmImportLabel, recordsToWrite } from '../format.js';
import { importPath } from '../requests.js';
import { ReportView } from './import-report-view.js';

const TYPES: readonly [ImportType | '', string][] = [
  ['', '自動判定 / from headers'],
  ['shipments', '出荷指示 / shipments'],
  ['holds', '出荷停止・キャンセル / holds'],
  ['products', '商品 / products'],
  ['ranks', '顧客ランク / ranks'],
  ['gift-codes', 'ギフトコード / gift codes'],
  ['inserts', '同梱物 / inserts'],
  ['tracking', '送り状番号 / tracking numbers'],
];

/** The import section. */
export function ImportSection({ onError }: { onError: OnError }) {
  const [file, setFile] = useState<File | null>(null);
  const [type, setType] = useState<ImportType | ''>('');
  const [encoding, setEncoding] = useState<ImportEncoding>('auto');
  const [strict, setStrict] = useState(false);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    try {
      const report = await api<ImportReport>('POST', importPath({ filename: file.name, type, encoding, strict, dryRun }), file);
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
  const wouldWrite = preview ? recordsToWrite(preview) : 0;

  return (
    <section data-testid="import-section">
      <h2>取り込み / Import</h2>
      <p class="hint">基幹システムの CSV（UTF-8 / Shift_JIS）、TSV、JSON。まず内容を確認（何も書き込みません）してから取り込みます。</p>
      <div class="form-row">
        <input type="file" accept=".csv,.tsv,.txt,.json" data-testid="import-file" onChange={(e) => (setFile(e.currentTarget.files?.[0] ?? null), reset())} />
        <label>
          種類
          <select value={type} onChange={(e) => (setType(e.currentTarget.value as ImportType | ''), reset())} data-testid="import-type">
            {TYPES.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          文字コード
          <select value={encoding} onChange={(e) => (setEncoding(e.currentTarget.value as ImportEncoding), reset())}>
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
              {confirmImportLabel(preview)}
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
