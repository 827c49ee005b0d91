/** The printable practice sheet (demo barcodes): public, like the console's page, since it holds only the demo's codes. */
import type { FastifyInstance } from 'fastify';
import { PRACTICE_SHEET_PATH, practiceSheetHtml } from '../demo/practice-sheet.js';

/** Registers GET /console/practice-sheet; the page is drawn once, on first request (it never changes while the server runs). */
export async function practiceSheetRoutes(app: FastifyInstance): Promise<void> {
  let page: string | null = null;
  app.get(PRACTICE_SHEET_PATH, { schema: { hide: true } }, async (_request, reply) => {
    page ??= practiceSheetHtml();
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
  });
}
