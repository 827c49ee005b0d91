/**
 * `npm run import -- [--dry-run] [--json] [--strict] [--type …] [--encoding auto|utf-8|cp932] <file>`.
 * Exit 0: everything imported; 1: something was rejected; 2: usage error (or the database could not be
 * opened, e.g. a running server holds DATA_DIR).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { importEncodingSchema, importTypeSchema, type ImportReport } from '../../shared/protocol/import.js';
import { openDatabase, type Database } from '../db/client.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { rebuildBatchesAfterImport } from '../picking/rebuild-batches.js';
import { databaseOptionsOf, EnvError, parseEnv, pickSettingsOf } from '../env.js';
import { mergeHeaderMapping } from './header-map.js';
import { runImport } from './run-import.js';
import { ImportUsageError } from './usage-error.js';

const USAGE = `usage: npm run import -- [--dry-run] [--json] [--strict] [--type products|ranks|gift-codes|inserts|shipments|holds|tracking]
                          [--encoding auto|utf-8|cp932] [--warehouse <id>] [--mapping <file.json>] [--lang ja|en] <file>
  DATA_DIR / DATABASE_URL as for the server. While the server runs on the embedded database, import
  through it instead: POST /api/admin/import or the console at /console/.`;

/** What the command printed and its exit status (the process wrapper below writes and exits). */
export interface CliResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** Runs the import command with `argv` (without node and script) against the environment `env`. */
export async function runImportCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliResult> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        type: { type: 'string' },
        encoding: { type: 'string', default: 'auto' },
        warehouse: { type: 'string' },
        mapping: { type: 'string' },
        lang: { type: 'string', default: 'ja' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = args;
  if (values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
  const json = values.json;
  const fail = (message: string): CliResult => (json ? { code: 2, stdout: `${JSON.stringify(failureReport(values.type ?? '', message))}\n`, stderr: `${message}\n` } : usage(message));
  if (positionals.length !== 1) return fail(positionals.length === 0 ? 'no file given' : 'give exactly one file');
  const type = values.type === undefined ? undefined : importTypeSchema.safeParse(values.type);
  if (type && !type.success) return fail(`--type must be one of ${importTypeSchema.options.join(', ')}`);
  const encoding = importEncodingSchema.safeParse(values.encoding);
  if (!encoding.success) return fail('--encoding must be auto, utf-8 or cp932');
  if (values.lang !== 'ja' && values.lang !== 'en') return fail('--lang must be ja or en');

  let bytes: Buffer;
  let headerMapping;
  try {
    bytes = readFileSync(positionals[0]);
    headerMapping = values.mapping ? mergeHeaderMapping(JSON.parse(readFileSync(values.mapping, 'utf8'))) : undefined;
  } catch (error) {
    return fail(`cannot read ${(error as NodeJS.ErrnoException).path ?? 'file'}: ${(error as Error).message}`);
  }

  let parsedEnv;
  try {
    parsedEnv = parseEnv(env);
  } catch (error) {
    if (error instanceof EnvError) return fail(error.message);
    throw error;
  }
  let database: Database;
  try {
    database = await openDatabase(databaseOptionsOf(parsedEnv));
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      // PGlite is one process: the running server owns the data, so the import must go through it.
      return fail(
        `The floorpack server is running on DATA_DIR ${error.dataDir} and holds its lock, so this command cannot open the database.\n` +
          `Import through the running server instead:\n` +
          `  curl -X POST -H "Authorization: Bearer $ADMIN_TOKEN" --data-binary @${positionals[0]} "http://localhost:8080/api/admin/import?filename=${encodeURIComponent(positionals[0].split('/').pop() ?? '')}"\n` +
          `or upload it in the console at http://localhost:8080/console/`,
      );
    }
    throw error;
  }
  try {
    await database.migrate();
    const report = await runImport(database, bytes, {
      type: type?.data,
      encoding: encoding.data,
      dryRun: values['dry-run'],
      strict: values.strict,
      filename: positionals[0],
      warehouseId: values.warehouse,
      lang: values.lang,
      headerMapping,
      afterShipmentsImported: rebuildBatchesAfterImport(database, pickSettingsOf(parsedEnv)),
    });
    const code = report.ok ? 0 : 1;
    return { code, stdout: json ? `${JSON.stringify(report)}\n` : formatReport(report, values['dry-run']), stderr: '' };
  } catch (error) {
    if (error instanceof ImportUsageError) return fail(error.message);
    throw error;
  } finally {
    await database.close();
  }
}

function usage(message: string): CliResult {
  return { code: 2, stdout: '', stderr: `${message}\n${USAGE}\n` };
}

/** The --json object for a run that could not start (exit 2). */
function failureReport(type: string, message: string): ImportReport {
  return { ok: false, type, rows: 0, imported: {}, rejected: 0, errors: [{ row: 0, column: '', message }], warnings: [] };
}

/** The human-readable report: counts, then one line per problem (row, column, message). */
function formatReport(report: ImportReport, dryRun: boolean): string {
  const counts = Object.entries(report.imported).map(([k, v]) => `${k} ${v}`).join(', ');
  const lines = [
    `${dryRun ? '[dry run: nothing written] ' : ''}${report.type}: ${report.rows} rows; ${counts || 'nothing imported'}; rejected ${report.rejected}`,
    ...report.errors.map((e) => `  error   row ${e.row}${e.column ? ` [${e.column}]` : ''}: ${e.message}`),
    ...report.warnings.map((w) => `  warning ${w.row ? `row ${w.row}` : ''}${w.column ? ` [${w.column}]` : ''}: ${w.message}`),
  ];
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runImportCli(process.argv.slice(2)).then(
    (result) => {
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
      process.exitCode = result.code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
