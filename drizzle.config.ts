/** drizzle-kit config: `npm run db:generate` writes SQL migrations used by both PGlite and PostgreSQL. */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './src/server/db/migrations',
});
