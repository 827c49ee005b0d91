/** An import report as the supervisor reads it: counts, then the errors and warnings by row and column. */
import { Fragment } from 'preact';
import type { ImportReport } from '../../shared/protocol/import.js';

/** Counts, then the errors and warnings as a table (row, column, message). */
export function ReportView({ report }: { report: ImportReport }) {
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

/** Errors or warnings as a table (row, column, message). */
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
