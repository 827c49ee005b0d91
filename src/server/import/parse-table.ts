/** Splits decoded text into a header and records: CSV and TSV through csv-parse, or a JSON array of objects. */
import { parse } from 'csv-parse/sync';

/** The file formats read. */
export type TableFormat = 'csv' | 'tsv' | 'json';

/** One data record: its spreadsheet row (header = row 1) and its cells in header order. */
export interface TableRecord {
  row: number;
  cells: string[];
}

/** A parsed file: header names as written, and the records (cells may be fewer or more than headers). */
export interface Table {
  format: TableFormat;
  headers: string[];
  records: TableRecord[];
}

/** Thrown when the text is not a table at all (a usage error, not a row error). */
export class TableParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TableParseError';
  }
}

/** Picks the format from the file name's extension, else from the content (JSON brackets, tabs in the header). */
export function detectFormat(text: string, filename?: string): TableFormat {
  const ext = filename?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'json') return 'json';
  if (ext === 'tsv' || ext === 'tab') return 'tsv';
  if (ext === 'csv') return 'csv';
  const start = text.trimStart()[0];
  if (start === '[' || start === '{') return 'json';
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? 'tsv' : 'csv';
}

/** Parses the text as `format`; blank lines are skipped but still counted, so row numbers match a spreadsheet. */
export function parseTable(text: string, format: TableFormat): Table {
  if (format === 'json') return parseJson(text);
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter: format === 'tsv' ? '\t' : ',',
      bom: true,
      relax_column_count: true,
      // TSV exports rarely quote, and a stray " in a name must not swallow the rest of the file.
      quote: format === 'tsv' ? false : '"',
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    throw new TableParseError(`CSV: ${(error as Error).message}`);
  }
  const [header, ...body] = rows;
  if (!header) throw new TableParseError('The file is empty: no header row');
  const records: TableRecord[] = [];
  body.forEach((cells, i) => {
    // A record is one spreadsheet row even when a quoted cell holds line breaks.
    if (cells.length === 1 && cells[0].trim() === '') return;
    records.push({ row: i + 2, cells });
  });
  return { format, headers: header.map((h) => h.trim()), records };
}

/** JSON: an array of objects (or {"rows": [...]}); keys are header names; item i is reported as row i + 2, like the same data in CSV. */
function parseJson(text: string): Table {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new TableParseError(`JSON: ${(error as Error).message}`);
  }
  const items = Array.isArray(data) ? data : (data as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(items)) throw new TableParseError('JSON: expected an array of objects, or {"rows": [...]}');
  const headers: string[] = [];
  for (const item of items) {
    if (item && typeof item === 'object' && !Array.isArray(item)) for (const key of Object.keys(item)) if (!headers.includes(key)) headers.push(key);
  }
  const records = items.map((item, i) => {
    const obj = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    return { row: i + 2, cells: headers.map((h) => cellText(obj[h])) };
  });
  return { format: 'json', headers, records };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join(';');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
