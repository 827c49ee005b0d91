/**
 * `npm run export -- carrier --carrier yamato [--date YYYY-MM-DD] [--out FILE] [--again] [--layout FILE] [--json]`
 * `npm run export -- shipped [--date YYYY-MM-DD] [--encoding utf-8|cp932] [--out FILE]`
 * Exit 0: everything exported; 1: some parcels were left out (each named with its reason); 2: usage error.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { carrierIdSchema } from '../../shared/domain/carrier.js';
import { openDatabase, type Database } from '../db/client.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { databaseOptionsOf, EnvError, parseEnv } from '../env.js';
import { runCarrierExport } from './carrier-export.js';
import { LayoutError, loadLayout } from './layout.js';
import { japanDate } from './japan-date.js';
import { shippedResultsCsv } from './shipped-results.js';

const USAGE = `usage: npm run export -- carrier --carrier yamato|sagawa|japanpost [--date YYYY-MM-DD] [--out FILE] [--again] [--layout FILE] [--json]
       npm run export -- shipped [--date YYYY-MM-DD] [--encoding utf-8|cp932] [--out FILE]
  DATA_DIR / DATABASE_URL as for the server. While the server runs on the embedded database, export
  through it instead: POST /api/admin/shipping/exports/carrier or the console.`;

/** What the command printed, the file it wrote, and its exit status. */
export interface ExportCliResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** Runs the export command with `argv` against the environment `env`. */
export async function runExportCli(argv: string[], env: NodeJS.ProcessEnv = process.env, today = new Date()): Promise<ExportCliResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        carrier: { type: 'string' },
        date: { type: 'string' },
        out: { type: 'string' },
        again: { type: 'boolean', default: false },
        layout: { type: 'string' },
        encoding: { type: 'string', default: 'utf-8' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
  const what = positionals[0];
  if (what !== 'carrier' && what !== 'shipped') return usage('say what to export: carrier or shipped');
  const date = values.date ?? japanDate(today);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return usage('--date must be YYYY-MM-DD');
  let database: Database;
  try {
    database = await openDatabase(databaseOptionsOf(parseEnv(env)));
  } catch (error) {
    if (error instanceof EnvError) return usage(error.message);
    if (error instanceof DataDirLockedError) return usage(`The floorpack server is running on DATA_DIR ${error.dataDir}: export through it (the console, or POST /api/admin/shipping/exports/carrier).`);
    throw error;
  }
  try {
    await database.migrate();
    if (what === 'shipped') {
      if (values.encoding !== 'utf-8' && values.encoding !== 'cp932') return usage('--encoding must be utf-8 or cp932');
      const { file, rows } = await shippedResultsCsv(database, date, values.encoding);
      const out = values.out ?? `shipped-${date}.csv`;
      writeFileSync(out, file);
      return { code: 0, stdout: `出荷実績 ${date}: ${rows} rows → ${out}\n`, stderr: '' };
    }
    const carrier = carrierIdSchema.safeParse(values.carrier);
    if (!carrier.success) return usage('--carrier must be yamato, sagawa or japanpost');
    const layout = loadLayout(carrier.data, values.layout);
    const result = await runCarrierExport(database, { carrier: carrier.data, layout, date, again: values.again });
    const out = values.out ?? result.filename;
    if (result.file) writeFileSync(out, result.file);
    const { file: _file, ...report } = result;
    const lines = [
      `${carrier.data} ${date}: ${result.exported} parcels${result.file ? ` → ${out}` : ' (no file written)'}; left out ${result.errors.length ? new Set(result.errors.map((e) => e.shipmentId)).size : 0}`,
      ...(result.alreadyExported > 0 ? [`  ${result.alreadyExported} parcels were exported before: add --again to export them again`] : []),
      ...result.errors.map((e) => `  error   ${e.shipmentId} [${e.column}]: ${e.message}`),
    ];
    return { code: result.ok ? 0 : 1, stdout: values.json ? `${JSON.stringify({ ...report, out: result.file ? out : null })}\n` : `${lines.join('\n')}\n`, stderr: '' };
  } catch (error) {
    if (error instanceof LayoutError) return usage(error.message);
    throw error;
  } finally {
    await database.close();
  }
}

function usage(message: string): ExportCliResult {
  return { code: 2, stdout: '', stderr: `${message}\n${USAGE}\n` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runExportCli(process.argv.slice(2)).then(
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
