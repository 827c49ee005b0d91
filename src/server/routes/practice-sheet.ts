/** The printable practice sheet (demo barcodes): public, like the console's page, since it holds only the demo's codes. */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { PRACTICE_SHEET_PATH, PRACTICE_SHEET_STYLE, practiceSheetHtml } from '../demo/practice-sheet.js';

/**
 * The sheet's own policy: no script at all, and of inline styles only its own (by hash), where the
 * app's policy allows none; everything else as strict as the app's.
 */
const SHEET_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(PRACTICE_SHEET_STYLE).digest('base64')}'`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** Registers GET /console/practice-sheet; the page is drawn once, on first request (it never changes while the server runs). */
export async function practiceSheetRoutes(app: FastifyInstance): Promise<void> {
  let page: string | null = null;
  app.get(PRACTICE_SHEET_PATH, { schema: { hide: true } }, async (_request, reply) => {
    page ??= practiceSheetHtml();
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('content-security-policy', SHEET_POLICY).send(page);
  });
}
