/** The import report (CLI --json, POST /api/admin/import, console preview): one shape everywhere. */
import * as z from 'zod/mini';

/** What an import file holds; inferred from its headers when not given. */
export const importTypeSchema = z.enum(['products', 'ranks', 'gift-codes', 'inserts', 'shipments', 'holds', 'tracking']);
export type ImportType = z.infer<typeof importTypeSchema>;

/** How the file's bytes are decoded; auto = BOM, else strict UTF-8, else CP932. */
export const importEncodingSchema = z.enum(['auto', 'utf-8', 'cp932']);
export type ImportEncoding = z.infer<typeof importEncodingSchema>;

/** One problem, located as a spreadsheet shows it: the header is row 1, the first data row is row 2. */
export const importIssueSchema = z.object({
  row: z.int(),
  column: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

/**
 * The report. `imported` counts what was (or, on a dry run, would be) written: created, updated,
 * unchanged, plus per-type counts; `rejected` counts rejected records (shipments for a shipment file,
 * rows otherwise).
 */
export const importReportSchema = z.object({
  ok: z.boolean(),
  type: z.string(),
  rows: z.int(),
  imported: z.record(z.string(), z.int()),
  rejected: z.int(),
  errors: z.array(importIssueSchema),
  warnings: z.array(importIssueSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** Query of POST /api/admin/import; the body is the file's raw bytes. */
export const importQuerySchema = z.object({
  type: z.optional(importTypeSchema),
  encoding: z._default(importEncodingSchema, 'auto'),
  dryRun: z.pipe(z._default(z.enum(['0', '1', 'true', 'false']), '0'), z.transform((v) => v === '1' || v === 'true')),
  strict: z.pipe(z._default(z.enum(['0', '1', 'true', 'false']), '0'), z.transform((v) => v === '1' || v === 'true')),
  /** The file name, only to tell CSV / TSV / JSON apart by extension (content is sniffed otherwise). */
  filename: z.optional(z.string().check(z.maxLength(255))),
  warehouseId: z.optional(z.string().check(z.minLength(1))),
  lang: z._default(z.enum(['ja', 'en']), 'ja'),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;
