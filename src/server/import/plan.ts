/** What an import planner decides, and what every planner shares: splitting checked rows, "did it change". */
import type { ImportIssue, ImportType } from '../../shared/protocol/import.js';
import type { Tx } from '../db/client.js';
import type { CheckedRow } from './validate-rows.js';

/** What a planner decided: counts, problems, and the writes to do if the import goes ahead. */
export interface Plan {
  imported: Record<string, number>;
  rejected: number;
  /** How many records the file holds (shipments or rows), for --strict's "all rejected". */
  records: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  write: (tx: Tx) => Promise<void>;
  /** Shipments written, for the after-import hook. */
  shipmentIds?: string[];
  warehouseId?: string;
}

type Good<T extends ImportType> = Extract<CheckedRow<T>, { ok: true }>;

/** Splits checked rows into good ones and the errors of the bad ones. */
export function splitChecked<T extends ImportType>(rows: CheckedRow<T>[]) {
  const good = rows.filter((r): r is Good<T> => r.ok);
  const errors = rows.flatMap((r) => (r.ok ? [] : r.errors));
  const warnings = good.flatMap((r) => r.warnings);
  return { good, errors, warnings, bad: rows.length - good.length };
}

/** "Did anything change": JSON with sorted keys, because jsonb hands objects back with its own key order. */
export function sameRecord(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
